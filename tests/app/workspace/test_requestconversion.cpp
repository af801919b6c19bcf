#include "app/workspace/requestconversion.h"

#include <QTest>

using namespace triptych::workspace;
namespace client = triptych::client;

// A saved (and resolved) request as the client engine sends it.
class TestRequestConversion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void restRequest() {
        RequestDocument document;
        document.http.method = "POST";
        document.http.url = "http://127.0.0.1:8080/v1/users/42/orders";
        document.http.params = {{"status", "PAID", true}, {"off", "1", false}};
        document.http.headers = {{"Accept", "application/json", true}, {"X-Off", "1", false}};
        document.http.auth.kind = AuthKind::ApiKey;
        document.http.auth.apiKeyName = "api_key";
        document.http.auth.apiKeyValue = "demo-key";
        document.http.auth.apiKeyIn = ApiKeyPlacement::Query;
        document.http.body.kind = BodyKind::Multipart;
        document.http.body.multipart = {
            {"note", "hi", {}, "text/plain", true}, {"file", {}, "/tmp/a.png", {}, true}, {"off", "x", {}, {}, false}};
        document.http.options = {1500, false, true, HttpVersion::Http2, {"ca.pem", "me.pem", "me.key", true, "api"}};

        const client::RestRequest request = toRestRequest(document);
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.url, document.http.url);
        QCOMPARE(request.query, (client::HeaderList{{"status", "PAID"}, {"api_key", "demo-key"}}));
        QCOMPARE(request.headers, (client::HeaderList{{"Accept", "application/json"}}));
        QCOMPARE(request.auth.kind, client::AuthKind::None); // the key went into the query
        QCOMPARE(request.bodyKind, client::BodyKind::Multipart);
        QCOMPARE(request.multipart.size(), 2);
        QCOMPARE(request.multipart.at(0).contentType, QByteArray("text/plain"));
        QCOMPARE(request.multipart.at(1).filePath, QString("/tmp/a.png"));
        QCOMPARE(request.timeoutMs, 1500);
        QVERIFY(!request.followRedirects);
        QVERIFY(request.acceptGzip);
        QCOMPARE(request.httpVersion, client::HttpVersion::Http2);
        QCOMPARE(request.tls.caFile, QString("ca.pem"));
        QCOMPARE(request.tls.clientKey, QString("me.key"));
        QVERIFY(request.tls.skipVerification);
        QCOMPARE(request.tls.serverName, QString("api"));
        QVERIFY(request.proxy.isEmpty());
        document.http.options.proxy = "socks5h://127.0.0.1:1080";
        QCOMPARE(toRestRequest(document).proxy, QString("socks5h://127.0.0.1:1080"));
    }

    void restAuthAndBodies_data() {
        QTest::addColumn<int>("authKind");
        QTest::addColumn<int>("clientAuthKind");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("basic") << int(AuthKind::Basic) << int(client::AuthKind::Basic) << QString()
                               << QByteArray("X-API-Key");
        QTest::newRow("bearer") << int(AuthKind::Bearer) << int(client::AuthKind::Bearer) << "tok"
                                << QByteArray("X-API-Key");
        QTest::newRow("api key header") << int(AuthKind::ApiKey) << int(client::AuthKind::ApiKey) << "key"
                                        << QByteArray("X-Key");
    }
    void restAuthAndBodies() {
        QFETCH(int, authKind);
        QFETCH(int, clientAuthKind);
        QFETCH(QString, token);
        QFETCH(QByteArray, header);
        RequestDocument document;
        document.http.auth = {AuthKind(authKind), "ada", "pw", "tok", "X-Key", "key", ApiKeyPlacement::Header};
        document.http.body = {BodyKind::Json, "{\"a\":1}", {}, {}, {}, {}};
        const client::RestRequest request = toRestRequest(document);
        QCOMPARE(int(request.auth.kind), clientAuthKind);
        QCOMPARE(request.auth.token, token);
        if (authKind == int(AuthKind::ApiKey))
            QCOMPARE(request.auth.apiKeyHeader, header);
        if (authKind == int(AuthKind::Basic))
            QCOMPARE(request.auth.user + ':' + request.auth.password, QString("ada:pw"));
        QCOMPARE(request.bodyKind, client::BodyKind::Json);
        QCOMPARE(request.body, QByteArray("{\"a\":1}"));
    }

    void graphqlOverHttp() {
        RequestDocument document;
        document.style = RequestStyle::GraphQL;
        document.http.url = "http://127.0.0.1:8080/graphql";
        document.http.headers = {{"X-Trace", "1", true}};
        document.http.auth = {AuthKind::Bearer, {}, {}, "tok", "X-API-Key", {}, ApiKeyPlacement::Header};
        document.graphql = {"query Me { me { id } }", "{\n  \"a\": 1\n}\n", "Me", GraphQLTransport::HttpGet, true};
        QVERIFY(!usesWebSocket(document));
        const client::GraphQLRequest request = toGraphQLRequest(document);
        QCOMPARE(request.url, document.http.url);
        QCOMPARE(request.query, QString("query Me { me { id } }"));
        QCOMPARE(request.variables, QByteArray("{\n  \"a\": 1\n}"));
        QCOMPARE(request.operationName, QString("Me"));
        QVERIFY(request.useGet);
        QVERIFY(request.persistedQuery);
        QCOMPARE(request.http.headers, (client::HeaderList{{"X-Trace", "1"}}));
        QCOMPARE(request.http.auth.kind, client::AuthKind::Bearer);
    }

    void graphqlOverWebSocket_data() {
        QTest::addColumn<int>("transport");
        QTest::addColumn<int>("protocol");
        QTest::newRow("graphql-transport-ws")
            << int(GraphQLTransport::TransportWs) << int(client::WsProtocol::TransportWs);
        QTest::newRow("subscriptions-transport-ws")
            << int(GraphQLTransport::SubscriptionsTransportWs) << int(client::WsProtocol::LegacySubscriptions);
    }
    void graphqlOverWebSocket() {
        QFETCH(int, transport);
        QFETCH(int, protocol);
        RequestDocument document;
        document.style = RequestStyle::GraphQL;
        document.http.url = "http://127.0.0.1:8080/graphql";
        document.http.auth = {AuthKind::Bearer, {}, {}, "demo-token", "X-API-Key", {}, ApiKeyPlacement::Header};
        document.graphql = {
            "subscription { orderUpdates(userId: 42) { at } }", {}, {}, GraphQLTransport(transport), false};
        QVERIFY(usesWebSocket(document));
        const client::GraphQLWsRequest request = toGraphQLWsRequest(document);
        QCOMPARE(int(request.protocol), protocol);
        QCOMPARE(request.url, document.http.url);
        QCOMPARE(request.initPayload, QByteArray(R"({"authorization":"Bearer demo-token"})"));
        QVERIFY(request.variables.isEmpty());
    }

    void grpcMessages_data() {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QList<QByteArray>>("messages");
        QTest::newRow("one") << "{\n  \"user_id\": 42\n}\n" << QList<QByteArray>{"{\n  \"user_id\": 42\n}\n"};
        QTest::newRow("empty is an empty message") << "  " << QList<QByteArray>{"{}"};
        QTest::newRow("an array is a stream")
            << R"([{"order_id": 1}, {"order_id": 2}])" << QList<QByteArray>{R"({"order_id":1})", R"({"order_id":2})"};
    }
    void grpcMessages() {
        QFETCH(QString, message);
        QFETCH(QList<QByteArray>, messages);
        RequestDocument document;
        document.style = RequestStyle::Grpc;
        document.grpc.target = "127.0.0.1:50051";
        document.grpc.method = "orders.v1.OrderService/TrackOrders";
        document.grpc.message = message;
        document.grpc.metadata = {{"authorization", "Bearer t", true}, {"x-off", "1", false}};
        document.grpc.deadlineMs = 1234;
        document.grpc.tls = {true, "ca.pem", "me.pem", "me.key", "orders.local", true};
        const client::GrpcRequest request = toGrpcRequest(document);
        QCOMPARE(request.messages, messages);
        QCOMPARE(request.target, QString("127.0.0.1:50051"));
        QCOMPARE(request.method, document.grpc.method);
        QCOMPARE(request.metadata, (client::HeaderList{{"authorization", "Bearer t"}}));
        QCOMPARE(request.deadlineMs, 1234);
        QVERIFY(request.tls.enabled);
        QCOMPARE(request.tls.caFile, QString("ca.pem"));
        QCOMPARE(request.tls.clientCertificate, QString("me.pem"));
        QCOMPARE(request.tls.clientKey, QString("me.key"));
        QCOMPARE(request.tls.authority, QString("orders.local"));
        QVERIFY(request.tls.skipVerification);
    }

    void grpcTransport_data() {
        QTest::addColumn<int>("saved");
        QTest::addColumn<int>("sent");
        QTest::newRow("grpc") << int(GrpcTransport::Grpc) << int(client::GrpcTransport::Grpc);
        QTest::newRow("grpc-web") << int(GrpcTransport::GrpcWeb) << int(client::GrpcTransport::GrpcWeb);
        QTest::newRow("grpc-web-text") << int(GrpcTransport::GrpcWebText) << int(client::GrpcTransport::GrpcWebText);
    }
    void grpcTransport() {
        QFETCH(int, saved);
        QFETCH(int, sent);
        RequestDocument document;
        document.style = RequestStyle::Grpc;
        document.grpc.transport = GrpcTransport(saved);
        QCOMPARE(int(toGrpcRequest(document).transport), sent);
    }
};

QTEST_GUILESS_MAIN(TestRequestConversion)
#include "test_requestconversion.moc"
