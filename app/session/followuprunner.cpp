#include "app/session/followuprunner.h"

#include "app/client/grpccaller.h"
#include "app/client/grpcreflection.h"
#include "app/client/restcaller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace triptych::session {

FollowUpRunner::FollowUpRunner(QObject *parent)
    : QObject(parent)
    , m_rest(new client::RestCaller(this))
    , m_grpc(new client::GrpcCaller(this))
    , m_reflection(new client::GrpcReflection(this)) {
    connect(m_rest, &client::RestCaller::callFinished, this, &FollowUpRunner::onRestDone);
    connect(m_rest, &client::RestCaller::callFailed, this, &FollowUpRunner::onRestDone);
    connect(m_grpc, &client::GrpcCaller::callFinished, this, &FollowUpRunner::onGrpcDone);
    connect(m_grpc, &client::GrpcCaller::callFailed, this, &FollowUpRunner::onGrpcDone);
    connect(m_reflection, &client::GrpcReflection::schemaLoaded, this,
            [this](const client::GrpcSchemaPtr &schema, const QString &) { onSchemaLoaded(schema); });
    connect(m_reflection, &client::GrpcReflection::loadFailed, this, [this](const client::CallError &) {
        m_grpcQueue.clear();
        m_grpcRunning = false;
        Q_EMIT followUpsFinished(client::CallKind::Grpc);
    });
}

bool FollowUpRunner::isRunning(client::CallKind kind) const {
    switch (kind) {
    case client::CallKind::Rest:
        return m_restRunning;
    case client::CallKind::Grpc:
        return m_grpcRunning;
    case client::CallKind::GraphQL:
    case client::CallKind::GraphQLWebSocket:
        break;
    }
    return false; // GraphQL needs no follow-ups: one request answers the N+1 question
}

void FollowUpRunner::cancel() {
    // Forget the calls first: a caller may report the cancelled call at once, and that must not send the next.
    const quint64 restCall = std::exchange(m_restCall, 0);
    const quint64 grpcCall = std::exchange(m_grpcCall, 0);
    m_restQueue.clear();
    m_grpcQueue.clear();
    m_restRunning = m_grpcRunning = false;
    if (restCall != 0)
        m_rest->cancel(restCall);
    if (grpcCall != 0)
        m_grpc->cancel(grpcCall);
}

void FollowUpRunner::followUpRest(const client::CallRecord &first) {
    m_restQueue.clear();
    QUrl base(first.url);
    base.setQuery(QString());
    const auto items = QJsonDocument::fromJson(first.body).object().value(QStringLiteral("items")).toArray();
    for (const auto &item : items) {
        QUrl url = base;
        url.setPath(QStringLiteral("/v1/users/%1/orders").arg(item.toObject().value(QStringLiteral("id")).toInt()));
        m_restQueue.append(url.toString());
    }
    m_restRunning = true;
    sendNextRest();
}

void FollowUpRunner::sendNextRest() {
    if (m_restQueue.isEmpty()) {
        m_restRunning = false;
        Q_EMIT followUpsFinished(client::CallKind::Rest);
        return;
    }
    client::RestRequest request;
    request.url = m_restQueue.takeFirst();
    m_restCall = m_rest->send(std::move(request));
}

void FollowUpRunner::onRestDone(const client::CallRecord &record) {
    if (record.id != m_restCall)
        return;
    m_restCall = 0;
    Q_EMIT callFinished(record);
    if (!record.transportOk())
        m_restQueue.clear(); // the server is gone: the rest would fail the same way
    sendNextRest();
}

void FollowUpRunner::followUpGrpc(const client::CallRecord &first, const QString &traceBaseUrl, int users) {
    m_grpcQueue.clear();
    for (int user = 2; user <= users; ++user)
        m_grpcQueue.append(user);
    m_grpcTarget = first.url;
    m_grpcMethod = first.method.mid(first.method.startsWith(QLatin1Char('/')) ? 1 : 0);
    m_traceBaseUrl = traceBaseUrl;
    m_grpcRunning = true;
    if (m_schema && m_schemaTarget == m_grpcTarget) {
        sendNextGrpc();
        return;
    }
    client::ReflectionRequest request;
    request.target = m_grpcTarget;
    m_reflection->load(request);
}

void FollowUpRunner::onSchemaLoaded(const client::GrpcSchemaPtr &schema) {
    m_schema = schema;
    m_schemaTarget = m_grpcTarget;
    if (m_grpcRunning)
        sendNextGrpc();
}

void FollowUpRunner::sendNextGrpc() {
    if (m_grpcQueue.isEmpty()) {
        m_grpcRunning = false;
        Q_EMIT followUpsFinished(client::CallKind::Grpc);
        return;
    }
    client::GrpcRequest request;
    request.target = m_grpcTarget;
    request.method = m_grpcMethod;
    request.messages = {QJsonDocument(QJsonObject{{QStringLiteral("user_id"), m_grpcQueue.takeFirst()}}).toJson()};
    request.traceBaseUrl = m_traceBaseUrl;
    m_grpcCall = m_grpc->call(m_schema, std::move(request));
}

void FollowUpRunner::onGrpcDone(const client::CallRecord &record) {
    if (record.id != m_grpcCall)
        return;
    m_grpcCall = 0;
    Q_EMIT callFinished(record);
    if (!record.transportOk())
        m_grpcQueue.clear();
    sendNextGrpc();
}

} // namespace triptych::session
