#include "app/ui/aboutdialog.h"

#include "app/ui/appicon.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {
constexpr int kIconPixels = 64;

QLabel *selectableLabel(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

AboutDialog::AboutDialog(session::BuildInfo info, QWidget *parent)
    : QDialog(parent)
    , m_info(std::move(info)) {
    setWindowTitle(tr("About Triptych"));

    auto *icon = new QLabel(this);
    icon->setPixmap(appIcon().pixmap(kIconPixels, kIconPixels));
    auto *title = new QLabel(tr("<b><big>Triptych %1</big></b><br>API explorer for REST, GraphQL and gRPC, side by "
                                "side, with an embedded order server")
                                 .arg(m_info.version.toHtmlEscaped()),
                             this);
    title->setObjectName(QStringLiteral("title"));
    auto *header = new QHBoxLayout;
    header->addWidget(icon, 0, Qt::AlignTop);
    header->addWidget(title, 1);

    auto *versions = new QFormLayout;
    for (const auto &component : std::as_const(m_info.components)) {
        const QString text = component.running == component.builtWith
                                 ? component.running
                                 : tr("%1 (built with %2)").arg(component.running, component.builtWith);
        auto *label = selectableLabel(text, this);
        label->setObjectName(component.name);
        versions->addRow(tr("%1:").arg(component.name), label);
    }

    const QUrl homepage(m_info.homepage);
    auto *licence = new QLabel(tr("Released under the %1 licence.<br><a href=\"%2\">%3</a>")
                                   .arg(m_info.licence.toHtmlEscaped(), homepage.toString(QUrl::FullyEncoded),
                                        (homepage.host() + homepage.path()).toHtmlEscaped()),
                               this);
    licence->setObjectName(QStringLiteral("licence"));
    licence->setOpenExternalLinks(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Put the versions on the clipboard, e.g. for a bug report"));
    connect(copy, &QPushButton::clicked, this, &AboutDialog::onCopy);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(versions);
    layout->addWidget(licence);
    layout->addWidget(buttons);
}

void AboutDialog::onCopy() {
    QGuiApplication::clipboard()->setText(m_info.toText());
}

} // namespace triptych::ui
