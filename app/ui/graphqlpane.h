#pragma once

#include "app/ui/composerpane.h"

#include <QDateTime>

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

namespace triptych::editor {
class EditorSchema;
class GraphQLSchemaLoader;
} // namespace triptych::editor

namespace triptych::ui {

class AuthEditor;
class GraphQLOptionsEditor;
class NotesEditor;
class EditorAssist;

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
    // Caches the loaded schema beside the request (.triptych/schemas/, docs/editor.md) and refers to it.
    void prepareSave(workspace::RequestDocument &document) override;

    QPlainTextEdit *queryEditor() const { return m_query; }
    QPlainTextEdit *variablesEditor() const { return m_variables; }
    QComboBox *operationBox() const { return m_operation; }
    // The editors of the saved request's other fields (docs/workspace.md).
    AuthEditor *authEditor() const { return m_auth; }
    GraphQLOptionsEditor *optionsEditor() const { return m_options; }
    NotesEditor *notesEditor() const { return m_notes; }
    // The named operations of a document, in order ("query A { … } mutation B { … }" → A, B).
    static QStringList operationNames(const QString &document);

    // Schema-aware editing (docs/editor.md): the schema comes from introspection of the URL (with the pane's
    // headers; again when the URL changes, or on demand) or from an SDL or introspection JSON file.
    EditorAssist *assist() const { return m_assist; }
    void loadSchema();
    void loadSchemaFile(const QString &path);
    QString schemaStatus() const;
    // Fills the variables editor with the operation's variables (keeps the values already there).
    void fillVariables();
    // Inserts text at the query's cursor, indented like the cursor's line (the schema explorer's fields).
    void insertIntoQuery(const QString &text);
    // Inserts a field clicked in the schema explorer where it fits (editor::placeField); when it fits nowhere, the
    // schema row says why.
    void insertField(const QString &typeName, const QString &fieldName);

Q_SIGNALS:
    // A new schema is in assist()->schema().
    void schemaFinished();

private:
    void onQueryChanged();
    void onVariablesChanged();
    void onCallEnded(const client::CallRecord &record);
    void subscribe(const workspace::RequestDocument &document);
    void onSubscribed(quint64 id);
    void onSubscriptionMessages(quint64 id, const QList<client::StreamMessage> &messages);
    void onSubscriptionEnded(const client::CallRecord &record);
    void setupAssist();
    void onSchemaLoaded(const editor::EditorSchema &schema);
    void onSchemaLoadFailed(const QString &why);
    void showSchemaStatus();
    bool useCachedSchema();

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
    EditorAssist *m_assist = nullptr;
    EditorAssist *m_variablesAssist = nullptr; // variable names as keys of the variables JSON
    editor::GraphQLSchemaLoader *m_schemaLoader = nullptr;
    QLabel *m_schemaStatus = nullptr;
    QString m_schemaSource; // the URL or file the schema came from
    QString m_schemaProblem;
    QString m_insertProblem;       // why the explorer's last field could not go into the query
    bool m_schemaFromFile = false; // a late introspection does not replace the file's schema
    QString m_schemaCache;         // the saved request's cached schema (workspace-relative), toDocument() keeps it
    QDateTime m_schemaCachedAt;    // set while the schema in use is that cache
    QString m_baseUrl = QStringLiteral("http://127.0.0.1:8080");
    QString m_token = QStringLiteral("demo-token");
    quint64 m_callId = 0;
    quint64 m_subscriptionId = 0;     // the running subscription
    quint64 m_completingId = 0;       // a subscription the user completed; its record still goes to the history
    bool m_showingCompleting = false; // the response view still shows that subscription
    int m_events = 0;
};

} // namespace triptych::ui
