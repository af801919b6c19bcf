#pragma once

#include "app/client/callrecord.h"
#include "app/client/restrequest.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace triptych::client {
class WebSocketCaller;
}

namespace triptych::ui {

class ResponseView;

// The REST pane's raw WebSocket (a ws:// or wss:// URL): Send opens the socket, then this panel sends text or binary
// (hex) messages and closes with a code and reason. Every message, both ways, goes into the response view's message
// list with its time and size; the record of the whole connection ends it.
class WebSocketPanel : public QWidget {
    Q_OBJECT
public:
    WebSocketPanel(ResponseView *response, QWidget *parent = nullptr);

    static bool isWebSocketUrl(const QString &url);

    // The request's URL with its query, its headers and auth header, and its TLS settings (wss://).
    void open(const client::RestRequest &request);
    bool isOpen() const { return m_id != 0; }
    // Sends the editor's text as a text message, or its hex digits as a binary one; false when there is nothing to
    // send or the hex does not parse (said in the panel).
    bool sendMessage();
    void closeSocket();

    QPlainTextEdit *messageEditor() const { return m_message; }
    QComboBox *kindBox() const { return m_kind; }
    QSpinBox *closeCodeBox() const { return m_closeCode; }
    QLineEdit *closeReasonEdit() const { return m_reason; }

Q_SIGNALS:
    // The connection ended (closed by either side, or it never opened): for the pane's history.
    void connectionEnded(const triptych::client::CallRecord &record);

private:
    void onOpened(quint64 id, const QString &subprotocol, const client::TlsInfo &tls);
    void onMessages(quint64 id, const QList<client::StreamMessage> &messages);
    void onEnded(const client::CallRecord &record);
    void updateButtons();

    ResponseView *m_response;
    client::WebSocketCaller *m_caller;
    QPlainTextEdit *m_message;
    QComboBox *m_kind;
    QPushButton *m_send;
    QSpinBox *m_closeCode;
    QLineEdit *m_reason;
    QPushButton *m_close;
    QLabel *m_problem;
    quint64 m_id = 0;
    bool m_opened = false;
};

} // namespace triptych::ui
