#include "app/workspace/atomicfile.h"
#include "app/workspace/documentformat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace triptych::workspace;

Q_DECLARE_METATYPE(RequestDocument)

namespace {

using Change = std::function<void(RequestDocument &)>;

struct FieldRow {
    const char *name;
    RequestStyle style;
    Change change;
};

KeyValue kv(const QString &name, const QString &value, bool enabled = true) {
    return {name, value, enabled};
}

// One row per field of every style, plus the strings YAML treats specially in the fields that hold them.
const QList<FieldRow> &fieldRows() {
    using S = RequestStyle;
    static const QList<FieldRow> rows{
        {"rest method", S::Rest, [](auto &d) { d.http.method = "PATCH"; }},
        {"rest url", S::Rest, [](auto &d) { d.http.url = "{{baseUrl}}/v1/users/42/orders"; }},
        {"rest param", S::Rest, [](auto &d) { d.http.params = {kv("status", "PAID")}; }},
        {"rest param disabled", S::Rest, [](auto &d) { d.http.params = {kv("limit", "10", false)}; }},
        {"rest param empty value", S::Rest, [](auto &d) { d.http.params = {kv("flag", "")}; }},
        {"rest header", S::Rest, [](auto &d) { d.http.headers = {kv("Accept", "application/json")}; }},
        {"rest header disabled", S::Rest, [](auto &d) { d.http.headers = {kv("X-Debug", "1", false)}; }},
        {"rest body kind only", S::Rest, [](auto &d) { d.http.body.kind = BodyKind::Json; }},
        {"rest body json", S::Rest,
         [](auto &d) {
             d.http.body.kind = BodyKind::Json;
             d.http.body.text = "{\n  \"product\": \"Keyboard\",\n  \"quantity\": 1\n}\n";
         }},
        {"rest body raw", S::Rest,
         [](auto &d) {
             d.http.body.kind = BodyKind::Raw;
             d.http.body.text = "plain text";
             d.http.body.contentType = "text/plain; charset=utf-8";
         }},
        {"rest body form", S::Rest,
         [](auto &d) {
             d.http.body.kind = BodyKind::Form;
             d.http.body.form = {kv("a", "1"), kv("b", "two words", false)};
         }},
        {"rest body multipart text", S::Rest,
         [](auto &d) {
             d.http.body.kind = BodyKind::Multipart;
             d.http.body.multipart = {{"note", "hello", {}, {}, true}};
         }},
        {"rest body multipart file", S::Rest,
         [](auto &d) {
             d.http.body.multipart = {{"upload", {}, "files/a.png", "image/png", true}};
         }},
        {"rest body multipart disabled", S::Rest,
         [](auto &d) {
             d.http.body.multipart = {{"x", "y", {}, {}, false}};
         }},
        {"rest body file", S::Rest,
         [](auto &d) {
             d.http.body.kind = BodyKind::File;
             d.http.body.filePath = "/tmp/payload.bin";
         }},
        {"rest body inactive kept", S::Rest,
         [](auto &d) {
             d.http.body.kind = BodyKind::Form;
             d.http.body.text = "{}";
         }},
        {"rest auth basic", S::Rest,
         [](auto &d) {
             d.http.auth.kind = AuthKind::Basic;
             d.http.auth.user = "ada";
             d.http.auth.password = "{{password}}";
         }},
        {"rest auth bearer", S::Rest,
         [](auto &d) {
             d.http.auth.kind = AuthKind::Bearer;
             d.http.auth.token = "{{token}}";
         }},
        {"rest auth api key header", S::Rest,
         [](auto &d) {
             d.http.auth.kind = AuthKind::ApiKey;
             d.http.auth.apiKeyValue = "{{apiKey}}";
         }},
        {"rest auth api key query", S::Rest,
         [](auto &d) {
             d.http.auth.kind = AuthKind::ApiKey;
             d.http.auth.apiKeyName = "api_key";
             d.http.auth.apiKeyIn = ApiKeyPlacement::Query;
         }},
        {"rest timeout", S::Rest, [](auto &d) { d.http.options.timeoutMs = 1500; }},
        {"rest timeout zero", S::Rest, [](auto &d) { d.http.options.timeoutMs = 0; }},
        {"rest no redirects", S::Rest, [](auto &d) { d.http.options.followRedirects = false; }},
        {"rest gzip", S::Rest, [](auto &d) { d.http.options.acceptGzip = true; }},
        {"rest http1.1", S::Rest, [](auto &d) { d.http.options.httpVersion = HttpVersion::Http1_1; }},
        {"rest http2", S::Rest, [](auto &d) { d.http.options.httpVersion = HttpVersion::Http2; }},
        {"rest h2c", S::Rest, [](auto &d) { d.http.options.httpVersion = HttpVersion::Http2PriorKnowledge; }},
        {"rest proxy", S::Rest, [](auto &d) { d.http.options.proxy = "socks5h://127.0.0.1:1080"; }},
        {"rest proxy direct", S::Rest, [](auto &d) { d.http.options.proxy = "direct"; }},
        {"graphql proxy", S::GraphQL, [](auto &d) { d.http.options.proxy = "http://proxy:3128"; }},
        {"rest tls ca", S::Rest, [](auto &d) { d.http.options.tls.caFile = "certs/ca.pem"; }},
        {"rest tls client cert", S::Rest, [](auto &d) { d.http.options.tls.clientCertificate = "certs/me.pem"; }},
        {"rest tls client key", S::Rest, [](auto &d) { d.http.options.tls.clientKey = "certs/me.key"; }},
        {"rest tls skip verify", S::Rest, [](auto &d) { d.http.options.tls.skipVerification = true; }},
        {"rest tls server name", S::Rest, [](auto &d) { d.http.options.tls.serverName = "api.example.com"; }},
        {"rest notes", S::Rest, [](auto &d) { d.notes = "# Orders\n\nLists *all* orders.\n"; }},
        {"rest checks", S::Rest,
         [](auto &d) {
             d.checks = {QVariantMap{{"status", 200}, {"body", QVariantMap{{"path", "$.id"}, {"equals", "42"}}}},
                         QVariantMap{{"header", "content-type"}, {"contains", QVariantList{"json", true, 1.5}}}};
         }},
        {"graphql url", S::GraphQL, [](auto &d) { d.http.url = "{{baseUrl}}/graphql"; }},
        {"graphql document", S::GraphQL,
         [](auto &d) { d.graphql.document = "{\n  user(id: 42) {\n    name\n  }\n}\n"; }},
        {"graphql variables", S::GraphQL, [](auto &d) { d.graphql.variables = "{\n  \"userId\": 42\n}"; }},
        {"graphql operation name", S::GraphQL, [](auto &d) { d.graphql.operationName = "Updates"; }},
        {"graphql get", S::GraphQL, [](auto &d) { d.graphql.transport = GraphQLTransport::HttpGet; }},
        {"graphql transport-ws", S::GraphQL, [](auto &d) { d.graphql.transport = GraphQLTransport::TransportWs; }},
        {"graphql subscriptions-transport-ws", S::GraphQL,
         [](auto &d) { d.graphql.transport = GraphQLTransport::SubscriptionsTransportWs; }},
        {"graphql persisted query", S::GraphQL, [](auto &d) { d.graphql.persistedQuery = true; }},
        {"graphql headers", S::GraphQL, [](auto &d) { d.http.headers = {kv("Authorization", "Bearer {{token}}")}; }},
        {"graphql auth", S::GraphQL,
         [](auto &d) {
             d.http.auth.kind = AuthKind::Bearer;
             d.http.auth.token = "t";
         }},
        {"graphql options", S::GraphQL, [](auto &d) { d.http.options.timeoutMs = 999; }},
        {"graphql notes", S::GraphQL, [](auto &d) { d.notes = "one line"; }},
        {"graphql schema cache", S::GraphQL,
         [](auto &d) { d.graphql.schemaCache = ".triptych/schemas/0123456789abcdef0123456789abcdef.graphql"; }},
        {"grpc target", S::Grpc, [](auto &d) { d.grpc.target = "{{grpcTarget}}"; }},
        {"grpc method", S::Grpc, [](auto &d) { d.grpc.method = "orders.v1.OrderService/GetUser"; }},
        {"grpc proto files", S::Grpc,
         [](auto &d) {
             d.grpc.protoSource = ProtoSource::ProtoFiles;
             d.grpc.protoFiles = {"orders/v1/orders.proto", "extra.proto"};
         }},
        {"grpc import paths", S::Grpc,
         [](auto &d) {
             d.grpc.importPaths = {"proto", "../common/proto"};
         }},
        {"grpc descriptor set", S::Grpc,
         [](auto &d) {
             d.grpc.protoSource = ProtoSource::DescriptorSet;
             d.grpc.descriptorSetFile = "orders.pb";
         }},
        {"grpc message", S::Grpc, [](auto &d) { d.grpc.message = "{\n  \"user_id\": 42\n}\n"; }},
        {"grpc metadata", S::Grpc, [](auto &d) { d.grpc.metadata = {kv("authorization", "Bearer {{token}}")}; }},
        {"grpc metadata disabled", S::Grpc, [](auto &d) { d.grpc.metadata = {kv("x-debug", "true", false)}; }},
        {"grpc deadline", S::Grpc, [](auto &d) { d.grpc.deadlineMs = 2500; }},
        {"grpc tls", S::Grpc, [](auto &d) { d.grpc.tls.enabled = true; }},
        {"grpc tls ca", S::Grpc, [](auto &d) { d.grpc.tls.caFile = "ca.pem"; }},
        {"grpc tls client cert", S::Grpc, [](auto &d) { d.grpc.tls.clientCertificate = "me.pem"; }},
        {"grpc tls client key", S::Grpc, [](auto &d) { d.grpc.tls.clientKey = "me.key"; }},
        {"grpc tls authority", S::Grpc, [](auto &d) { d.grpc.tls.authority = "orders.internal"; }},
        {"grpc tls skip verify", S::Grpc, [](auto &d) { d.grpc.tls.skipVerification = true; }},
        {"grpc-web", S::Grpc, [](auto &d) { d.grpc.transport = GrpcTransport::GrpcWeb; }},
        {"grpc-web text", S::Grpc, [](auto &d) { d.grpc.transport = GrpcTransport::GrpcWebText; }},
        {"grpc notes", S::Grpc, [](auto &d) { d.notes = "  indented first line\nsecond\n\n"; }},
        {"grpc checks", S::Grpc,
         [](auto &d) {
             d.checks = {QVariantMap{{"grpcCode", "OK"}}};
         }},
        {"text that reads as a number", S::Rest, [](auto &d) { d.http.headers = {kv("X-Count", "007")}; }},
        {"text that reads as a boolean", S::Rest, [](auto &d) { d.http.params = {kv("on", "true")}; }},
        {"text with quotes and colons", S::Rest, [](auto &d) { d.http.url = "it's: \"quoted\" # not a comment"; }},
        {"text with a tab and a CR", S::Rest, [](auto &d) { d.http.body.text = "a\tb\r\nc"; }},
        {"text without a final newline", S::Grpc, [](auto &d) { d.grpc.message = "{\n}"; }},
        {"unicode text", S::GraphQL, [](auto &d) { d.graphql.document = "# Grüße 😀\n{ me { name } }\n"; }},
    };
    return rows;
}

RequestDocument fullRest() {
    RequestDocument d;
    d.name = "Create an order";
    d.http.method = "POST";
    d.http.url = "{{baseUrl}}/v1/users/{{userId}}/orders";
    d.http.params = {kv("dryRun", "false", false)};
    d.http.headers = {kv("Accept", "application/json"), kv("X-Request-Id", "{{$uuid}}")};
    d.http.auth.kind = AuthKind::Bearer;
    d.http.auth.token = "{{token}}";
    d.http.body.kind = BodyKind::Json;
    d.http.body.text = "{\n  \"product\": \"Keyboard\",\n  \"quantity\": 1\n}\n";
    d.http.options.timeoutMs = 5000;
    d.http.options.acceptGzip = true;
    d.http.options.tls.caFile = "certs/ca.pem";
    d.notes = "Creates one order for the user.\n\nNeeds the bearer token of the environment.\n";
    d.checks = {QVariantMap{{"status", 201}}};
    return d;
}

RequestDocument fullGraphQL() {
    RequestDocument d;
    d.style = RequestStyle::GraphQL;
    d.name = "Live order updates";
    d.http.url = "{{baseUrl}}/graphql";
    d.graphql.transport = GraphQLTransport::TransportWs;
    d.graphql.operationName = "Updates";
    d.graphql.document =
        "subscription Updates($userId: ID!) {\n  orderUpdates(userId: $userId) {\n    previousStatus at\n"
        "    order { id status }\n  }\n}\n";
    d.graphql.variables = "{\n  \"userId\": 42\n}\n";
    d.http.headers = {kv("Authorization", "Bearer {{token}}")};
    return d;
}

RequestDocument fullGrpc() {
    RequestDocument d;
    d.style = RequestStyle::Grpc;
    d.name = "A user's orders";
    d.grpc.target = "{{grpcTarget}}";
    d.grpc.method = "orders.v1.OrderService/GetUserOrders";
    d.grpc.protoSource = ProtoSource::ProtoFiles;
    d.grpc.protoFiles = {"orders/v1/orders.proto"};
    d.grpc.importPaths = {"proto"};
    d.grpc.message = "{\n  \"user_id\": 42\n}\n";
    d.grpc.metadata = {kv("authorization", "Bearer {{token}}")};
    d.grpc.deadlineMs = 5000;
    d.grpc.tls.enabled = true;
    d.grpc.tls.authority = "orders.local";
    return d;
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString diagnosticsText(const Diagnostics &diagnostics) {
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.text());
    return lines.join('\n');
}

} // namespace

class TestDocumentFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyFieldRoundTrips_data() {
        QTest::addColumn<int>("row");
        for (int i = 0; i < fieldRows().size(); ++i)
            QTest::newRow(fieldRows().at(i).name) << i;
    }
    void everyFieldRoundTrips() {
        QFETCH(int, row);
        const FieldRow &field = fieldRows().at(row);
        RequestDocument document;
        document.style = field.style;
        document.name = "request";
        field.change(document);
        QVERIFY2(!(document == RequestDocument{document.style, document.name}), "the row changes nothing");

        // through a file on disk, as the workspace saves and loads it
        QTemporaryDir dir;
        const QString path = dir.filePath(requestFileName(document.name, field.style));
        QVERIFY(writeFileAtomically(path, writeRequest(document)));
        const QByteArray bytes = readFile(path);
        const RequestReadResult read = readRequest(
            bytes, field.style, requestNameOfFileName(QFileInfo(path).fileName()), QFileInfo(path).fileName());
        QVERIFY2(read.diagnostics.isEmpty(), qPrintable(diagnosticsText(read.diagnostics) + "\n" + bytes));
        QVERIFY2(read.document == document, bytes.constData());
        QCOMPARE(writeRequest(read.document), bytes);
    }

    void defaultsAreLeftOut_data() {
        QTest::addColumn<int>("style");
        QTest::newRow("rest") << int(RequestStyle::Rest);
        QTest::newRow("graphql") << int(RequestStyle::GraphQL);
        QTest::newRow("grpc") << int(RequestStyle::Grpc);
    }
    void defaultsAreLeftOut() {
        QFETCH(int, style);
        RequestDocument document;
        document.style = RequestStyle(style);
        QCOMPARE(writeRequest(document), QByteArray("version: 1\n"));
    }

    void goldenFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<RequestDocument>("document");
        QTest::newRow("rest") << "Create an order.rest.yaml" << fullRest();
        QTest::newRow("graphql") << "Live order updates.graphql.yaml" << fullGraphQL();
        QTest::newRow("grpc") << "A user's orders.grpc.yaml" << fullGrpc();
    }
    // The golden files fix the format byte for byte: what the writer makes, and what reading then writing keeps.
    void goldenFiles() {
        QFETCH(QString, file);
        QFETCH(RequestDocument, document);
        const QString path = QDir(TRIPTYCH_GOLDEN_DIR).filePath(file);
        if (qEnvironmentVariableIsSet("TRIPTYCH_UPDATE_GOLDEN")) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(writeRequest(document));
        }
        const QByteArray golden = readFile(path);
        QVERIFY2(!golden.isEmpty(), qPrintable(path));
        QCOMPARE(writeRequest(document), golden);

        const auto style = styleOfFileName(file);
        QVERIFY(style.has_value());
        const RequestReadResult read = readRequest(golden, *style, requestNameOfFileName(file), file);
        QVERIFY2(read.diagnostics.isEmpty(), qPrintable(diagnosticsText(read.diagnostics)));
        QVERIFY(read.document == document);
        QCOMPARE(writeRequest(read.document), golden);
    }

    // A hand-edited file keeps its bytes when it is read and written unchanged, comments aside.
    void handWrittenFileKeepsItsBytes() {
        const QByteArray text = "version: 1\nmethod: DELETE\nurl: http://localhost:8080/v1/orders/7\nheaders:\n"
                                "  - name: X-Why\n    value: |\n      two\n      lines\n";
        const RequestReadResult read = readRequest(text, RequestStyle::Rest, "x", "x.rest.yaml");
        QVERIFY(read.ok());
        QCOMPARE(writeRequest(read.document), text);
    }

    void oneLineChangeIsOneLineDiff() {
        RequestDocument document = fullGraphQL();
        const QList<QByteArray> before = writeRequest(document).split('\n');
        document.graphql.document.replace("previousStatus at", "previousStatus at createdAt");
        const QList<QByteArray> after = writeRequest(document).split('\n');
        QCOMPARE(after.size(), before.size());
        int changed = 0;
        for (int i = 0; i < before.size(); ++i)
            changed += before.at(i) != after.at(i) ? 1 : 0;
        QCOMPARE(changed, 1);
    }

    void fileNames_data() {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<int>("style");
        QTest::addColumn<QString>("name");
        QTest::newRow("rest") << "A user's orders.rest.yaml" << int(RequestStyle::Rest) << "A user's orders";
        QTest::newRow("graphql") << "q.graphql.yaml" << int(RequestStyle::GraphQL) << "q";
        QTest::newRow("grpc") << "x.y.grpc.yaml" << int(RequestStyle::Grpc) << "x.y";
        QTest::newRow("other yaml") << "workspace.yaml" << -1 << "workspace.yaml";
        QTest::newRow("suffix only") << ".rest.yaml" << -1 << ".rest.yaml";
    }
    void fileNames() {
        QFETCH(QString, fileName);
        QFETCH(int, style);
        QFETCH(QString, name);
        const auto found = styleOfFileName(fileName);
        QCOMPARE(found ? int(*found) : -1, style);
        QCOMPARE(requestNameOfFileName(fileName), name);
        if (found)
            QCOMPARE(requestFileName(name, *found), fileName);
    }
};

QTEST_GUILESS_MAIN(TestDocumentFormat)
#include "test_documentformat.moc"
