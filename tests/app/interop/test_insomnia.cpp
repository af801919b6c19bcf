// Insomnia v4 exports: folders, every request kind, auth, environments and Nunjucks variables, and what is skipped.
#include "app/interop/insomnia.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace triptych::interop;
using namespace triptych::workspace;

namespace {

QByteArray exported() {
    QFile file(QStringLiteral(TRIPTYCH_INTEROP_DATA "/insomnia-v4.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const ImportedRequest *find(const ImportResult &result, const QString &name) {
    for (const ImportedRequest &request : result.requests) {
        if (request.document.name == name)
            return &request;
    }
    return nullptr;
}

QString messages(const ImportResult &result) {
    QStringList texts;
    for (const auto &diagnostic : result.diagnostics)
        texts << diagnostic.text();
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestInsomnia : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importsAnExport() {
        const ImportResult result = importInsomnia(exported(), "orders.json");
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        QCOMPARE(result.collectionName, QString("Orders API"));
        QCOMPARE(result.requests.size(), 5);
        QCOMPARE(result.variables,
                 (QList<Variable>{{"baseUrl", "http://127.0.0.1:8080", false}, {"token", "demo-token", false}}));
        QCOMPARE(result.environments,
                 (QList<Environment>{{"Staging", {{"baseUrl", "https://staging.example.com", false}}}}));

        const ImportedRequest *get = find(result, "Get user");
        QVERIFY(get);
        QCOMPARE(get->folder, QString("Users/Deep"));
        QCOMPARE(get->document.http.url, QString("{{baseUrl}}/v1/users/42"));
        QCOMPARE(get->document.http.params, (QList<KeyValue>{{"fields", "name", false}}));
        QCOMPARE(get->document.http.auth.kind, AuthKind::Bearer);
        QCOMPARE(get->document.http.auth.token, QString("{{token}}"));
        QCOMPARE(get->document.notes, QString("One user."));

        const ImportedRequest *post = find(result, "Create order");
        QVERIFY(post);
        QCOMPARE(post->folder, QString("Users"));
        QCOMPARE(post->document.http.body.kind, BodyKind::Json);
        QCOMPARE(post->document.http.auth.kind, AuthKind::ApiKey);
        QCOMPARE(post->document.http.auth.apiKeyValue, QString("demo-key"));

        const ImportedRequest *form = find(result, "Login");
        QVERIFY(form);
        QCOMPARE(form->document.http.body.form, (QList<KeyValue>{{"user", "a", true}, {"pass", "b", false}}));
        QCOMPARE(form->document.http.auth.kind, AuthKind::None);

        const ImportedRequest *graphql = find(result, "User name");
        QVERIFY(graphql);
        QCOMPARE(graphql->document.style, RequestStyle::GraphQL);
        QCOMPARE(graphql->document.graphql.operationName, QString("One"));
        QCOMPARE(QJsonDocument::fromJson(graphql->document.graphql.variables.toUtf8()).object(),
                 (QJsonObject{{"id", "42"}}));
        QVERIFY(graphql->document.http.headers.isEmpty());

        const ImportedRequest *grpc = find(result, "Get user (gRPC)");
        QVERIFY(grpc);
        QCOMPARE(grpc->document.style, RequestStyle::Grpc);
        QCOMPARE(grpc->document.grpc.target, QString("grpc.example.com:443"));
        QVERIFY(grpc->document.grpc.tls.enabled);
        QCOMPARE(grpc->document.grpc.method, QString("orders.v1.OrderService/GetUser"));
        QCOMPARE(grpc->document.grpc.metadata, (QList<KeyValue>{{"authorization", "Bearer {{token}}", true}}));

        // Nothing dropped silently.
        const QString text = messages(result);
        QVERIFY2(text.contains("variable 'bad name' is not a name Triptych accepts"), qPrintable(text));
        QVERIFY(text.contains("Login: the auth type 'digest' is not supported"));
        QVERIFY(text.contains("Login: Insomnia template tags"));
        QVERIFY(text.contains("the .proto file kept inside Insomnia is not imported"));
        QVERIFY(text.contains("1 resource(s) of type cookie_jar skipped"));
        QVERIFY(text.contains("1 resource(s) of type proto_file skipped"));
    }

    void refusesOtherFormats_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("v3") << QByteArray("{\"_type\": \"export\", \"__export_format\": 3, \"resources\": []}")
                            << "i.json: Insomnia export format 3: Triptych reads format 4";
        QTest::newRow("not Insomnia") << QByteArray("{\"info\": {}}") << "i.json: not an Insomnia export";
        QTest::newRow("truncated") << exported().left(200) << "i.json:";
    }
    void refusesOtherFormats() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const ImportResult result = importInsomnia(bytes, "i.json");
        QVERIFY(!result.ok());
        QVERIFY2(messages(result).startsWith(message), qPrintable(messages(result)));
    }
};

QTEST_GUILESS_MAIN(TestInsomnia)
#include "test_insomnia.moc"
