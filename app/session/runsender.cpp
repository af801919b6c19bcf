#include "app/session/runsender.h"

#include "app/client/graphqlcaller.h"
#include "app/client/graphqlwscaller.h"
#include "app/client/graphqlwsprotocol.h"
#include "app/client/grpccaller.h"
#include "app/client/grpcreflection.h"
#include "app/client/restcaller.h"
#include "app/interop/requestschema.h"
#include "app/workspace/requestconversion.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace triptych::session {

using namespace triptych::client;

RunSender::RunSender(QString workspaceRoot, bool sendTrace, QObject *parent)
    : QObject(parent)
    , m_root(std::move(workspaceRoot))
    , m_sendTrace(sendTrace)
    , m_rest(new RestCaller(this))
    , m_graphql(new GraphQLCaller(this))
    , m_graphqlWs(new GraphQLWsCaller(this))
    , m_grpc(new GrpcCaller(this)) {
    m_window.setSingleShot(true);
    connect(&m_window, &QTimer::timeout, this, [this] { stop(m_current); });
    connect(m_rest, &RestCaller::messageReceived, this, [this](quint64 id, const StreamMessage &) { onMessage(id); });
    connect(m_graphqlWs, &GraphQLWsCaller::messageReceived, this, [this](quint64 id, const StreamMessage &message) {
        // Payloads only: not the handshake, pings or the closing `complete`.
        if (!message.outgoing && (message.event == QLatin1String("next") || message.event == QLatin1String("data")))
            onMessage(id);
    });
    connect(m_grpc, &GrpcCaller::messageReceived, this, [this](quint64 id, const StreamMessage &message) {
        if (!message.outgoing)
            onMessage(id);
    });
    connect(m_rest, &RestCaller::callFinished, this, &RunSender::onRecord);
    connect(m_rest, &RestCaller::callFailed, this, &RunSender::onRecord);
    connect(m_graphql, &GraphQLCaller::callFinished, this, &RunSender::onRecord);
    connect(m_graphql, &GraphQLCaller::callFailed, this, &RunSender::onRecord);
    connect(m_graphqlWs, &GraphQLWsCaller::callFinished, this, &RunSender::onRecord);
    connect(m_graphqlWs, &GraphQLWsCaller::callFailed, this, &RunSender::onRecord);
    connect(m_grpc, &GrpcCaller::callFinished, this, &RunSender::onRecord);
    connect(m_grpc, &GrpcCaller::callFailed, this, &RunSender::onRecord);
}

RunSender::~RunSender() = default;

void RunSender::send(const workspace::RequestDocument &resolved, int stopAfterMessages) {
    m_stopAfter = stopAfterMessages;
    m_received = 0;
    m_stopped = false;
    m_current = 0;
    m_cancel = nullptr;
    m_window.stop();
    switch (resolved.style) {
    case workspace::RequestStyle::Rest:
        return sendRest(resolved);
    case workspace::RequestStyle::GraphQL:
        return sendGraphQL(resolved);
    case workspace::RequestStyle::Grpc:
        return sendGrpc(resolved);
    }
}

void RunSender::startWindow(quint64 id) {
    m_current = id;
    if (!m_window.isActive())
        m_window.start(kStreamWindowMs);
}

void RunSender::onMessage(quint64 id) {
    if (id != m_current || m_stopped)
        return;
    ++m_received;
    if (m_stopAfter > 0 && m_received >= m_stopAfter)
        return stop(id);
    startWindow(id);
}

void RunSender::stop(quint64 id) {
    if (id == 0 || id != m_current || m_stopped || !m_cancel)
        return;
    m_stopped = true;
    m_cancel(id);
}

void RunSender::onRecord(const CallRecord &record) {
    if (record.id != m_current && m_current != 0)
        return;
    m_window.stop();
    m_current = 0;
    // The runner ended the stream: what came until then is the answer.
    if (m_stopped && record.error.kind == ErrorKind::Cancelled) {
        CallRecord result = record;
        result.error = {};
        return Q_EMIT requestFinished(result);
    }
    Q_EMIT requestFinished(record);
}

void RunSender::sendRest(const workspace::RequestDocument &document) {
    RestRequest request = workspace::toRestRequest(document);
    request.sendTraceparent = m_sendTrace;
    request.fetchServerTrace = false;
    m_cancel = [this](quint64 id) { m_rest->cancel(id); };
    m_current = m_rest->send(request);
    if (document.http.options.timeoutMs == 0) // a stream until stopped (SSE)
        startWindow(m_current);
}

void RunSender::sendGraphQL(const workspace::RequestDocument &document) {
    const bool subscription =
        operationType(document.graphql.document, document.graphql.operationName) == OperationType::Subscription;
    if (!workspace::usesWebSocket(document) && !subscription) {
        GraphQLRequest request = workspace::toGraphQLRequest(document);
        request.http.sendTraceparent = m_sendTrace;
        request.http.fetchServerTrace = false;
        m_cancel = [this](quint64 id) { m_graphql->cancel(id); };
        m_current = m_graphql->send(request);
        return;
    }
    GraphQLWsRequest request = workspace::toGraphQLWsRequest(document);
    if (webSocketUrl(request.url).isEmpty())
        return Q_EMIT requestFailed(
            QStringLiteral("Cannot subscribe at %1: the URL must be http(s):// or ws(s)://").arg(request.url));
    for (const auto &[name, value] : std::as_const(request.headers)) {
        if (request.initPayload.isEmpty() && name.compare("Authorization", Qt::CaseInsensitive) == 0)
            request.initPayload =
                QJsonDocument(QJsonObject{{QStringLiteral("authorization"), QString::fromUtf8(value)}})
                    .toJson(QJsonDocument::Compact);
    }
    m_cancel = [this](quint64 id) { m_graphqlWs->cancel(id); };
    m_current = m_graphqlWs->send(request);
    if (subscription)
        startWindow(m_current);
}

void RunSender::schemaFor(const workspace::RequestDocument &document, std::function<void(GrpcSchemaPtr)> next) {
    const workspace::GrpcPart &grpc = document.grpc;
    // .proto files and descriptor sets are read and compiled once per run, however many requests name them.
    if (const QString key = interop::requestFilesKey(grpc); !key.isEmpty()) {
        if (const auto cached = m_fileSchemas.value(key))
            return next(cached);
        QString error;
        const auto schema = interop::schemaFromRequestFiles(grpc, m_root, &error).value_or(nullptr);
        if (!schema)
            return Q_EMIT requestFailed(error);
        m_fileSchemas.insert(key, schema);
        return next(schema);
    }
    if (const auto cached = m_schemas.value(grpc.target))
        return next(cached);
    auto *reflection = new GrpcReflection(this);
    connect(reflection, &GrpcReflection::schemaLoaded, this,
            [this, reflection, target = grpc.target, next](const GrpcSchemaPtr &schema, const QString &) {
                reflection->deleteLater();
                m_schemas.insert(target, schema);
                next(schema);
            });
    connect(reflection, &GrpcReflection::loadFailed, this, [this, reflection](const CallError &error) {
        reflection->deleteLater();
        Q_EMIT requestFailed(error.text());
    });
    reflection->load(workspace::toReflectionRequest(document));
}

void RunSender::sendGrpc(const workspace::RequestDocument &document) {
    schemaFor(document, [this, document](const GrpcSchemaPtr &schema) {
        GrpcRequest request = workspace::toGrpcRequest(document);
        const auto *method = schema->findMethod(request.method);
        if (!method)
            return Q_EMIT requestFailed(QStringLiteral("Unknown method %1 on %2").arg(request.method, request.target));
        for (auto &entry : request.metadata)
            entry.first = entry.first.toLower();
        request.sendTraceparent = m_sendTrace;
        m_cancel = [this](quint64 id) { m_grpc->cancel(id); };
        m_current = m_grpc->call(schema, request);
    });
}

} // namespace triptych::session
