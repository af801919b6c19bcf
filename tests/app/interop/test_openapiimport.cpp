// OpenAPI 3.0/3.1 import: small documents in JSON and YAML, the bad inputs the issue names, and the embedded server's
// own /openapi.json, whose every operation, imported and sent, answers a status the document lists for it.
#include "app/client/restcaller.h"
#include "app/interop/openapi.h"
#include "app/workspace/requestconversion.h"
#include "app/workspace/variableresolver.h"
#include "tests/support/testorderserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using namespace triptych::interop;
using namespace triptych::workspace;

namespace {

QByteArray data(const char *name) {
    QFile file(QStringLiteral(TRIPTYCH_INTEROP_DATA "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray petsYaml() {
    return data("pets.openapi.yaml");
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

class TestOpenApiImport : public QObject {
    Q_OBJECT
    testing::TestOrderServer m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void cleanupTestCase() { m_server.stop(); }

    void importsYaml() {
        const ImportResult result = importOpenApi(petsYaml(), "pets.yaml");
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        QCOMPARE(result.collectionName, QString("Pets"));
        QCOMPARE(result.requests.size(), 4);
        QCOMPARE(result.variables.first(), (Variable{"baseUrl", "https://eu.pets.example/v1", false}));
        QVERIFY(result.variables.contains(Variable{"key", QString(), true}));
        QCOMPARE(result.environments.size(), 1);
        QCOMPARE(result.environments.first().variables.first().value, QString("http://localhost:9000/v1"));

        const ImportedRequest *one = find(result, "One pet");
        QVERIFY(one);
        QCOMPARE(one->folder, QString("pets"));
        QCOMPARE(one->document.http.url, QString("{{baseUrl}}/pets/7"));
        QCOMPARE(one->document.http.headers, (QList<KeyValue>{{"X-Trace", "abc", true}}));
        QCOMPARE(one->document.http.auth.kind, AuthKind::ApiKey); // the document's default security
        QCOMPARE(one->document.http.auth.apiKeyIn, ApiKeyPlacement::Query);
        QCOMPARE(one->document.http.auth.apiKeyValue, QString("{{key}}"));
        QVERIFY(messages(result).contains("#/paths/~1pets~1{petId}/get/parameters/1: the cookie parameter session"));

        const ImportedRequest *list = find(result, "listPets");
        QVERIFY(list);
        QCOMPARE(list->document.http.params, (QList<KeyValue>{{"limit", "20", false}}));
        QCOMPARE(list->document.http.auth.kind, AuthKind::None);

        const ImportedRequest *add = find(result, "Add a pet");
        QVERIFY(add);
        QCOMPARE(add->document.http.method, QString("POST"));
        QCOMPARE(add->document.http.auth.kind, AuthKind::Bearer);
        QCOMPARE(add->document.http.auth.token, QString("{{token}}"));
        QCOMPARE(add->document.http.body.kind, BodyKind::Json);
        // Made from the schema: read-only id left out, the example used, the recursion stopped.
        const QJsonObject body = QJsonDocument::fromJson(add->document.http.body.text.toUtf8()).object();
        QCOMPARE(body, (QJsonObject{{"name", "Rex"}, {"tags", QJsonArray{"string"}}, {"parent", QJsonValue()}}));

        QVERIFY(find(result, "HEAD -health"));
    }

    void importsJsonWithExamples() {
        const QByteArray json = data("examples.openapi.json");
        const ImportResult result = importOpenApi(json, "t.json");
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        const ImportedRequest *form = find(result, "Form");
        QVERIFY(form);
        QCOMPARE(form->document.http.body.kind, BodyKind::Form);
        QCOMPARE(form->document.http.body.form, (QList<KeyValue>{{"a", "1", true}, {"b", "x y", true}}));
        const ImportedRequest *list = find(result, "Json");
        QVERIFY(list);
        QCOMPARE(QJsonDocument::fromJson(list->document.http.body.text.toUtf8()).array(), (QJsonArray{1, 2}));
    }

    void refusesBadInput_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated JSON") << QByteArray("{\"openapi\": \"3.0.0\",\n \"paths\": {")
                                        << "d.json:2: not valid JSON";
        QTest::newRow("Swagger 2") << QByteArray("swagger: '2.0'\n")
                                   << "d.json: Swagger 2.0: Triptych reads OpenAPI 3.0 and 3.1";
        QTest::newRow("OpenAPI 4") << QByteArray("{\"openapi\": \"4.0.0\"}") << "d.json: OpenAPI 4.0.0: Triptych";
        QTest::newRow("bad YAML") << QByteArray("openapi: 3.0.0\npaths: [\n") << "d.json:";
        // A billion laughs: nine levels of nine aliases.
        QByteArray bomb = "openapi: 3.0.0\na0: &a0 [x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 9; ++i) {
            const QByteArray previous = "*a" + QByteArray::number(i - 1);
            bomb += "a" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [" + previous;
            for (int j = 1; j < 9; ++j)
                bomb += ", " + previous;
            bomb += "]\n";
        }
        QTest::newRow("alias bomb") << bomb << "d.json: the YAML expands to more than";
    }
    void refusesBadInput() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const ImportResult result = importOpenApi(bytes, "d.json");
        QVERIFY(!result.ok());
        QVERIFY2(messages(result).startsWith(message), qPrintable(messages(result)));
    }

    void otherMediaTypesAreNamedNotTheChosenOne() {
        const QByteArray yaml = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /p:\n    post:\n"
                                "      requestBody:\n        content:\n          application/json: {example: {a: 1}}\n"
                                "          application/xml: {}\n      responses: {'200': {description: ok}}\n";
        const ImportResult result = importOpenApi(yaml, "m.yaml");
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        QVERIFY2(messages(result).contains("the body is sent as application/json; the document also allows "
                                           "application/xml\n") ||
                     messages(result).endsWith("the body is sent as application/json; the document also allows "
                                               "application/xml"),
                 qPrintable(messages(result)));
    }

    void refCycleNamesThePlace() {
        const QByteArray json = data("cycle.openapi.json");
        const ImportResult result = importOpenApi(json, "c.json");
        QVERIFY(result.ok()); // the rest is imported; what could not be read is named
        QCOMPARE(result.requests.size(), 1);
        const QString text = messages(result);
        QVERIFY2(text.contains("c.json: warning: #/paths/~1x/get/parameters/0: the $ref chain #/components/parameters/A"
                               " → #/components/parameters/B → #/components/parameters/A comes back to itself"),
                 qPrintable(text));
        QVERIFY2(text.contains("#/paths/~1y: $ref #/nowhere points at nothing in the file"), qPrintable(text));
    }

    // The server's own document: one request per operation, each answering as the document says it may.
    void embeddedServerDocumentAnswersAsDocumented() {
        client::RestCaller caller;
        QSignalSpy finished(&caller, &client::RestCaller::callFinished);
        client::RestRequest fetch;
        fetch.url = m_server.httpBase() + "/openapi.json";
        caller.send(fetch);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
        const QByteArray bytes = finished.takeFirst().first().value<client::CallRecord>().body;
        const QJsonObject spec = QJsonDocument::fromJson(bytes).object();
        int operations = 0;
        const QJsonObject paths = spec.value("paths").toObject();
        for (auto it = paths.begin(); it != paths.end(); ++it)
            operations += int(it.value().toObject().keys().size());

        const ImportResult result = importOpenApi(bytes, "openapi.json");
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        QCOMPARE(result.requests.size(), operations);
        VariableResolver resolver;
        resolver.setWorkspaceVariables({{"baseUrl", m_server.httpBase(), false},
                                        {"bearerAuth", "demo-token", false},
                                        {"apiKeyAuth", "demo-key", false}});
        for (const ImportedRequest &imported : result.requests) {
            checkAnswer(caller, spec, resolver.resolve(imported.document));
            if (QTest::currentTestFailed())
                return;
        }
    }

private:
    // The operation behind a request, from the first line of its notes: "`GET /v1/users/{id}`".
    static QJsonObject operationOf(const QJsonObject &spec, const RequestDocument &document) {
        const QString line = document.notes.section(QLatin1Char('\n'), 0, 0).remove(QLatin1Char('`'));
        const QString method = line.section(QLatin1Char(' '), 0, 0).toLower();
        const QString path = line.section(QLatin1Char(' '), 1);
        return spec.value("paths").toObject().value(path).toObject().value(method).toObject();
    }

    void checkAnswer(client::RestCaller &caller, const QJsonObject &spec, const ResolveResult &resolved) {
        QVERIFY2(resolved.ok(), qPrintable(resolved.errorText()));
        const RequestDocument &document = resolved.document;
        const QJsonObject responses = operationOf(spec, document).value("responses").toObject();
        QVERIFY2(!responses.isEmpty(), qPrintable(document.notes));
        const bool stream = responses.value("200").toObject().value("content").toObject().contains("text/event-stream");
        QSignalSpy finished(&caller, &client::RestCaller::callFinished);
        QSignalSpy failed(&caller, &client::RestCaller::callFailed);
        QSignalSpy messages(&caller, &client::RestCaller::messageReceived);
        const quint64 id = caller.send(toRestRequest(document));
        if (stream) {
            // An event stream does not end: its first event is the answer, then the call is stopped.
            QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 10'000);
            caller.cancel(id);
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 10'000);
        const auto record = (finished.isEmpty() ? failed : finished).first().first().value<client::CallRecord>();
        const QString status = QString::number(record.httpStatus);
        const QString what = document.http.method + ' ' + document.http.url + " answered " + status + ": " +
                             QString::fromUtf8(record.body.left(300));
        QVERIFY2(record.httpStatus > 0 && responses.contains(status), qPrintable(what));
        // Every operation answers 2xx but four whose made-up input the server rightly refuses with a documented
        // status (the document gives no examples for them): a GraphQL query "string", a trace id "string", an order
        // of the product "string", and cancelling order 1, which is delivered.
        const bool needsRealInput = document.http.url.contains("/graphql") || document.http.url.contains("/traces/") ||
                                    document.http.url.endsWith("/cancel") ||
                                    (document.http.method == "POST" && document.http.url.endsWith("/orders"));
        QVERIFY2(needsRealInput || (record.httpStatus >= 200 && record.httpStatus < 300), qPrintable(what));
    }
};

QTEST_GUILESS_MAIN(TestOpenApiImport)
#include "test_openapiimport.moc"
