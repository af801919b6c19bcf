#include "app/interop/curlexport.h"

#include <QTest>

using namespace triptych::interop;
using namespace triptych::workspace;

Q_DECLARE_METATYPE(RequestDocument)

namespace {

RequestDocument rest(const QString &method, const QString &url) {
    RequestDocument document;
    document.http.method = method;
    document.http.url = url;
    document.http.options.followRedirects = false;
    return document;
}

} // namespace

// "Copy as curl": the command for a document mirrors what the engine sends (app/client/curltransfer.cpp);
// test_curlroundtrip runs such commands with the real curl binary.
class TestCurlExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void command_data() {
        QTest::addColumn<RequestDocument>("document");
        QTest::addColumn<QString>("command");
        QTest::newRow("get") << rest("GET", "http://h/a") << "curl 'http://h/a'";
        RequestDocument params = rest("GET", "http://h/a?x=1");
        params.http.params = {{"q", "a b&c", true}, {"off", "1", false}};
        params.http.headers = {{"Accept", "application/json", true}, {"X-Remove", "", true}};
        QTest::newRow("params and headers")
            << params << "curl 'http://h/a?x=1&q=a%20b%26c' \\\n  -H 'Accept: application/json' \\\n  -H 'X-Remove:'";
        RequestDocument json = rest("POST", "http://h/o");
        json.http.body.kind = BodyKind::Json;
        json.http.body.text = "{\"it's\": 1}";
        json.http.auth.kind = AuthKind::Bearer;
        json.http.auth.token = "t";
        QTest::newRow("json body and bearer")
            << json
            << "curl 'http://h/o' \\\n  -H 'Content-Type: application/json' \\\n  -H 'Authorization: Bearer t' \\\n"
               "  --data-raw '{\"it'\\''s\": 1}'";
        RequestDocument form = rest("PUT", "http://h/f");
        form.http.body.kind = BodyKind::Form;
        form.http.body.form = {{"name", "A&B/c", true}, {"a b", "1 2", true}};
        form.http.auth = {AuthKind::Basic, "ann", "p:w", {}, {}, {}, {}};
        QTest::newRow("form and basic") << form
                                        << "curl -X PUT 'http://h/f' \\\n  -u 'ann:p:w' \\\n  --data-urlencode "
                                           "'name=A&B/c' \\\n  --data-raw a%20b=1%202";
        RequestDocument multipart = rest("POST", "http://h/m");
        multipart.http.body.kind = BodyKind::Multipart;
        multipart.http.body.multipart = {{"note", "a;b", {}, {}, true},
                                         {"pic", {}, "/tmp/a \"b\".png", "image/png", true},
                                         {"typed", "x", {}, "text/plain", true}};
        QTest::newRow("multipart")
            << multipart
            << "curl 'http://h/m' \\\n  -H 'Expect:' \\\n  --form-string 'note=a;b' \\\n"
               "  -F 'pic=@\"/tmp/a \\\"b\\\".png\";type=image/png' \\\n  -F 'typed=\"x\";type=text/plain'";
        RequestDocument options = rest("HEAD", "https://h/");
        options.http.options = {2500, true, true, HttpVersion::Http2, {"ca.pem", "me.pem", "me.key", true, {}}};
        QTest::newRow("head and options")
            << options
            << "curl --head 'https://h/' \\\n  -L \\\n  --compressed \\\n  -H 'Accept-Encoding: gzip' \\\n  --http2 "
               "\\\n"
               "  --cacert ca.pem \\\n  --cert me.pem \\\n  --key me.key \\\n  -k \\\n  --max-time 2.5";
        RequestDocument getBody = rest("GET", "http://h/g");
        getBody.http.body.kind = BodyKind::Raw;
        getBody.http.body.text = "x";
        getBody.http.body.contentType = "text/plain";
        QTest::newRow("get with a body")
            << getBody << "curl -X GET 'http://h/g' \\\n  -H 'Content-Type: text/plain' \\\n  --data-raw x";
        RequestDocument graphql;
        graphql.style = RequestStyle::GraphQL;
        graphql.http.url = "http://h/graphql";
        graphql.http.options.followRedirects = false;
        graphql.graphql.document = "{ user(id: 1) { name } }";
        graphql.graphql.variables = "{\"a\": 1}";
        QTest::newRow("graphql")
            << graphql
            << "curl 'http://h/graphql' \\\n  -H 'Accept: application/graphql-response+json, application/json' \\\n"
               "  -H 'Content-Type: application/json' \\\n"
               "  --data-raw '{\"query\":\"{ user(id: 1) { name } }\",\"variables\":{\"a\":1}}'";
    }
    void command() {
        QFETCH(RequestDocument, document);
        QFETCH(QString, command);
        QCOMPARE(toCurlCommand(document), command);
    }

    void noCommandForGrpcOrWebSocket() {
        RequestDocument grpc;
        grpc.style = RequestStyle::Grpc;
        QVERIFY(toCurlCommand(grpc).isEmpty());
        RequestDocument ws;
        ws.style = RequestStyle::GraphQL;
        ws.graphql.transport = GraphQLTransport::TransportWs;
        QVERIFY(toCurlCommand(ws).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestCurlExport)
#include "test_curlexport.moc"
