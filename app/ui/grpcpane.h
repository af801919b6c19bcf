#pragma once

#include "app/client/grpcschema.h"
#include "app/client/grpcwebframes.h"
#include "app/ui/composerpane.h"

#include <optional>
#include <utility>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeView;

namespace triptych::client {
class GrpcCaller;
class GrpcReflection;
struct CallError;
} // namespace triptych::client

namespace triptych::model {
class KeyValueModel;
class MethodTreeModel;
} // namespace triptych::model

namespace triptych::ui {

class GrpcConnectionEditor;
class NotesEditor;
class EditorAssist;

// Composes a gRPC call: target, a service/method tree from reflection or .proto files, the request as JSON started
// from a template of the input message, metadata and deadline; streams can send more, half-close and cancel.
class GrpcPane : public ComposerPane {
    Q_OBJECT
public:
    explicit GrpcPane(QWidget *parent = nullptr);

    void send() override;
    void cancel() override;
    bool isBusy() const override { return m_callId != 0 || m_sendWhenLoaded; }
    void load(const client::CallRecord &record) override;
    void setServer(const session::ServerState &state) override;
    void applyQuestion(const session::Question &question) override;
    client::CallKind style() const override { return client::CallKind::Grpc; }
    workspace::RequestDocument toDocument() const override;
    void loadDocument(const workspace::RequestDocument &document) override;

    // Asks the target for its services by reflection.
    void loadSchema();
    // Picks a method as a click in the tree does: its name, and a request template of its input message.
    void selectMethod(const QString &fullName);
    void sendAnother();
    void halfClose();
    // Native gRPC or gRPC-Web, as a lesson step asks; a target that follows the embedded server moves to its gRPC
    // or HTTP port with it. The first change remembers the transport and target, restoreTransport() puts them back.
    void applyTransport(client::GrpcTransport transport);
    void restoreTransport();

    QLineEdit *targetEdit() const { return m_target; }
    QLineEdit *methodEdit() const { return m_method; }
    QPlainTextEdit *requestEditor() const { return m_request; }
    model::MethodTreeModel *methodModel() const { return m_methods; }
    QTreeView *methodTree() const { return m_tree; }
    // The editors of the saved request's other fields (docs/workspace.md).
    GrpcConnectionEditor *connectionEditor() const { return m_connection; }
    NotesEditor *notesEditor() const { return m_notes; }
    // Completion and checks of the request JSON from the method's input descriptor (docs/editor.md).
    EditorAssist *assist() const { return m_assist; }

Q_SIGNALS:
    void schemaFinished();

private:
    void onSchemaLoaded(const client::GrpcSchemaPtr &schema, const QString &version);
    void onSchemaFailed(const client::CallError &error);
    void onOpenProtoFiles();
    void onMethodActivated(const QModelIndex &index);
    void showMethodInTree();
    void onRequestChanged();
    void onMessagesReceived(quint64 id, const QList<client::StreamMessage> &messages);
    void onCallEnded(const client::CallRecord &record);
    void setSchema(const client::GrpcSchemaPtr &schema, const QString &source);
    // Loads the services from the .proto files the loaded document names (grpcpanedocument.cpp); false when it
    // names none, so reflection is asked.
    bool loadSchemaFromDocument();
    // The schema from a descriptor set file (grpcpanedocument.cpp); true, having shown a problem if it did not load.
    bool loadDescriptorSet(const QString &path);
    void updateStreamButtons();
    static QByteArray messageList(const QList<QByteArray> &messages);
    bool methodIsClientStreaming() const;
    void updateMessageAssist();
    // "127.0.0.1:8080": the embedded server's HTTP port as a gRPC-Web target.
    QString embeddedHttpTarget() const;

    client::GrpcCaller *m_caller;
    client::GrpcReflection *m_reflection;
    model::MethodTreeModel *m_methods;
    model::KeyValueModel *m_metadata;
    QLineEdit *m_target;
    QLineEdit *m_method;
    QTreeView *m_tree;
    QPlainTextEdit *m_request;
    QSpinBox *m_deadline;
    QPushButton *m_sendAnother;
    QPushButton *m_halfClose;
    GrpcConnectionEditor *m_connection;
    NotesEditor *m_notes;
    EditorAssist *m_assist = nullptr;
    client::GrpcSchemaPtr m_schema;
    QString m_httpBase = QStringLiteral("http://127.0.0.1:8080");
    QString m_token = QStringLiteral("demo-token");
    QString m_embeddedTarget = QStringLiteral("127.0.0.1:50051");
    quint64 m_callId = 0;
    bool m_sendWhenLoaded = false;
    // A question's list of client-stream messages: sent, then half-closed, as the question means the whole stream.
    bool m_halfCloseAfterList = false;
    std::optional<std::pair<int, QString>> m_transportBefore; // the transport box's index and the target
};

} // namespace triptych::ui
