#include "app/interop/postman.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace triptych::interop;
using namespace triptych::workspace;

namespace {

// A v2.1 collection in the shape Postman writes: a folder with bearer auth inherited by its requests, every body
// mode, a disabled query parameter, scripts, collection variables.
QByteArray collection() {
    QFile file(TRIPTYCH_INTEROP_DATA "/shop.postman_collection.json");
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const ImportedRequest *find(const ImportResult &result, const QString &name) {
    for (const ImportedRequest &request : result.requests) {
        if (request.document.name == name)
            return &request;
    }
    return nullptr;
}

} // namespace

// Postman collections and environments in and out; newman runs the exported ones in scripts/check-outside-clients.
class TestPostman : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importsCollection() {
        const ImportResult result = importPostmanCollection(collection(), "shop.json");
        QVERIFY(result.ok());
        QCOMPARE(result.collectionName, QString("Shop- API"));
        QCOMPARE(result.requests.size(), 7);
        QCOMPARE(result.variables, (QList<Variable>{{"baseUrl", "http://127.0.0.1:8080", false}}));

        const ImportedRequest *get = find(result, "Get user");
        QCOMPARE(get->folder, QString("Users"));
        QCOMPARE(get->document.http.url, QString("{{baseUrl}}/v1/users/1"));
        QCOMPARE(get->document.http.params, (QList<KeyValue>{{"a", "1", true}, {"off", "2", false}}));
        QCOMPARE(get->document.http.auth.kind, AuthKind::Bearer);
        QCOMPARE(get->document.http.auth.token, QString("{{token}}"));
        QVERIFY(get->document.notes.startsWith("One user."));
        QVERIFY(get->document.notes.contains("pm.test('ok'"));

        const ImportedRequest *create = find(result, "Create");
        QCOMPARE(create->document.http.method, QString("POST"));
        QCOMPARE(create->document.http.body.kind, BodyKind::Json);
        QCOMPARE(create->document.http.headers, (QList<KeyValue>{{"X-A", "1", true}, {"X-Off", "0", false}}));

        QCOMPARE(find(result, "Form")->document.http.auth.kind, AuthKind::None);
        QCOMPARE(find(result, "Form")->document.http.body.form, (QList<KeyValue>{{"a", "b c", true}}));
        const RequestDocument &upload = find(result, "Upload")->document;
        QCOMPARE(upload.http.auth.user, QString("ann"));
        QCOMPARE(upload.http.body.multipart.at(1).filePath, QString("/tmp/a.png"));
        QCOMPARE(find(result, "Raw file")->document.http.body.filePath, QString("b.bin"));
        QCOMPARE(find(result, "Raw file")->document.http.auth.apiKeyName, QString("X-Key")); // the collection's
        QCOMPARE(find(result, "Query")->document.style, RequestStyle::GraphQL);
        QCOMPARE(find(result, "Query")->document.graphql.document, QString("{ me { id } }"));

        QStringList warnings;
        for (const Diagnostic &diagnostic : result.diagnostics)
            warnings << diagnostic.text();
        QCOMPARE(warnings,
                 (QStringList{"shop.json: warning: variable 'bad name' is not a name Triptych accepts; skipped",
                              "shop.json: warning: Users/Get user: the test script is kept in the notes and is "
                              "not run",
                              "shop.json: warning: Digest: the auth type 'digest' is not supported; sent "
                              "without auth"}));
    }

    void readsVersion20Auth() {
        const QByteArray v20 =
            "{\"info\": {\"name\": \"old\", \"schema\":\n"
            "            \"https://schema.getpostman.com/json/collection/v2.0.0/collection.json\"},\n"
            "            \"item\": [{\"name\": \"r\", \"request\": {\"url\": \"http://h/\", \"method\": \"GET\", "
            "\"header\": \"A: 1\\nB: 2\",\n"
            "                      \"auth\": {\"type\": \"basic\", \"basic\": {\"username\": \"u\", \"password\": "
            "\"p\"}}}}]}";
        const ImportResult result = importPostmanCollection(v20, "old.json");
        QVERIFY(result.ok());
        QCOMPARE(result.requests.first().document.http.auth.password, QString("p"));
        QCOMPARE(result.requests.first().document.http.headers.size(), 2);
    }

    void refusesBadInput_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << collection().left(300) << "c.json:4: not valid JSON at column";
        QTest::newRow("v1") << QByteArray("{\"id\": \"x\", \"name\": \"n\", \"requests\": []}")
                            << "c.json: a Postman v1 collection";
        QTest::newRow("other schema") << QByteArray("{\"info\": {\"schema\": \"https://example.com/v9\"}}")
                                      << "c.json: info.schema 'https://example.com/v9' is not";
        QTest::newRow("array") << QByteArray("[]") << "c.json:1: the top level is not a JSON object";
    }
    void refusesBadInput() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const ImportResult result = importPostmanCollection(bytes, "c.json");
        QVERIFY(!result.ok());
        QVERIFY2(result.diagnostics.first().text().startsWith(message), qPrintable(result.diagnostics.first().text()));
    }

    // What Triptych writes, it reads back as the same documents.
    void exportImportsBack() {
        ImportResult first = importPostmanCollection(collection(), "shop.json");
        RequestDocument grpc;
        grpc.style = RequestStyle::Grpc;
        grpc.name = "Call";
        first.requests.append({"Users/Deep", grpc});
        const Environment environment{"local", {{"baseUrl", "http://h", false}, {"token", "s3cret", true}}};
        const PostmanExport exported = exportPostman("Shop", first.requests, &environment);
        QCOMPARE(exported.skipped,
                 QStringList{"Users/Deep/Call: gRPC requests cannot be written as a Postman v2.1 collection"});
        const ImportResult again = importPostmanCollection(exported.collection, "export.json");
        QVERIFY(again.ok());
        first.requests.removeLast();
        QCOMPARE(again.requests.size(), first.requests.size());
        for (const ImportedRequest &request : first.requests) {
            const ImportedRequest *back = find(again, request.document.name);
            QVERIFY2(back, qPrintable(request.document.name));
            QCOMPARE(back->folder, request.folder);
            RequestDocument expected = request.document;
            expected.notes = back->document.notes; // scripts are not written back
            // The headers the export adds because Triptych sends them anyway are dropped again on import.
            if (expected.http.auth.kind == AuthKind::ApiKey)
                expected.http.auth.apiKeyName = back->document.http.auth.apiKeyName;
            QCOMPARE(back->document, expected);
        }
        const ImportResult env = importPostmanEnvironment(exported.environment, "local.json");
        QCOMPARE(env.environments.first(),
                 (Environment{"local", {{"baseUrl", "http://h", false}, {"token", QString(), true}}}));
    }
};

QTEST_APPLESS_MAIN(TestPostman)
#include "test_postman.moc"
