#include "app/ui/statusline.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>

namespace triptych::ui {

namespace {
QString onOff(bool on) {
    return on ? QStringLiteral("on") : QStringLiteral("off");
}

QString copyLink(const QString &value) {
    return QStringLiteral("<a href=\"copy:%1\">%1</a>").arg(value.toHtmlEscaped());
}
} // namespace

StatusLine::StatusLine(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(QStringLiteral("●"), this))
    , m_text(new QLabel(this)) {
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::TextSelectableByMouse);
    m_text->setToolTip(tr("Click a credential to copy it"));
    connect(m_text, &QLabel::linkActivated, this, &StatusLine::onLinkActivated);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_dot);
    layout->addWidget(m_text, 1);
    setState({});
}

void StatusLine::setState(const ServerState &state) {
    m_state = state;
    const auto &options = state.options;
    QString text;
    QString colour;
    switch (state.phase) {
    case ServerState::Phase::Starting:
        colour = QStringLiteral("#b58900");
        text = tr("Server starting…");
        break;
    case ServerState::Phase::Stopped:
        colour = QStringLiteral("#c01c28");
        text = tr("Server stopped — the panes can still call outside services; Server ▸ Restart starts it again");
        break;
    case ServerState::Phase::Failed:
        colour = QStringLiteral("#c01c28");
        text =
            tr("Server failed: %1 — change the ports in Server ▸ Options and restart").arg(state.error.toHtmlEscaped());
        break;
    case ServerState::Phase::Running: {
        colour = QStringLiteral("#1a7f37");
        const QString lifecycle =
            options.lifecycleStep.count() > 0 ? tr("%1 ms per step").arg(options.lifecycleStep.count()) : tr("off");
        const QString rate = options.rateLimitPerSecond > 0 ? tr("%1/s").arg(options.rateLimitPerSecond) : tr("off");
        text = tr("Server running · HTTP 127.0.0.1:%1 · gRPC 127.0.0.1:%2 · token %3 · key %4 · DataLoader %5 · "
                  "gateway %6 · rate limit %7 · lifecycle %8 · tracing %9")
                   .arg(state.httpPort)
                   .arg(state.grpcPort)
                   .arg(copyLink(QString::fromStdString(options.credentials.token)),
                        copyLink(QString::fromStdString(options.credentials.apiKey)), onOff(options.dataLoader),
                        onOff(options.gateway), rate, lifecycle, onOff(options.tracing));
        if (!state.note.isEmpty())
            text += QStringLiteral(" · <b>%1</b>").arg(state.note.toHtmlEscaped());
        break;
    }
    }
    m_dot->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    if (state.phase != ServerState::Phase::Running)
        text = QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, text);
    m_text->setText(text);
}

QString StatusLine::text() const {
    return m_text->text();
}

void StatusLine::onLinkActivated(const QString &link) {
    const QString value = link.mid(int(qstrlen("copy:")));
    QGuiApplication::clipboard()->setText(value);
    Q_EMIT copyFinished(value);
}

} // namespace triptych::ui
