// GET /openapi.json: an OpenAPI 3.1 document covering every route the server registers (a route missing from it
// fails here), with both security schemes, resolvable references, and schemas that real answers satisfy.
#include "server/core/ratelimiter.h"
#include "server/core/servicecontext.h"
#include "server/host/httproutes.h"
#include "server/host/orderserver.h"
#include "tests/server/rest/restclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace triptych;
using namespace triptych::testing;

class TestOpenApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyRegisteredRouteIsDocumented();
    void everyDocumentedOperationIsRouted();
    void securitySchemesAndWrites();
    void everyReferenceResolves();
    void everyOperationDeclaresItsAnswers();
    void answersMatchTheirSchemas_data();
    void answersMatchTheirSchemas();

private:
    std::vector<http::RouteInfo> registeredRoutes();
    QJsonValue resolve(const QJsonValue &value) const;
    QString mismatch(const QJsonValue &schema, const QJsonValue &value, const QString &where) const;

    std::unique_ptr<OrderServer> m_server;
    QJsonObject m_document;
};

void TestOpenApi::initTestCase() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    m_server = std::make_unique<OrderServer>(options);
    QVERIFY(m_server->start().ok());
    const auto answer = request(m_server->httpPort(), "GET", "/openapi.json");
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    m_document = parseJson(answer->body).object();
    QCOMPARE(m_document.value("openapi").toString(), QString("3.1.0"));
}

void TestOpenApi::cleanupTestCase() {
    m_server.reset();
}

// The routes exactly as the server registers them (REST, GraphQL, health, debug), from the same function.
std::vector<http::RouteInfo> TestOpenApi::registeredRoutes() {
    RateLimiter limiter(0);
    ServiceContext context{*m_server->service(), *m_server->events(), m_server->options().credentials, limiter,
                           *m_server->tracer()};
    return buildHttpRoutes(context, m_server->options()).routes();
}

void TestOpenApi::everyRegisteredRouteIsDocumented() {
    const auto routes = registeredRoutes();
    QVERIFY(routes.size() >= 12);
    const auto paths = m_document.value("paths").toObject();
    for (const auto &route : routes) {
        const auto path = QString::fromStdString(route.pattern);
        if (path.startsWith(QLatin1String("/orders.v1.OrderService/")))
            continue; // gRPC-Web: framed protobuf, described in docs/grpc.md, not an HTTP API OpenAPI can state
        const auto method = QString::fromStdString(route.method).toLower();
        QVERIFY2(paths.value(path).toObject().contains(method),
                 qPrintable("not in /openapi.json: " + method.toUpper() + " " + path));
    }
}

void TestOpenApi::everyDocumentedOperationIsRouted() {
    QSet<QString> registered;
    for (const auto &route : registeredRoutes())
        registered << QString::fromStdString(route.method).toLower() + ' ' + QString::fromStdString(route.pattern);
    const auto paths = m_document.value("paths").toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        for (const auto &method : path->toObject().keys()) {
            // The GraphQL routes are another folder's work: documented ahead, routed when they land.
            if (path.key().startsWith("/graphql") && !registered.contains(method + ' ' + path.key()))
                continue;
            QVERIFY2(registered.contains(method + ' ' + path.key()), qPrintable(method + ' ' + path.key()));
        }
    }
}

void TestOpenApi::securitySchemesAndWrites() {
    const auto schemes = QJsonValue(m_document)["components"]["securitySchemes"].toObject();
    QCOMPARE(schemes["bearerAuth"]["type"].toString(), QString("http"));
    QCOMPARE(schemes["bearerAuth"]["scheme"].toString(), QString("bearer"));
    QCOMPARE(schemes["apiKeyAuth"]["type"].toString(), QString("apiKey"));
    QCOMPARE(schemes["apiKeyAuth"]["in"].toString(), QString("header"));
    QCOMPARE(schemes["apiKeyAuth"]["name"].toString(), QString("X-API-Key"));
    const auto paths = m_document.value("paths").toObject();
    for (const char *path : {"/v1/users/{id}/orders", "/v1/orders/{id}/cancel"}) {
        const auto post = QJsonValue(paths)[QLatin1String(path)]["post"].toObject();
        QCOMPARE(post["security"].toArray().size(), 2);
        QVERIFY(post["responses"].toObject().contains("401"));
    }
}

QJsonValue TestOpenApi::resolve(const QJsonValue &value) const {
    const auto ref = value.toObject().value("$ref").toString();
    if (ref.isEmpty())
        return value;
    QJsonValue target = m_document;
    for (const auto &part : ref.mid(2).split('/'))
        target = target.toObject().value(part);
    return target;
}

void TestOpenApi::everyReferenceResolves() {
    const QByteArray text = QJsonDocument(m_document).toJson(QJsonDocument::Compact);
    QRegularExpression pattern(R"re("\$ref":"(#/[^"]+)")re");
    int count = 0;
    for (auto match = pattern.globalMatch(QString::fromUtf8(text)); match.hasNext(); ++count) {
        const auto ref = match.next().captured(1);
        QJsonObject holder{{"$ref", ref}};
        QVERIFY2(!resolve(holder).isUndefined(), qPrintable(ref));
    }
    QVERIFY(count > 50);
}

void TestOpenApi::everyOperationDeclaresItsAnswers() {
    const auto paths = m_document.value("paths").toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const auto operations = path->toObject();
        for (auto operation = operations.begin(); operation != operations.end(); ++operation) {
            const auto responses = operation->toObject().value("responses").toObject();
            const QString where = operation.key() + ' ' + path.key();
            QVERIFY2(responses.contains("default") && responses.contains("429"), qPrintable(where));
            for (auto response = responses.begin(); response != responses.end(); ++response) {
                const auto resolved = resolve(*response).toObject();
                QVERIFY2(resolved.contains("description"), qPrintable(where + ' ' + response.key()));
                if (response.key() != "304")
                    QVERIFY2(!resolved.value("content").toObject().isEmpty(), qPrintable(where + ' ' + response.key()));
            }
        }
    }
    const auto stream =
        QJsonValue(paths)["/v1/users/{id}/orders/stream"]["get"]["responses"]["200"]["content"].toObject();
    QVERIFY(stream.contains("text/event-stream"));
}

// A small JSON Schema check (type, required, properties, items, enum, const, $ref): enough for these schemas.
QString TestOpenApi::mismatch(const QJsonValue &schemaValue, const QJsonValue &value, const QString &where) const {
    const auto schema = resolve(schemaValue).toObject();
    QStringList types;
    const auto type = schema.value("type");
    if (type.isArray()) {
        for (const auto &name : type.toArray())
            types << name.toString();
    } else if (type.isString()) {
        types << type.toString();
    }
    auto is = [&](const QString &name) {
        if (name == "integer")
            return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
        if (name == "number")
            return value.isDouble();
        return (name == "string" && value.isString()) || (name == "object" && value.isObject()) ||
               (name == "array" && value.isArray()) || (name == "boolean" && value.isBool()) ||
               (name == "null" && value.isNull());
    };
    if (!types.isEmpty() && std::none_of(types.begin(), types.end(), is))
        return where + ": not " + types.join('|');
    if (schema.contains("const") && schema.value("const") != value)
        return where + ": not the constant";
    if (schema.contains("enum") && !schema.value("enum").toArray().contains(value))
        return where + ": not in the enum";
    if (value.isObject()) {
        for (const auto &name : schema.value("required").toArray())
            if (!value.toObject().contains(name.toString()))
                return where + ": lacks " + name.toString();
        const auto properties = schema.value("properties").toObject();
        for (auto property = properties.begin(); property != properties.end(); ++property) {
            if (value.toObject().contains(property.key())) {
                const auto problem =
                    mismatch(*property, value.toObject().value(property.key()), where + '.' + property.key());
                if (!problem.isEmpty())
                    return problem;
            }
        }
    }
    if (value.isArray() && schema.contains("items")) {
        const auto items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const auto problem = mismatch(schema.value("items"), items[i], where + '[' + QString::number(i) + ']');
            if (!problem.isEmpty())
                return problem;
        }
    }
    return {};
}

void TestOpenApi::answersMatchTheirSchemas_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("documentedPath");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    const QByteArray write = kBearer + kJson;
    auto row = [](const char *name, QByteArray method, QByteArray path, QString documented, QByteArray headers = {},
                  QByteArray body = {}) { QTest::newRow(name) << method << path << documented << headers << body; };
    row("users page", "GET", "/v1/users?limit=5", "/v1/users");
    row("users 422", "GET", "/v1/users?limit=0", "/v1/users");
    row("user", "GET", "/v1/users/42", "/v1/users/{id}");
    row("user 404", "GET", "/v1/users/abc", "/v1/users/{id}");
    row("orders", "GET", "/v1/users/42/orders", "/v1/users/{id}/orders");
    row("orders v2 by Accept", "GET", "/v1/users/42/orders", "/v1/users/{id}/orders",
        "Accept: application/vnd.orders.v2+json\r\n");
    row("friends", "GET", "/v1/users/42/friends", "/v1/users/{id}/friends");
    row("order", "GET", "/v1/orders/1", "/v1/orders/{id}");
    row("create 201", "POST", "/v1/users/46/orders", "/v1/users/{id}/orders", write,
        R"({"product":"Desk Lamp","quantity":1})");
    row("create 400", "POST", "/v1/users/46/orders", "/v1/users/{id}/orders", write, "{");
    row("create 401", "POST", "/v1/users/46/orders", "/v1/users/{id}/orders", kJson, "{}");
    row("create 415", "POST", "/v1/users/46/orders", "/v1/users/{id}/orders", kBearer, "{}");
    row("create 422", "POST", "/v1/users/46/orders", "/v1/users/{id}/orders", write, R"({"quantity":0})");
    row("cancel 409", "POST", "/v1/orders/1/cancel", "/v1/orders/{id}/cancel", kBearer);
    row("v2 page", "GET", "/v2/users/42/orders?limit=3", "/v2/users/{id}/orders");
    row("v2 last page", "GET", "/v2/users/7/orders", "/v2/users/{id}/orders");
    row("health", "GET", "/healthz", "/healthz");
    row("dataset", "GET", "/debug/dataset", "/debug/dataset");
    row("openapi", "GET", "/openapi.json", "/openapi.json");
}

void TestOpenApi::answersMatchTheirSchemas() {
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QString, documentedPath);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    const auto answer = request(m_server->httpPort(), method, path, headers, body);
    QVERIFY(answer);
    const auto operation = QJsonValue(m_document)["paths"][documentedPath][QString::fromLatin1(method).toLower()];
    const auto responses = operation["responses"].toObject();
    const auto status = QString::number(answer->status);
    QVERIFY2(responses.contains(status), qPrintable("undocumented status " + status));
    const auto mediaType = QString::fromLatin1(answer->header("content-type").split(';').first().trimmed());
    const auto content = resolve(responses.value(status)).toObject().value("content").toObject();
    QVERIFY2(content.contains(mediaType), qPrintable("undocumented media type " + mediaType));
    const auto problem =
        mismatch(content.value(mediaType)["schema"],
                 parseJson(answer->body).object().isEmpty() ? QJsonValue(parseJson(answer->body).array())
                                                            : QJsonValue(parseJson(answer->body).object()),
                 "body");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestOpenApi)
#include "test_openapi.moc"
