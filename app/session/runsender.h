#pragma once

#include "app/client/callrecord.h"
#include "app/client/grpcschema.h"
#include "app/workspace/requestdocument.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace triptych::client {
class GraphQLCaller;
class GraphQLWsCaller;
class GrpcCaller;
class RestCaller;
} // namespace triptych::client

namespace triptych::session {

// Sends one resolved saved request at a time for `triptych-cli run` and the window's Runner, in any style, and reports
// its record. Streams (SSE, subscriptions, gRPC streams) are stopped by the runner: once `stopAfterMessages` have
// arrived, or a stream window after they started, so a folder with a live stream still ends; such a record is not an
// error. gRPC schemas are kept for the whole run: from reflection per target, from files per set of files.
class RunSender : public QObject {
    Q_OBJECT
public:
    static constexpr int kStreamWindowMs = 1'000;

    RunSender(QString workspaceRoot, bool sendTrace, QObject *parent = nullptr);
    ~RunSender() override;

    // `stopAfterMessages` 0: no count, only the stream window.
    void send(const workspace::RequestDocument &resolved, int stopAfterMessages);
    // The schema of a gRPC request: its .proto files, or the target's reflection (kept per target); requestFailed
    // when there is none.
    void schemaFor(const workspace::RequestDocument &document, std::function<void(client::GrpcSchemaPtr)> next);

Q_SIGNALS:
    void requestFinished(const triptych::client::CallRecord &record);
    // The request could not be made: no schema, unknown method, bad URL.
    void requestFailed(const QString &error);

private:
    void sendRest(const workspace::RequestDocument &document);
    void sendGraphQL(const workspace::RequestDocument &document);
    void sendGrpc(const workspace::RequestDocument &document);
    void onMessage(quint64 id);
    void onRecord(const client::CallRecord &record);
    void startWindow(quint64 id);
    void stop(quint64 id);

    QString m_root;
    bool m_sendTrace = false;
    client::RestCaller *m_rest = nullptr;
    client::GraphQLCaller *m_graphql = nullptr;
    client::GraphQLWsCaller *m_graphqlWs = nullptr;
    client::GrpcCaller *m_grpc = nullptr;
    QHash<QString, client::GrpcSchemaPtr> m_schemas;     // by target, from reflection
    QHash<QString, client::GrpcSchemaPtr> m_fileSchemas; // by interop::requestFilesKey
    QTimer m_window;
    quint64 m_current = 0;
    std::function<void(quint64)> m_cancel;
    int m_stopAfter = 0;
    int m_received = 0;
    bool m_stopped = false;
};

} // namespace triptych::session
