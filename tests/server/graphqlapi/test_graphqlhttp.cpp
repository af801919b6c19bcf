// GraphQL over HTTP against an in-process OrderServer on port 0, over real sockets: the contract's presets,
// every error code, both media types, DataLoader statement counts and limits (GET and persisted queries:
// test_graphqlget; traces: test_graphqltracing).
#include "server/host/orderserver.h"
#include "server/store/database.h"
#include "tests/server/graphqlapi/graphqlclient.h"

#include <QtTest>

using namespace triptych;
using namespace triptych::testing;

namespace {
// `{ user(id: 1) { friends { … { id } … } } }`: depth = levels + 2 (user and id).
QString nestedFriends(int levels, const QString &friends = "friends") {
    return "{ user(id: 1) { " + QString(friends + " { ").repeated(levels) + "id" + QString(" }").repeated(levels) +
           " } }";
}
} // namespace

class TestGraphqlHttp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void presets();
    void errorCodes_data();
    void errorCodes();
    void mediaTypesAndStatus_data();
    void mediaTypesAndStatus();
    void mutationsCreateAndCancel();
    void dataLoaderCounts_data();
    void dataLoaderCounts();
    void limits_data();
    void limits();
    void deepJsonIsRefused();
    void introspectionLoads();
    void schemaDocument();
    void deprecatedFieldStillAnswers();
    void connectionPages();

private:
    quint16 port() const { return m_server->httpPort(); }
    std::unique_ptr<OrderServer> m_server;
};

void TestGraphqlHttp::initTestCase() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    m_server = std::make_unique<OrderServer>(options);
    QVERIFY(m_server->start().ok());
}

void TestGraphqlHttp::presets() {
    auto orders = postGraphql(port(), graphqlBody("{ user(id: 42) { orders { id product quantity totalCents } } }"),
                              kGraphqlResponseJson);
    QVERIFY(orders);
    QCOMPARE(orders->status, 200);
    QVERIFY(orders->header("Content-Type").startsWith(kGraphqlResponseJson));
    const QJsonArray list = jsonObject(*orders)["data"].toObject()["user"].toObject()["orders"].toArray();
    QCOMPARE(list.size(), 1000);
    QVERIFY(list.at(0).toObject()["id"].isString());
    QVERIFY(list.at(0).toObject()["totalCents"].isDouble());

    auto name = postGraphql(port(), graphqlBody("{ user(id: 42) { name avatarUrl } }"), "application/json");
    QVERIFY(name);
    QCOMPARE(name->status, 200);
    const QJsonObject user = jsonObject(*name)["data"].toObject()["user"].toObject();
    QCOMPARE(user.keys(), QStringList({"avatarUrl", "name"}));
}

void TestGraphqlHttp::errorCodes_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("authorized");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::newRow("unknown user is null") << "{ user(id: 999999) { id } }" << false << ""
                                          << "";
    QTest::newRow("unknown order is null") << "{ order(id: 99999999) { id } }" << false << ""
                                           << "";
    QTest::newRow("id not a number") << "{ user(id: \"abc\") { id } }" << false << "BAD_USER_INPUT"
                                     << "user";
    QTest::newRow("first too big") << "{ user(id: 42) { orders(first: 101) { id } } }" << false << "BAD_USER_INPUT"
                                   << "user.orders";
    QTest::newRow("first negative") << "{ users(first: -1) { totalCount } }" << false << "BAD_USER_INPUT"
                                    << "users";
    QTest::newRow("bad cursor") << "{ users(after: \"nope\") { totalCount } }" << false << "BAD_USER_INPUT"
                                << "users";
    QTest::newRow("mutation without credentials")
        << "mutation { createOrder(input: {userId: 7, product: \"Wireless Mouse\", quantity: 1}) { id } }" << false
        << "UNAUTHENTICATED"
        << "createOrder";
    QTest::newRow("bad quantity")
        << "mutation { createOrder(input: {userId: 7, product: \"Wireless Mouse\", quantity: 0}) "
           "{ id } }"
        << true << "BAD_USER_INPUT"
        << "createOrder";
    QTest::newRow("cancel unknown order") << "mutation { cancelOrder(id: 99999999) { id } }" << true << "NOT_FOUND"
                                          << "cancelOrder";
    QTest::newRow("too deep") << nestedFriends(10) << false << "QUERY_TOO_DEEP"
                              << "";
}

void TestGraphqlHttp::errorCodes() {
    QFETCH(QString, query);
    QFETCH(bool, authorized);
    QFETCH(QString, code);
    QFETCH(QString, path);
    auto answer = postGraphql(port(), graphqlBody(query), "application/json", authorized ? kBearer : QByteArray());
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    const QJsonObject json = jsonObject(*answer);
    if (code.isEmpty()) {
        QVERIFY2(!json.contains("errors"), answer->body.constData());
        return;
    }
    QCOMPARE(firstErrorCode(json), code);
    const QJsonObject error = json["errors"].toArray().at(0).toObject();
    QStringList segments;
    for (const auto &segment : error["path"].toArray())
        segments << (segment.isString() ? segment.toString() : QString::number(segment.toInt()));
    QCOMPARE(segments.join('.'), path);
    if (!path.isEmpty())
        QVERIFY(!error["locations"].toArray().isEmpty());
}

void TestGraphqlHttp::mediaTypesAndStatus_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answerType");
    const QByteArray ok = graphqlBody("{ __typename }");
    const QByteArray bad = graphqlBody("{ user(id: 1) { nope } }");
    const QByteArray unparsable = graphqlBody("{ user(");
    QTest::newRow("ok, graphql-response") << ok << kGraphqlResponseJson << kJson << 200 << kGraphqlResponseJson;
    QTest::newRow("ok, json") << ok << QByteArray("application/json") << kJson << 200 << QByteArray("application/json");
    QTest::newRow("ok, */*") << ok << QByteArray("*/*") << kJson << 200 << QByteArray("application/json");
    QTest::newRow("ok, no Accept") << ok << QByteArray() << kJson << 200 << QByteArray("application/json");
    QTest::newRow("invalid, graphql-response") << bad << kGraphqlResponseJson << kJson << 400 << kGraphqlResponseJson;
    QTest::newRow("invalid, json") << bad << QByteArray("application/json") << kJson << 200
                                   << QByteArray("application/json");
    QTest::newRow("unparsable, graphql-response")
        << unparsable << kGraphqlResponseJson << kJson << 400 << kGraphqlResponseJson;
    QTest::newRow("unparsable, json") << unparsable << QByteArray("application/json") << kJson << 200
                                      << QByteArray("application/json");
    QTest::newRow("malformed JSON") << QByteArray("{\"query\":") << kGraphqlResponseJson << kJson << 400
                                    << kGraphqlResponseJson;
    QTest::newRow("not an object") << QByteArray("[1]") << QByteArray("application/json") << kJson << 400
                                   << QByteArray("application/json");
    QTest::newRow("query not a string") << QByteArray("{\"query\":1}") << QByteArray("application/json") << kJson << 400
                                        << QByteArray("application/json");
    QTest::newRow("wrong content type") << ok << QByteArray("application/json")
                                        << QByteArray("Content-Type: text/plain\r\n") << 415
                                        << QByteArray("application/json");
    QTest::newRow("unacceptable Accept") << ok << QByteArray("text/html") << kJson << 406
                                         << QByteArray("application/json");
}

void TestGraphqlHttp::mediaTypesAndStatus() {
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, accept);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QByteArray, answerType);
    QByteArray headers = contentType;
    if (!accept.isEmpty())
        headers += "Accept: " + accept + "\r\n";
    auto answer = request(port(), "POST", "/graphql", headers, body);
    QVERIFY(answer);
    QCOMPARE(answer->status, status);
    QVERIFY2(answer->header("Content-Type").startsWith(answerType), answer->header("Content-Type").constData());
    QVERIFY(jsonObject(*answer).contains("errors") || jsonObject(*answer).contains("data"));
}

void TestGraphqlHttp::mutationsCreateAndCancel() {
    auto created = postGraphql(port(),
                               graphqlBody("mutation { createOrder(input: {userId: 7, product: \"Wireless Mouse\", "
                                           "quantity: 2}) { id status totalCents user { id } } }"),
                               kGraphqlResponseJson, kBearer);
    QVERIFY(created);
    const QJsonObject order = jsonObject(*created)["data"].toObject()["createOrder"].toObject();
    QCOMPARE(order["status"].toString(), QStringLiteral("PENDING"));
    QCOMPARE(order["totalCents"].toInt(), 7800);
    const QString cancel = "mutation { cancelOrder(id: " + order["id"].toString() + ") { status } }";
    auto cancelled = postGraphql(port(), graphqlBody(cancel), kGraphqlResponseJson, kApiKey);
    QVERIFY(cancelled);
    QCOMPARE(jsonObject(*cancelled)["data"].toObject()["cancelOrder"].toObject()["status"].toString(),
             QStringLiteral("CANCELLED"));
    auto again = postGraphql(port(), graphqlBody(cancel), kGraphqlResponseJson, kApiKey);
    QVERIFY(again);
    QCOMPARE(firstErrorCode(jsonObject(*again)), QStringLiteral("FAILED_PRECONDITION"));
}

void TestGraphqlHttp::dataLoaderCounts_data() {
    QTest::addColumn<bool>("dataLoader");
    QTest::addColumn<int>("statements");
    QTest::newRow("off: N+1") << false << 51;
    QTest::newRow("on: batched") << true << 2;
}

void TestGraphqlHttp::dataLoaderCounts() {
    QFETCH(bool, dataLoader);
    QFETCH(int, statements);
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.dataLoader = dataLoader;
    OrderServer server(options);
    QVERIFY(server.start().ok());
    const auto before = server.database()->statementCount();
    const QByteArray traceId = "5bf92f3577b34da6a3ce929d0e0e4736";
    auto answer =
        postGraphql(server.httpPort(), graphqlBody("{ users(first: 50) { edges { node { orders { id } } } } }"),
                    "application/json", "traceparent: 00-" + traceId + "-00f067aa0ba902b7-01\r\n");
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QCOMPARE(jsonObject(*answer)["data"].toObject()["users"].toObject()["edges"].toArray().size(), 50);
    QCOMPARE(int(server.database()->statementCount() - before), statements);
    // The trace tells the same story: one SQL span per statement.
    const QByteArray spans = request(server.httpPort(), "GET", "/debug/traces/" + traceId)->body;
    QCOMPARE(int(spans.count("\"key\":\"db.statement\"")), statements);
}

void TestGraphqlHttp::limits_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QJsonObject>("variables");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message"); // a part of the first error's message, when it matters
    QTest::newRow("cost over 50,000")
        << "{ users(first: 100) { edges { node { orders(first: 100) { id user { friends { id "
           "} } } } } } }"
        << QJsonObject() << "QUERY_TOO_COMPLEX"
        << "";
    QTest::newRow("cost within") << "{ users(first: 50) { edges { node { orders { id } } } } }" << QJsonObject() << ""
                                 << "";
    QTest::newRow("depth 10") << nestedFriends(8, "friends(first: 1)") << QJsonObject() << ""
                              << "";
    QTest::newRow("depth 11") << nestedFriends(9) << QJsonObject() << "QUERY_TOO_DEEP"
                              << "";
    // The cost is computed on coerced variables: a default counts like a given value (100 × 100 × 100 > 50,000),
    // and a value coercion refuses is reported as coercion reports it, not priced first.
    const QString byVariable =
        "query($n: Int = 100) { users(first: $n) { edges { node { friends(first: $n) { friends(first: $n) { id } } } "
        "} } }";
    QTest::newRow("cost counts a variable's default") << byVariable << QJsonObject() << "QUERY_TOO_COMPLEX"
                                                      << "";
    QTest::newRow("cost counts a given variable") << byVariable << QJsonObject{{"n", 2}} << ""
                                                  << "";
    QTest::newRow("out-of-range Int variable") << byVariable << QJsonObject{{"n", 2147483650.0}} << ""
                                               << "Int cannot represent non 32-bit signed integer value: 2147483650";
    QString aliases = "{";
    for (int i = 0; i < 10000; ++i)
        aliases += QStringLiteral(" a%1: user(id: 1) { id }").arg(i);
    QTest::newRow("10,000 aliases: over the token limit")
        << aliases + " }" << QJsonObject() << ""
        << "Syntax Error: Document contains more than 15000 tokens. Parsing aborted.";
}

void TestGraphqlHttp::limits() {
    QFETCH(QString, query);
    QFETCH(QJsonObject, variables);
    QFETCH(QString, code);
    QFETCH(QString, message);
    auto answer = postGraphql(port(), graphqlBody(query, variables), kGraphqlResponseJson);
    QVERIFY(answer);
    const QJsonObject json = jsonObject(*answer);
    QVERIFY2(firstErrorCode(json) == code, answer->body.left(300).constData());
    const QString firstMessage = json["errors"].toArray().at(0).toObject()["message"].toString();
    QVERIFY2(firstMessage.contains(message), qPrintable(firstMessage));
    const bool refused = !code.isEmpty() || !message.isEmpty();
    QCOMPARE(answer->status, refused ? 400 : 200);
    QCOMPARE(json.contains("data"), !refused);
}

void TestGraphqlHttp::deepJsonIsRefused() {
    // 400,000 nested arrays as a variable: refused as JSON, and the server (which used to recurse into them and
    // lose its stack) still answers.
    const QByteArray body =
        R"({"query": "{ __typename }", "variables": {"a": )" + QByteArray(400000, '[') + QByteArray(400000, ']') + "}}";
    auto answer = postGraphql(port(), body, kGraphqlResponseJson);
    QVERIFY(answer);
    QCOMPARE(answer->status, 400);
    auto after = postGraphql(port(), graphqlBody("{ __typename }"), kGraphqlResponseJson);
    QVERIFY(after);
    QCOMPARE(after->status, 200);
}

void TestGraphqlHttp::introspectionLoads() {
    const QString query = "query IntrospectionQuery { __schema { queryType { name } mutationType { name } "
                          "subscriptionType { name } types { ...FullType } directives { name locations args { "
                          "...InputValue } } } } fragment FullType on __Type { kind name description fields("
                          "includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } isDeprecated "
                          "deprecationReason } inputFields { ...InputValue } interfaces { ...TypeRef } enumValues("
                          "includeDeprecated: true) { name } possibleTypes { ...TypeRef } } fragment InputValue on "
                          "__InputValue { name type { ...TypeRef } defaultValue } fragment TypeRef on __Type { kind "
                          "name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { "
                          "kind name ofType { kind name ofType { kind name } } } } } } } }";
    auto answer = postGraphql(port(), graphqlBody(query), kGraphqlResponseJson);
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    const QJsonObject json = jsonObject(*answer);
    QVERIFY2(!json.contains("errors"), answer->body.left(400).constData());
    const QJsonArray types = json["data"].toObject()["__schema"].toObject()["types"].toArray();
    QStringList names;
    for (const auto &type : types)
        if (!type.toObject()["name"].toString().startsWith("__"))
            names << type.toObject()["name"].toString();
    names.sort();
    QCOMPARE(names, QStringList({"Boolean", "CreateOrderInput", "Float", "ID", "Int", "Mutation", "Order", "OrderEvent",
                                 "OrderStatus", "PageInfo", "Query", "String", "Subscription", "User", "UserConnection",
                                 "UserEdge"}));
    for (const auto &type : types)
        if (type.toObject()["name"] == QStringLiteral("User"))
            QCOMPARE(type.toObject()["fields"].toArray().size(), 32);
}

void TestGraphqlHttp::schemaDocument() {
    auto answer = request(port(), "GET", "/graphql/schema.graphql");
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QVERIFY(answer->body.contains("type Query {"));
    QVERIFY(answer->body.contains("orderUpdates(userId: ID!): OrderEvent!"));
    QVERIFY(!answer->header("ETag").isEmpty());
}

// Order.totalDollars is deprecated, not removed: old queries still get it, introspection and the SDL say so.
void TestGraphqlHttp::deprecatedFieldStillAnswers() {
    auto answer = postGraphql(port(),
                              graphqlBody("{ order(id: 1) { totalCents totalDollars } __type(name: \"Order\") { "
                                          "hidden: fields { name } fields(includeDeprecated: true) { name "
                                          "isDeprecated deprecationReason } } }"),
                              "application/json");
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    const QJsonObject data = jsonObject(*answer)["data"].toObject();
    const QJsonObject order = data["order"].toObject();
    QCOMPARE(order["totalDollars"].toDouble(), order["totalCents"].toInt() / 100.0);
    QStringList shown;
    for (const auto &field : data["__type"].toObject()["hidden"].toArray())
        shown << field.toObject()["name"].toString();
    QVERIFY(shown.contains("totalCents"));
    QVERIFY(!shown.contains("totalDollars")); // hidden unless includeDeprecated
    bool marked = false;
    for (const auto &field : data["__type"].toObject()["fields"].toArray()) {
        const QJsonObject f = field.toObject();
        if (f["name"] == QStringLiteral("totalDollars"))
            marked = f["isDeprecated"].toBool() && f["deprecationReason"].toString().startsWith("Use totalCents");
    }
    QVERIFY(marked);
    auto sdl = request(port(), "GET", "/graphql/schema.graphql");
    QVERIFY(sdl);
    QVERIFY(sdl->body.contains("totalDollars: Float! @deprecated(reason: \"Use totalCents"));
}

void TestGraphqlHttp::connectionPages() {
    auto page = postGraphql(port(),
                            graphqlBody("{ users(first: 2) { edges { cursor node { id } } pageInfo { "
                                        "hasNextPage endCursor } totalCount } }"),
                            "application/json");
    QVERIFY(page);
    const QJsonObject users = jsonObject(*page)["data"].toObject()["users"].toObject();
    QCOMPARE(users["totalCount"].toInt(), 1000);
    QCOMPARE(users["pageInfo"].toObject()["hasNextPage"].toBool(), true);
    const QString cursor = users["pageInfo"].toObject()["endCursor"].toString();
    QVERIFY(!cursor.contains("2"));
    auto next = postGraphql(port(),
                            graphqlBody("query($a: String) { users(first: 1, after: $a) { edges { node { id } } } }",
                                        QJsonObject{{"a", cursor}}),
                            "application/json");
    QVERIFY(next);
    const QJsonArray edges = jsonObject(*next)["data"].toObject()["users"].toObject()["edges"].toArray();
    QCOMPARE(edges.at(0).toObject()["node"].toObject()["id"].toString(), QStringLiteral("3"));
}

QTEST_GUILESS_MAIN(TestGraphqlHttp)
#include "test_graphqlhttp.moc"
