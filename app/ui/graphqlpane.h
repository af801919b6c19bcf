#pragma once

#include "app/ui/composerpane.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace triptych::client {
class GraphQLCaller;
class GraphQLWsCaller;
} // namespace triptych::client

namespace triptych::model {
class KeyValueModel;
}

namespace triptych::ui {

class AuthEditor;
class GraphQLOptionsEditor;
class NotesEditor;

// Composes a GraphQL operation: query editor, variables (JSON checked as you type), an operation picker for
// documents with several operations, and headers. Queries and mutations go over HTTP; a subscription goes over a
// WebSocket (graphql-transport-ws) to the same URL, its Authorization header in connection_init, each event into the
// response view's message list until Cancel (Esc) completes it.
class GraphQLPane : public ComposerPane {
    Q_OBJECT
public:
    explicit GraphQLPane(QWidget *parent = nullptr);

    void send() override;
    void cancel() override;
    bool isBusy() const override { return m_callId != 0 || m_subscriptionId != 0; }
    void load(const client::CallRecord &record) override;
    void setServer(const session::ServerState &state) override;
    void applyQuestion(const session::Question &question) override;
    client::CallKind style() const override { return client::CallKind::GraphQL; }
    workspace::RequestDocument toDocument() const override;
    void loadDocument(const workspace::RequestDocument &document) override;

    QPlainTextEdit *queryEditor() const { return m_query; }
    QPlainTextEdit *variablesEditor() const { return m_variables; }
    QComboBox *operationBox() const { return m_operation; }
    // The editors of the saved request's other fields (docs/workspace.md).
    AuthEditor *authEditor() const { return m_auth; }
    GraphQLOptionsEditor *optionsEditor() const { return m_options; }
    NotesEditor *notesEditor() const { return m_notes; }
    // The named operations of a document, in order ("query A { … } mutation B { … }" → A, B).
    static QStringList operationNames(const QString &document);

private:
    void onQueryChanged();
    void onVariablesChanged();
    void onCallEnded(const client::CallRecord &record);
    void subscribe(const workspace::RequestDocument &document);
    void onSubscribed(quint64 id);
    void onSubscriptionMessage(quint64 id, const client::StreamMessage &message);
    void onSubscriptionEnded(const client::CallRecord &record);

    client::GraphQLCaller *m_caller;
    client::GraphQLWsCaller *m_wsCaller;
    model::KeyValueModel *m_headers;
    QLineEdit *m_url;
    QPlainTextEdit *m_query;
    QPlainTextEdit *m_variables;
    QComboBox *m_operation;
    QLabel *m_operationLabel;
    QLabel *m_problem;
    AuthEditor *m_auth;
    GraphQLOptionsEditor *m_options;
    NotesEditor *m_notes;
    QString m_baseUrl = QStringLiteral("http://127.0.0.1:8080");
    QString m_token = QStringLiteral("demo-token");
    quint64 m_callId = 0;
    quint64 m_subscriptionId = 0;     // the running subscription
    quint64 m_completingId = 0;       // a subscription the user completed; its record still goes to the history
    bool m_showingCompleting = false; // the response view still shows that subscription
    int m_events = 0;
};

} // namespace triptych::ui
