#pragma once

#include "app/client/callrecord.h"
#include "app/client/grpcschema.h"

#include <QList>
#include <QObject>

namespace triptych::client {
class GrpcCaller;
class GrpcReflection;
class RestCaller;
} // namespace triptych::client

namespace triptych::session {

// The rest of an N+1 question after its first call (docs/compare-and-trace.md: 51 requests, 50 calls): REST asks
// each listed user's orders, gRPC asks GetUserOrders for the next users, one call after the other as a naive
// client would, so the wall time shows what N+1 over the network costs.
class FollowUpRunner : public QObject {
    Q_OBJECT
public:
    explicit FollowUpRunner(QObject *parent = nullptr);

    // `first` is the first call's GET /v1/users?limit=N: asks GET /v1/users/{id}/orders for every user in it.
    void followUpRest(const client::CallRecord &first);
    // `first` is the first call's GetUserOrders for user 1: asks it again for users 2..users.
    void followUpGrpc(const client::CallRecord &first, const QString &traceBaseUrl, int users);
    void cancel();
    bool isRunning(client::CallKind kind) const;

Q_SIGNALS:
    void callFinished(const triptych::client::CallRecord &record);
    // Every follow-up of that style has an answer (or one failed and the rest were skipped).
    void followUpsFinished(triptych::client::CallKind kind);

private:
    void sendNextRest();
    void sendNextGrpc();
    void onRestDone(const client::CallRecord &record);
    void onGrpcDone(const client::CallRecord &record);
    void onSchemaLoaded(const client::GrpcSchemaPtr &schema);

    client::RestCaller *m_rest;
    client::GrpcCaller *m_grpc;
    client::GrpcReflection *m_reflection;
    client::GrpcSchemaPtr m_schema;
    QString m_schemaTarget;
    QList<QString> m_restQueue; // URLs still to ask
    QList<int> m_grpcQueue;     // user ids still to ask
    QString m_grpcTarget;
    QString m_grpcMethod;
    QString m_traceBaseUrl;
    quint64 m_restCall = 0;
    quint64 m_grpcCall = 0;
    bool m_restRunning = false;
    bool m_grpcRunning = false;
};

} // namespace triptych::session
