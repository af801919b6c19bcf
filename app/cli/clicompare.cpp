#include "app/cli/clicompare.h"

#include "app/cli/cliprinter.h"
#include "app/client/graphqlcaller.h"
#include "app/client/grpccaller.h"
#include "app/client/grpcreflection.h"
#include "app/client/restcaller.h"

#include <QUrl>

namespace triptych::cli {

using namespace triptych::client;

namespace {

struct Preset {
    const char *question;
    const char *restPath;
    const char *graphqlQuery;
    const char *grpcMethod;
    const char *grpcJson;
};

// API-CONTRACT.md, "The same question in three styles".
constexpr Preset kPresets[] = {
    {"a user's orders", "/v1/users/42/orders", "{ user(id: 42) { orders { id product quantity totalCents } } }",
     "orders.v1.OrderService/GetUserOrders", R"({"user_id": 42})"},
    {"name and avatar only", "/v1/users/42", "{ user(id: 42) { name avatarUrl } }", "orders.v1.OrderService/GetUser",
     R"({"user_id": 42, "read_mask": "name,avatar_url"})"},
};

int sqlSpans(const CallRecord &record) {
    int count = 0;
    for (const auto &span : record.spans) {
        for (const auto &attribute : span.attributes)
            count += span.fromServer && attribute.first == QLatin1String("db.statement") ? 1 : 0;
    }
    return count;
}

} // namespace

CliCompare::CliCompare(CliOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_rest(new RestCaller(this))
    , m_graphql(new GraphQLCaller(this))
    , m_grpcCaller(new GrpcCaller(this)) {
    m_http = m_options.servers.value(0, QStringLiteral("http://127.0.0.1:8080"));
    while (m_http.endsWith(QLatin1Char('/')))
        m_http.chop(1);
    m_grpc = m_options.grpcServer.isEmpty() ? QStringLiteral("127.0.0.1:50051") : m_options.grpcServer;
    connect(m_rest, &RestCaller::callFinished, this, &CliCompare::onRecord);
    connect(m_rest, &RestCaller::callFailed, this, &CliCompare::onRecord);
    connect(m_graphql, &GraphQLCaller::callFinished, this, &CliCompare::onRecord);
    connect(m_graphql, &GraphQLCaller::callFailed, this, &CliCompare::onRecord);
    connect(m_grpcCaller, &GrpcCaller::callFinished, this, &CliCompare::onRecord);
    connect(m_grpcCaller, &GrpcCaller::callFailed, this, &CliCompare::onRecord);
}

void CliCompare::start() {
    auto *reflection = new GrpcReflection(this);
    connect(reflection, &GrpcReflection::schemaLoaded, this, &CliCompare::onSchema);
    connect(reflection, &GrpcReflection::loadFailed, this, [this](const CallError &error) {
        printError(error.text());
        onSchema(nullptr);
    });
    ReflectionRequest request;
    request.target = m_grpc;
    request.deadlineMs = m_options.timeoutMs;
    reflection->load(request);
}

void CliCompare::onSchema(const GrpcSchemaPtr &schema) {
    m_schema = schema;
    for (const auto &preset : kPresets) {
        const QString question = QString::fromUtf8(preset.question);
        m_steps.append([this, preset, question] {
            m_rows.append({question, QStringLiteral("REST"), {}});
            RestRequest request;
            request.url = m_http + QString::fromLatin1(preset.restPath);
            request.timeoutMs = m_options.timeoutMs;
            m_rest->send(request);
        });
        m_steps.append([this, preset, question] {
            m_rows.append({question, QStringLiteral("GraphQL"), {}});
            GraphQLRequest request;
            request.url = m_http + QStringLiteral("/graphql");
            request.query = QString::fromUtf8(preset.graphqlQuery);
            request.http.timeoutMs = m_options.timeoutMs;
            m_graphql->send(request);
        });
        m_steps.append([this, preset, question] {
            m_rows.append({question, QStringLiteral("gRPC"), {}});
            GrpcRequest request;
            request.target = m_grpc;
            request.method = QString::fromLatin1(preset.grpcMethod);
            request.messages.append(preset.grpcJson);
            request.deadlineMs = m_options.timeoutMs;
            request.traceBaseUrl = m_http;
            m_grpcCaller->call(m_schema, request);
        });
    }
    next();
}

void CliCompare::next() {
    if (m_steps.isEmpty()) {
        printTable();
        return;
    }
    m_steps.takeFirst()();
}

void CliCompare::onRecord(const CallRecord &record) {
    if (!m_rows.isEmpty())
        m_rows.last().record = record;
    next();
}

void CliCompare::printTable() {
    bool allOk = true;
    QString text = QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                       .arg(QStringLiteral("question"), -22)
                       .arg(QStringLiteral("style"), -8)
                       .arg(QStringLiteral("status"), -12)
                       .arg(QStringLiteral("time"), 10)
                       .arg(QStringLiteral("bytes"), 10)
                       .arg(QStringLiteral("spans"), 5)
                       .arg(QStringLiteral("SQL"), 3);
    for (const auto &row : m_rows) {
        const auto &record = row.record;
        allOk = allOk && record.ok();
        const QString status = record.grpcCode >= 0    ? grpcCodeName(record.grpcCode)
                               : record.httpStatus > 0 ? QString::number(record.httpStatus)
                                                       : toString(record.error.kind);
        text += QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                    .arg(row.question, -22)
                    .arg(row.style, -8)
                    .arg(status, -12)
                    .arg(formatDuration(record.timings.totalUs), 10)
                    .arg(formatBytes(record.sizes.responseBodyWireBytes), 10)
                    .arg(record.serverSpanCount(), 5)
                    .arg(sqlSpans(record), 3);
        if (!record.ok())
            text += QStringLiteral("    %1\n").arg(record.error.text());
    }
    printOut(text);
    Q_EMIT compareFinished(allOk ? 0 : 1);
}

} // namespace triptych::cli
