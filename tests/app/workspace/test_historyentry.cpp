#include "app/workspace/historyentry.h"

#include "app/client/callrecord.h"

#include <QTest>

using namespace triptych::workspace;

namespace {

HistoryEntry sent(RequestStyle style, const QString &method, const QString &url, const TextPairs &headers,
                  const QByteArray &body) {
    HistoryEntry entry;
    entry.style = style;
    entry.method = method;
    entry.url = url;
    entry.requestHeaders = headers;
    entry.requestBody = body;
    return entry;
}

} // namespace

// A call as the client recorded it → a history entry → "Save to collection".
class TestHistoryEntry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void entryFromACallRecord() {
        triptych::client::CallRecord record;
        record.kind = triptych::client::CallKind::Grpc;
        record.startedAtUnixNs = 1'700'000'000'123'000'000;
        record.method = "/orders.v1.OrderService/StreamOrders";
        record.url = "127.0.0.1:50051";
        record.requestHeaders = {{"authorization", "Bearer demo-token"}};
        record.requestBody = "{\"user_id\":42}";
        record.grpcCode = 0;
        record.timings.totalUs = 900;
        record.timings.firstByteUs = 400;
        record.trailers = {{"grpc-status", "0"}};
        record.messages = {
            {false, 10, 5, "", "{\"id\":1}"}, {true, 1, 5, "", "{\"user_id\":42}"}, {false, 20, 5, "", "{\"id\":2}"}};
        const HistoryEntry entry = historyEntryFromCall(record);
        QCOMPARE(entry.style, RequestStyle::Grpc);
        QCOMPARE(entry.startedAtMs, 1'700'000'000'123LL);
        QCOMPARE(entry.status, 0);
        QCOMPARE(entry.statusText, QString("OK"));
        QCOMPARE(entry.responseBody, QByteArray("{\"id\":1}\n{\"id\":2}\n")); // the stream's answers, one a line
        QCOMPARE(entry.responseHeaders.last().first, QString("grpc-status"));
        QCOMPARE(entry.firstByteUs, 400);
        QCOMPARE(entry.dnsUs, -1);
        QCOMPARE(entry.requestHeaders.first().second, QString("Bearer demo-token"));

        record.kind = triptych::client::CallKind::Rest;
        record.error = {triptych::client::ErrorKind::Refused, "Connection refused", "is the server running?"};
        const HistoryEntry failed = historyEntryFromCall(record);
        QCOMPARE(failed.style, RequestStyle::Rest);
        QCOMPARE(failed.status, -1);
        QCOMPARE(failed.error, QString("Connection refused — is the server running?"));
    }

    void restCallBecomesARequest() {
        const RequestDocument document = toRequestDocument(
            sent(RequestStyle::Rest, "POST", "http://127.0.0.1:8080/v1/users/42/orders?dryRun=true&tag=a%20b",
                 {{"Host", "127.0.0.1:8080"},
                  {"Content-Type", "application/json"},
                  {"Accept-Encoding", "gzip"},
                  {"traceparent", "00-abc-def-01"},
                  {"Authorization", "Bearer demo-token"}},
                 "{\"product\":\"Keyboard\",\"quantity\":1}"));
        QCOMPARE(document.style, RequestStyle::Rest);
        QCOMPARE(document.name, QString("POST v1 users 42 orders"));
        QCOMPARE(document.http.method, QString("POST"));
        QCOMPARE(document.http.url, QString("http://127.0.0.1:8080/v1/users/42/orders"));
        QCOMPARE(document.http.params, (QList<KeyValue>{{"dryRun", "true", true}, {"tag", "a b", true}}));
        QCOMPARE(document.http.headers, (QList<KeyValue>{{"Authorization", "Bearer demo-token", true}}));
        QVERIFY(document.http.options.acceptGzip);
        QCOMPARE(document.http.body.kind, BodyKind::Json);
        QCOMPARE(document.http.body.text, QString("{\"product\":\"Keyboard\",\"quantity\":1}"));
    }

    void formAndRawBodies() {
        const RequestDocument form = toRequestDocument(sent(RequestStyle::Rest, "POST", "http://a/login",
                                                            {{"Content-Type", "application/x-www-form-urlencoded"}},
                                                            "user=ada&note=hi%20there"));
        QCOMPARE(form.http.body.kind, BodyKind::Form);
        QCOMPARE(form.http.body.form, (QList<KeyValue>{{"user", "ada", true}, {"note", "hi there", true}}));
        const RequestDocument raw = toRequestDocument(
            sent(RequestStyle::Rest, "PUT", "http://a/notes", {{"Content-Type", "text/plain"}}, "hi"));
        QCOMPARE(raw.http.body.kind, BodyKind::Raw);
        QCOMPARE(raw.http.body.contentType, QString("text/plain"));
    }

    void graphqlCallsBecomeRequests_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<TextPairs>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("transport");
        QTest::addColumn<QString>("savedUrl");
        const QByteArray operation =
            R"({"query":"query Me($id: ID!) { user(id: $id) { name } }","variables":{"id":42},"operationName":"Me"})";
        QTest::newRow("post") << "POST"
                              << "http://127.0.0.1:8080/graphql" << TextPairs{{"Content-Type", "application/json"}}
                              << operation << int(GraphQLTransport::HttpPost) << "http://127.0.0.1:8080/graphql";
        QTest::newRow("get")
            << "GET"
            << "http://127.0.0.1:8080/graphql?query=query%20Me(%24id%3A%20ID!)%20%7B%20user(id%3A%20%24id)"
               "%20%7B%20name%20%7D%20%7D&variables=%7B%22id%22%3A42%7D&operationName=Me"
            << TextPairs{} << QByteArray() << int(GraphQLTransport::HttpGet) << "http://127.0.0.1:8080/graphql";
        QTest::newRow("websocket") << "QUERY"
                                   << "ws://127.0.0.1:8080/graphql"
                                   << TextPairs{{"Sec-WebSocket-Protocol", "graphql-transport-ws"}}
                                   << QByteArray(R"({"id":"1","type":"subscribe","payload":)" + operation + "}")
                                   << int(GraphQLTransport::TransportWs) << "ws://127.0.0.1:8080/graphql";
        QTest::newRow("legacy websocket")
            << "QUERY"
            << "ws://127.0.0.1:8080/graphql" << TextPairs{{"Sec-WebSocket-Protocol", "graphql-ws"}}
            << QByteArray(R"({"id":"1","type":"start","payload":)" + operation + "}")
            << int(GraphQLTransport::SubscriptionsTransportWs) << "ws://127.0.0.1:8080/graphql";
    }
    void graphqlCallsBecomeRequests() {
        QFETCH(QString, method);
        QFETCH(QString, url);
        QFETCH(TextPairs, headers);
        QFETCH(QByteArray, body);
        QFETCH(int, transport);
        QFETCH(QString, savedUrl);
        const RequestDocument document = toRequestDocument(sent(RequestStyle::GraphQL, method, url, headers, body));
        QCOMPARE(document.style, RequestStyle::GraphQL);
        QCOMPARE(int(document.graphql.transport), transport);
        QCOMPARE(document.http.url, savedUrl);
        QCOMPARE(document.graphql.document, QString("query Me($id: ID!) { user(id: $id) { name } }"));
        QCOMPARE(document.graphql.operationName, QString("Me"));
        QCOMPARE(document.graphql.variables, QString("{\n    \"id\": 42\n}\n"));
        QCOMPARE(document.name, QString("GraphQL Me"));
        QVERIFY(document.http.headers.isEmpty());
    }

    void grpcCallBecomesARequest() {
        const RequestDocument document = toRequestDocument(
            sent(RequestStyle::Grpc, "/orders.v1.OrderService/GetUserOrders", "127.0.0.1:50051",
                 {{"authorization", "Bearer demo-token"}, {"grpc-timeout", "30S"}, {"traceparent", "00-a-b-01"}},
                 "{\"user_id\":42}"));
        QCOMPARE(document.style, RequestStyle::Grpc);
        QCOMPARE(document.grpc.target, QString("127.0.0.1:50051"));
        QCOMPARE(document.grpc.method, QString("orders.v1.OrderService/GetUserOrders"));
        QCOMPARE(document.grpc.message, QString("{\"user_id\":42}"));
        QCOMPARE(document.grpc.metadata, (QList<KeyValue>{{"authorization", "Bearer demo-token", true}}));
        QCOMPARE(document.name, QString("gRPC GetUserOrders"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryEntry)
#include "test_historyentry.moc"
