#include "app/ui/websocketpanel.h"

#include "app/client/websocketcaller.h"
#include "app/ui/certificateview.h"
#include "app/ui/responseview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {
constexpr int kNormalClose = 1000;
constexpr int kLastCloseCode = 4999; // RFC 6455 §7.4.2: 4000–4999 are the application's own
enum Kind { Text, Binary };
} // namespace

WebSocketPanel::WebSocketPanel(ResponseView *response, QWidget *parent)
    : QWidget(parent)
    , m_response(response)
    , m_caller(new client::WebSocketCaller(this))
    , m_message(new QPlainTextEdit(this))
    , m_kind(new QComboBox(this))
    , m_send(new QPushButton(tr("Send message"), this))
    , m_closeCode(new QSpinBox(this))
    , m_reason(new QLineEdit(this))
    , m_close(new QPushButton(tr("Close"), this))
    , m_problem(new QLabel(this)) {
    m_message->setAccessibleName(tr("WebSocket message"));
    m_message->setPlaceholderText(tr("A message to send once the socket is open: text, or hex digits for binary"));
    m_message->setMaximumHeight(m_message->fontMetrics().lineSpacing() * 5);
    m_kind->addItems({tr("Text"), tr("Binary (hex)")});
    m_kind->setAccessibleName(tr("Message kind"));
    m_closeCode->setRange(kNormalClose, kLastCloseCode);
    m_closeCode->setAccessibleName(tr("Close code"));
    m_closeCode->setToolTip(tr("1000 normal, 1001 going away, 4000–4999 the application's own"));
    m_reason->setPlaceholderText(tr("reason"));
    m_reason->setAccessibleName(tr("Close reason"));
    m_problem->hide();
    auto *row = new QHBoxLayout;
    row->addWidget(m_kind);
    row->addWidget(m_send);
    row->addStretch();
    row->addWidget(new QLabel(tr("Close code"), this));
    row->addWidget(m_closeCode);
    row->addWidget(m_reason);
    row->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    connect(m_send, &QPushButton::clicked, this, &WebSocketPanel::sendMessage);
    connect(m_close, &QPushButton::clicked, this, &WebSocketPanel::closeSocket);
    connect(m_caller, &client::WebSocketCaller::opened, this, &WebSocketPanel::onOpened);
    connect(m_caller, &client::WebSocketCaller::messagesReceived, this, &WebSocketPanel::onMessages);
    connect(m_caller, &client::WebSocketCaller::callFinished, this, &WebSocketPanel::onEnded);
    connect(m_caller, &client::WebSocketCaller::callFailed, this, &WebSocketPanel::onEnded);
    updateButtons();
}

bool WebSocketPanel::isWebSocketUrl(const QString &url) {
    const QString scheme = QUrl(url.trimmed()).scheme().toLower();
    return scheme == QLatin1String("ws") || scheme == QLatin1String("wss");
}

void WebSocketPanel::open(const client::RestRequest &rest) {
    if (m_id != 0)
        m_caller->close(m_id, kNormalClose); // a new connection replaces the open one
    QUrl url(rest.url);
    if (!rest.query.isEmpty()) {
        QUrlQuery query(url);
        for (const auto &[key, value] : rest.query)
            query.addQueryItem(QString::fromUtf8(key), QString::fromUtf8(value));
        url.setQuery(query);
    }
    client::WebSocketRequest request;
    request.url = url.toString();
    request.headers = rest.headers;
    const auto &auth = rest.auth;
    if (auth.kind == client::AuthKind::Basic)
        request.headers.append(
            {"Authorization", "Basic " + (auth.user + QLatin1Char(':') + auth.password).toUtf8().toBase64()});
    else if (auth.kind == client::AuthKind::Bearer)
        request.headers.append({"Authorization", "Bearer " + auth.token.toUtf8()});
    else if (auth.kind == client::AuthKind::ApiKey)
        request.headers.append({auth.apiKeyHeader, auth.token.toUtf8()});
    request.tls = rest.tls;
    request.connectTimeoutMs = rest.connectTimeoutMs;
    request.maxResponseBytes = rest.maxResponseBytes;
    m_opened = false;
    m_response->begin(tr("Opening %1…").arg(request.url));
    m_id = m_caller->open(request);
    updateButtons();
}

bool WebSocketPanel::sendMessage() {
    if (!m_opened)
        return false;
    const QString text = m_message->toPlainText();
    m_problem->hide();
    if (m_kind->currentIndex() == Binary) {
        QString digits = text;
        digits.remove(QRegularExpression(QStringLiteral("\\s")));
        const QByteArray bytes = QByteArray::fromHex(digits.toLatin1());
        if (digits.size() % 2 != 0 || bytes.toHex() != digits.toLower().toLatin1()) {
            m_problem->setText(tr("Binary messages are written as hex digits, e.g. 00 ff 10"));
            m_problem->show();
            return false;
        }
        m_caller->sendBinary(m_id, bytes);
        return true;
    }
    m_caller->sendText(m_id, text.toUtf8());
    return true;
}

void WebSocketPanel::closeSocket() {
    if (m_id != 0)
        m_caller->close(m_id, m_closeCode->value(), m_reason->text());
}

void WebSocketPanel::onOpened(quint64 id, const QString &subprotocol, const client::TlsInfo &tls) {
    if (id != m_id)
        return;
    m_opened = true;
    m_response->certificateView()->showTls(tls); // while the socket is open; the record at its end shows it again
    m_response->setStreamState(subprotocol.isEmpty() ? tr("WebSocket open")
                                                     : tr("WebSocket open · %1").arg(subprotocol));
    updateButtons();
}

void WebSocketPanel::onMessages(quint64 id, const QList<client::StreamMessage> &messages) {
    if (id != m_id)
        return;
    m_response->addMessages(messages);
    m_response->setStreamState(tr("WebSocket open · %n message(s)", nullptr, m_response->messageCount()));
}

void WebSocketPanel::onEnded(const client::CallRecord &record) {
    if (record.id != m_id)
        return;
    m_id = 0;
    m_opened = false;
    updateButtons();
    Q_EMIT connectionEnded(record);
}

void WebSocketPanel::updateButtons() {
    m_send->setEnabled(m_opened);
    m_close->setEnabled(m_id != 0);
}

} // namespace triptych::ui
