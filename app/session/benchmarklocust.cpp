#include "app/session/benchmarklocust.h"

#include "app/session/runsender.h"

#include <QJsonDocument>

#include <google/protobuf/descriptor.h>

namespace triptych::session {

BenchmarkLocust::BenchmarkLocust(QObject *parent)
    : QObject(parent) {}

BenchmarkLocust::~BenchmarkLocust() = default;

void BenchmarkLocust::start(const QList<BenchmarkCall> &calls, const QString &folder) {
    m_calls = calls;
    m_folder = folder;
    m_index = 0;
    m_schemas = new RunSender(QString(), false, this);
    connect(m_schemas, &RunSender::requestFailed, this, [this](const QString &why) {
        m_project.skip(m_calls.at(m_index - 1).label, why);
        next();
    });
    next();
}

void BenchmarkLocust::next() {
    if (m_index == m_calls.size())
        return finish();
    const BenchmarkCall &call = m_calls.at(m_index++);
    switch (call.kind) {
    case client::CallKind::Rest:
        m_project.addHttp(call.label, call.http, std::nullopt);
        return next();
    case client::CallKind::GraphQL: {
        // The benchmark posts {query, variables} as the body: the locustfile posts the same and counts `errors`.
        const QJsonObject body = QJsonDocument::fromJson(call.http.body).object();
        m_project.addHttp(call.label, call.http, body);
        return next();
    }
    case client::CallKind::Grpc:
        break;
    case client::CallKind::GraphQLWebSocket:
        m_project.skip(call.label, QStringLiteral("only REST, GraphQL over HTTP and unary gRPC are load-tested"));
        return next();
    }
    workspace::RequestDocument document;
    document.style = workspace::RequestStyle::Grpc;
    document.grpc.target = call.grpc.target;
    document.grpc.method = call.grpc.method;
    m_schemas->schemaFor(document, [this, call](const client::GrpcSchemaPtr &schema) {
        const auto *method = schema->findMethod(call.grpc.method);
        if (!method || method->client_streaming() || method->server_streaming())
            m_project.skip(call.label, method ? QStringLiteral("streams are not load-tested")
                                              : QStringLiteral("unknown method %1").arg(call.grpc.method));
        else
            m_project.addGrpc(call.label, call.grpc, method);
        next();
    });
}

void BenchmarkLocust::finish() {
    QString error;
    if (!m_project.write(m_folder, &error))
        return Q_EMIT exportFailed(error);
    Q_EMIT exportFinished(QStringLiteral("%1 request(s) exported to %2 (%3 left out). Run: %4")
                              .arg(m_project.requestCount())
                              .arg(m_folder)
                              .arg(m_project.skippedCount())
                              .arg(LocustProject::runHint(m_folder)));
}

} // namespace triptych::session
