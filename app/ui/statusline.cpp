#include "app/ui/statusline.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>

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
    // Cut at the window's edge rather than widen the window past the screen; the tooltip has it whole.
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_text->setMinimumWidth(1);
    m_text->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::TextSelectableByMouse);
    connect(m_text, &QLabel::linkActivated, this, &StatusLine::onLinkActivated);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_dot);
    layout->addWidget(m_text, 1);
    setState({});
}

void StatusLine::setState(const session::ServerState &state) {
    using Phase = session::ServerState::Phase;
    m_state = state;
    const auto &settings = state.settings;
    QString text;
    QString colour;
    switch (state.phase) {
    case Phase::Starting:
        colour = QStringLiteral("#b58900");
        // Shown until the server runs again: the reason a question restarted it, then the running state.
        text = state.note.isEmpty() ? tr("Server starting…")
                                    : tr("Server restarting on the same ports: %1…").arg(state.note.toHtmlEscaped());
        break;
    case Phase::Stopped:
        colour = QStringLiteral("#c01c28");
        text = tr("Server stopped — the panes can still call outside services; Server ▸ Restart starts it again");
        break;
    case Phase::Failed:
        colour = QStringLiteral("#c01c28");
        text =
            tr("Server failed: %1 — change the ports in Server ▸ Options and restart").arg(state.error.toHtmlEscaped());
        break;
    case Phase::Running: {
        colour = QStringLiteral("#1a7f37");
        const QString lifecycle =
            settings.lifecycleStepMs > 0 ? tr("%1 ms per step").arg(settings.lifecycleStepMs) : tr("off");
        const QString rate = settings.rateLimitPerSecond > 0 ? tr("%1/s").arg(settings.rateLimitPerSecond) : tr("off");
        const QString database = settings.dbLatencyMs > 0 ? tr("%1 ms").arg(settings.dbLatencyMs) : tr("none");
        text = tr("Server running · HTTP 127.0.0.1:%1 · gRPC 127.0.0.1:%2 · token %3 · key %4 · DataLoader %5 · "
                  "gateway %6 · DB round trip %7 · rate limit %8 · lifecycle %9")
                   .arg(state.httpPort)
                   .arg(state.grpcPort)
                   .arg(copyLink(settings.token), copyLink(settings.apiKey), onOff(settings.dataLoader),
                        onOff(settings.gateway), database, rate, lifecycle);
        text += tr(" · tracing %1").arg(onOff(settings.tracing));
        if (!state.note.isEmpty())
            text += QStringLiteral(" · <b>%1</b>").arg(state.note.toHtmlEscaped());
        break;
    }
    }
    m_dot->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    if (state.phase != Phase::Running)
        text = QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, text);
    m_text->setText(text);
    QString plain = text;
    plain.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    m_text->setToolTip(tr("%1\nClick a credential to copy it").arg(plain));
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
