#include "app/ui/quickopendialog.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {
constexpr int kWidthPx = 560;
constexpr int kHeightPx = 380;
} // namespace

QuickOpenDialog::QuickOpenDialog(const QList<model::QuickOpenItem> &items, QWidget *parent)
    : QDialog(parent)
    , m_model(new model::QuickOpenModel(this))
    , m_pattern(new QLineEdit(this))
    , m_list(new QListView(this)) {
    setWindowTitle(tr("Open a saved request"));
    m_model->setItems(items);
    m_pattern->setPlaceholderText(tr("Type part of a request's name…"));
    m_pattern->installEventFilter(this);
    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pattern);
    layout->addWidget(m_list, 1);
    resize(kWidthPx, kHeightPx);
    connect(m_pattern, &QLineEdit::textChanged, this, &QuickOpenDialog::onPatternEdited);
    connect(m_pattern, &QLineEdit::returnPressed, this, &QuickOpenDialog::chooseCurrent);
    connect(m_list, &QListView::activated, this, &QuickOpenDialog::chooseCurrent);
    onPatternEdited({});
}

void QuickOpenDialog::onPatternEdited(const QString &pattern) {
    m_model->setPattern(pattern);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
}

void QuickOpenDialog::chooseCurrent() {
    const QString path = m_model->pathAt(m_list->currentIndex().row());
    if (path.isEmpty())
        return;
    accept();
    Q_EMIT requestChosen(path);
}

bool QuickOpenDialog::eventFilter(QObject *watched, QEvent *event) {
    // The arrows move through the list while the typing stays in the line.
    if (watched == m_pattern && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            QKeyEvent forwarded(QEvent::KeyPress, key, Qt::NoModifier);
            QCoreApplication::sendEvent(m_list, &forwarded);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace triptych::ui
