#include "app/ui/historylimitsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

namespace triptych::ui {

namespace {
constexpr auto kEntriesKey = "history/maxEntries";
constexpr auto kDaysKey = "history/maxAgeDays";
constexpr auto kMiBKey = "history/maxMiB";
constexpr qint64 kMiB = 1024 * 1024;
constexpr int kMaxEntries = 10'000'000;
constexpr int kMaxDays = 36'500;
constexpr int kMaxMiB = 1'000'000;

// A limit of 0 is "none": the box is switched off and keeps the last number, or `fallback`, for switching it on.
void showLimit(QCheckBox *on, QSpinBox *box, qint64 value, int fallback) {
    on->setChecked(value > 0);
    box->setValue(value > 0 ? int(value) : fallback);
    box->setEnabled(value > 0);
    QObject::connect(on, &QCheckBox::toggled, box, &QWidget::setEnabled);
}
} // namespace

HistoryLimitsDialog::HistoryLimitsDialog(const workspace::HistoryLimits &limits, QWidget *parent)
    : QDialog(parent)
    , m_entriesOn(new QCheckBox(tr("At most"), this))
    , m_entries(new QSpinBox(this))
    , m_daysOn(new QCheckBox(tr("At most"), this))
    , m_days(new QSpinBox(this))
    , m_sizeOn(new QCheckBox(tr("At most"), this))
    , m_sizeMiB(new QSpinBox(this)) {
    setWindowTitle(tr("History limits"));
    const workspace::HistoryLimits defaults;
    m_entries->setRange(1, kMaxEntries);
    m_entries->setSuffix(tr(" calls"));
    m_entries->setAccessibleName(tr("Most calls kept"));
    m_days->setRange(1, kMaxDays);
    m_days->setSuffix(tr(" days"));
    m_days->setAccessibleName(tr("Most days kept"));
    m_sizeMiB->setRange(1, kMaxMiB);
    m_sizeMiB->setSuffix(tr(" MiB"));
    m_sizeMiB->setAccessibleName(tr("Most disk space used"));
    showLimit(m_entriesOn, m_entries, limits.maxEntries, defaults.maxEntries);
    showLimit(m_daysOn, m_days, limits.maxAgeDays, defaults.maxAgeDays);
    showLimit(m_sizeOn, m_sizeMiB, limits.maxBytes / kMiB, int(defaults.maxBytes / kMiB));

    auto *layout = new QFormLayout(this);
    auto *about =
        new QLabel(tr("Every call is kept in your data folder. Beyond these limits the oldest calls go first, "
                      "now and after every call."),
                   this);
    about->setWordWrap(true);
    layout->addRow(about);
    const auto row = [layout](const QString &label, QCheckBox *on, QSpinBox *box) {
        auto *line = new QHBoxLayout;
        line->addWidget(on);
        line->addWidget(box, 1);
        layout->addRow(label, line);
    };
    row(tr("Calls"), m_entriesOn, m_entries);
    row(tr("Age"), m_daysOn, m_days);
    row(tr("Disk space"), m_sizeOn, m_sizeMiB);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addRow(buttons);
}

workspace::HistoryLimits HistoryLimitsDialog::limits() const {
    workspace::HistoryLimits limits;
    limits.maxEntries = m_entriesOn->isChecked() ? m_entries->value() : 0;
    limits.maxAgeDays = m_daysOn->isChecked() ? m_days->value() : 0;
    limits.maxBytes = m_sizeOn->isChecked() ? m_sizeMiB->value() * kMiB : 0;
    return limits;
}

workspace::HistoryLimits HistoryLimitsDialog::savedLimits() {
    const QSettings settings;
    const workspace::HistoryLimits defaults;
    workspace::HistoryLimits limits;
    limits.maxEntries = std::max(0, settings.value(QLatin1String(kEntriesKey), defaults.maxEntries).toInt());
    limits.maxAgeDays = std::max(0, settings.value(QLatin1String(kDaysKey), defaults.maxAgeDays).toInt());
    limits.maxBytes =
        std::max<qint64>(0, settings.value(QLatin1String(kMiBKey), defaults.maxBytes / kMiB).toLongLong()) * kMiB;
    return limits;
}

void HistoryLimitsDialog::saveLimits(const workspace::HistoryLimits &limits) {
    QSettings settings;
    settings.setValue(QLatin1String(kEntriesKey), limits.maxEntries);
    settings.setValue(QLatin1String(kDaysKey), limits.maxAgeDays);
    settings.setValue(QLatin1String(kMiBKey), limits.maxBytes / kMiB);
}

} // namespace triptych::ui
