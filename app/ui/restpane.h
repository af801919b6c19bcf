#pragma once

#include "app/ui/composerpane.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace triptych::client {
class RestCaller;
struct RestRequest;
} // namespace triptych::client

namespace triptych::model {
class KeyValueModel;
}

namespace triptych::ui {

class HttpOptionsEditor;
class MultipartEditor;
class NotesEditor;
class WebSocketPanel;

// Composes an HTTP request: method, URL with a query-parameter table, headers, body (JSON checked as you type,
// raw, form, file) and an auth helper; SSE answers stream into the message list.
class RestPane : public ComposerPane {
    Q_OBJECT
public:
    explicit RestPane(QWidget *parent = nullptr);

    void send() override;
    void cancel() override;
    bool isBusy() const override { return m_callId != 0; }
    void load(const client::CallRecord &record) override;
    void setServer(const session::ServerState &state) override;
    void applyQuestion(const session::Question &question) override;
    client::CallKind style() const override { return client::CallKind::Rest; }
    workspace::RequestDocument toDocument() const override;
    void loadDocument(const workspace::RequestDocument &document) override;

    QLineEdit *urlEdit() const { return m_url; }
    QComboBox *methodBox() const { return m_method; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QPlainTextEdit *bodyEditor() const { return m_jsonBody; }
    // The editors of the saved request's other fields (docs/workspace.md).
    NotesEditor *notesEditor() const { return m_notes; }
    MultipartEditor *multipartEditor() const { return m_multipart; }
    HttpOptionsEditor *moreOptionsEditor() const { return m_moreOptions; }
    QLineEdit *apiKeyNameEdit() const { return m_apiKeyName; }
    QComboBox *apiKeyPlacementBox() const { return m_apiKeyIn; }

Q_SIGNALS:
    // A curl command pasted (or typed, then Enter) into the URL field, to become the request (interopactions.h).
    void curlCommandEntered(const QString &command);

private:
    void onUrlTextEdited(const QString &text);
    void onUrlEdited();
    void showUrl(const QString &url);
    void onBodyChanged();
    void onUseDemoCredentials();
    void onBrowseFile();
    void onMessagesReceived(quint64 id, const QList<client::StreamMessage> &messages);
    void createWebSocketPanel(); // websocketpanel.h: a ws:// or wss:// URL opens a raw WebSocket instead
    void onCallEnded(const client::CallRecord &record);
    QWidget *createBodyTab();
    QWidget *createAuthTab();
    QWidget *createOptionsTab();
    bool buildRequest(client::RestRequest &request, QString *problem) const;

    client::RestCaller *m_caller;
    WebSocketPanel *m_webSocket = nullptr;
    QComboBox *m_method;
    QLineEdit *m_url;
    model::KeyValueModel *m_params;
    model::KeyValueModel *m_headers;
    QComboBox *m_bodyKind;
    QStackedWidget *m_bodyStack;
    QPlainTextEdit *m_jsonBody;
    QLabel *m_jsonProblem;
    QPlainTextEdit *m_rawBody;
    QLineEdit *m_rawContentType;
    model::KeyValueModel *m_form;
    QTableView *m_formView;
    QLineEdit *m_filePath;
    QPushButton *m_browse;
    QComboBox *m_authKind;
    QLineEdit *m_authUser;
    QLineEdit *m_authSecret;
    QPushButton *m_demo;
    QSpinBox *m_timeout;
    QCheckBox *m_followRedirects;
    QCheckBox *m_skipTlsVerification;
    NotesEditor *m_notes;
    MultipartEditor *m_multipart;
    HttpOptionsEditor *m_moreOptions;
    QLineEdit *m_apiKeyName;
    QComboBox *m_apiKeyIn;
    QString m_baseUrl = QStringLiteral("http://127.0.0.1:8080");
    QString m_token = QStringLiteral("demo-token");
    QString m_apiKey = QStringLiteral("demo-key");
    quint64 m_callId = 0;
    QString m_urlBefore; // the URL field before its last change, to tell a paste (many characters) from typing
    QString m_urlNow;
};

} // namespace triptych::ui
