// The trace of a GraphQL request against an in-process OrderServer on port 0: its phases, resolvers and SQL in one
// tree under the caller's span, and in gateway mode GraphQL → gRPC client → gRPC server → SQL in one trace.
#include "server/host/orderserver.h"
#include "server/tracing/tracer.h"
#include "tests/server/graphqlapi/graphqlclient.h"
#include "tests/support/spantree.h"

#include <QtTest>

using namespace triptych;
using namespace triptych::testing;

class TestGraphqlTracing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void traceHasGraphqlPhases();
    void gatewayTraceCrossesGrpc();

private:
    quint16 port() const { return m_server->httpPort(); }
    std::unique_ptr<OrderServer> m_server;
};

void TestGraphqlTracing::initTestCase() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    m_server = std::make_unique<OrderServer>(options);
    QVERIFY(m_server->start().ok());
}

void TestGraphqlTracing::traceHasGraphqlPhases() {
    const QByteArray traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    auto answer = postGraphql(port(), graphqlBody("query Named { user(id: 42) { name orders(first: 3) { id } } }"),
                              "application/json", "traceparent: 00-" + traceId + "-00f067aa0ba902b7-01\r\n");
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QByteArray spans;
    QTRY_VERIFY_WITH_TIMEOUT(
        (spans = request(port(), "GET", "/debug/traces/" + traceId)->body).contains("graphql.execute"), 5000);
    const QByteArray payload =
        "{\"key\":\"payload.bytes\",\"value\":{\"intValue\":\"" + QByteArray::number(answer->body.size()) + "\"}}";
    for (const char *name : {"graphql.parse", "graphql.validate", "graphql.execute", "graphql.resolve Query.user",
                             "graphql.operation.name", "graphql.document", "serialize JSON", payload.constData()})
        QVERIFY2(spans.contains(name), name);

    // One tree under the caller's span: the phases under the request, resolvers under execute, SQL under both.
    const SpanTree tree(m_server->tracer()->store().trace(*tracing::parseTraceId(traceId.toStdString())));
    QCOMPARE(tree.roots().size(), size_t(1));
    const auto *root = tree.roots().front();
    QCOMPARE(root->name, std::string("POST /graphql"));
    QCOMPARE(tracing::toHex(root->parentSpanId), std::string("00f067aa0ba902b7"));
    for (const char *phase : {"graphql.parse", "graphql.validate", "graphql.execute", "serialize JSON"})
        QCOMPARE(tree.parentName(phase), std::string("POST /graphql"));
    QCOMPARE(tree.parentName("graphql.resolve Query.user"), std::string("graphql.execute"));
    int statements = 0;
    for (const auto &span : tree.spans()) {
        if (!span.name.starts_with("SQL"))
            continue;
        ++statements;
        const auto ancestors = tree.ancestors(span);
        QVERIFY(std::find(ancestors.begin(), ancestors.end(), "graphql.execute") != ancestors.end());
        QVERIFY(span.attribute("db.statement"));
    }
    QCOMPARE(statements, 2); // the user, then the orders of every user asked for (one, here)
}

void TestGraphqlTracing::gatewayTraceCrossesGrpc() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.gateway = true;
    OrderServer server(options);
    QVERIFY(server.start().ok());
    const QByteArray traceId = "0af7651916cd43dd8448eb211c80319c";
    auto answer = postGraphql(server.httpPort(), graphqlBody("{ user(id: 42) { name orders(first: 2) { id } } }"),
                              "application/json", "traceparent: 00-" + traceId + "-b7ad6b7169203331-01\r\n");
    QVERIFY(answer);
    QCOMPARE(jsonObject(*answer)["data"].toObject()["user"].toObject()["orders"].toArray().size(), 2);
    QByteArray spans;
    QTRY_VERIFY_WITH_TIMEOUT(
        (spans = request(server.httpPort(), "GET", "/debug/traces/" + traceId)->body).count("GetUserOrders") >= 2,
        5000);
    QVERIFY(spans.count("orders.v1.OrderService/GetUser\"") >= 2); // client and server span

    // GraphQL → gRPC client → gRPC server → SQL, one tree: the server span of each loopback call is a child of the
    // client span that made it, in the trace of the GraphQL request.
    const SpanTree tree(server.tracer()->store().trace(*tracing::parseTraceId(traceId.toStdString())));
    QCOMPARE(tree.roots().size(), size_t(1));
    QCOMPARE(tree.roots().front()->name, std::string("POST /graphql"));
    bool crossed = false;
    for (const auto &span : tree.spans()) {
        if (!span.name.starts_with("SQL"))
            continue;
        const auto *rpcServer = tree.parentOf(span);
        while (rpcServer && rpcServer->kind != tracing::SpanKind::Server)
            rpcServer = tree.parentOf(*rpcServer);
        QVERIFY(rpcServer);
        if (rpcServer->name == "POST /graphql")
            continue; // SQL the GraphQL server ran itself
        QVERIFY(rpcServer->name.starts_with("orders.v1.OrderService/"));
        const auto *rpcClient = tree.parentOf(*rpcServer);
        QVERIFY(rpcClient);
        QCOMPARE(rpcClient->kind, tracing::SpanKind::Client);
        QCOMPARE(rpcClient->name, rpcServer->name);
        const auto ancestors = tree.ancestors(*rpcClient);
        QVERIFY(ancestors.front().starts_with("graphql.resolve "));
        QCOMPARE(ancestors.back(), std::string("POST /graphql"));
        crossed = true;
    }
    QVERIFY(crossed);
}

QTEST_GUILESS_MAIN(TestGraphqlTracing)
#include "test_graphqltracing.moc"
