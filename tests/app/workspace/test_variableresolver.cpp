#include "app/workspace/variableresolver.h"

#include <QRegularExpression>
#include <QTest>

using namespace triptych::workspace;

namespace {

VariableResolver scoped() {
    VariableResolver resolver;
    resolver.setWorkspaceVariables(
        {{"host", "workspace.example.com", false}, {"userId", "1", false}, {"baseUrl", "https://{{host}}", false}});
    resolver.setEnvironment({"staging", {{"host", "staging.example.com", false}, {"token", "s3cr3t-token", true}}});
    resolver.setRuntimeValues({{"userId", "42"}});
    return resolver;
}

} // namespace

class TestVariableResolver : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void spans_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<int>>("starts");
        QTest::newRow("none") << "http://localhost" << QStringList{} << QList<int>{};
        QTest::newRow("one") << "{{baseUrl}}/v1" << QStringList{"baseUrl"} << QList<int>{0};
        QTest::newRow("spaces inside") << "a {{ token }}" << QStringList{"token"} << QList<int>{2};
        QTest::newRow("two") << "{{a}}{{b.c-d_e}}" << QStringList{"a", "b.c-d_e"} << QList<int>{0, 5};
        QTest::newRow("dynamic") << "id={{$uuid}}" << QStringList{"$uuid"} << QList<int>{3};
        QTest::newRow("not a name") << "{{1abc}} {{a b}} {{}} {a}" << QStringList{} << QList<int>{};
        QTest::newRow("json around") << "{\"a\":{{n}}}" << QStringList{"n"} << QList<int>{5};
    }
    void spans() {
        QFETCH(QString, text);
        QFETCH(QStringList, names);
        QFETCH(QList<int>, starts);
        QStringList gotNames;
        QList<int> gotStarts;
        for (const VariableSpan &span : variableSpans(text)) {
            gotNames.append(span.name);
            gotStarts.append(int(span.start));
            QVERIFY(text.mid(span.start, span.length).startsWith("{{"));
            QVERIFY(text.mid(span.start, span.length).endsWith("}}"));
            QCOMPARE(span.dynamic, span.name.startsWith('$'));
        }
        QCOMPARE(gotNames, names);
        QCOMPARE(gotStarts, starts);
    }

    void scopes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("resolved");
        QTest::newRow("environment over workspace") << "{{host}}"
                                                    << "staging.example.com";
        QTest::newRow("runtime over workspace") << "{{userId}}"
                                                << "42";
        QTest::newRow("nested, resolved in the final scope") << "{{baseUrl}}/v1"
                                                             << "https://staging.example.com/v1";
        QTest::newRow("secret") << "Bearer {{token}}"
                                << "Bearer s3cr3t-token";
        QTest::newRow("text around") << "a{{userId}}b{{userId}}c"
                                     << "a42b42c";
    }
    void scopes() {
        QFETCH(QString, text);
        QFETCH(QString, resolved);
        QStringList undefined;
        QCOMPARE(scoped().resolveText(text, &undefined), resolved);
        QVERIFY(undefined.isEmpty());
    }

    void lookupTellsTheScopeForHover() {
        const VariableResolver resolver = scoped();
        QCOMPARE(resolver.lookup(u"baseUrl")->value, QString("https://staging.example.com"));
        QCOMPARE(resolver.lookup(u"baseUrl")->scope, VariableScope::Workspace);
        QCOMPARE(resolver.lookup(u"host")->scope, VariableScope::Environment);
        QCOMPARE(resolver.lookup(u"userId")->scope, VariableScope::Runtime);
        QVERIFY(resolver.lookup(u"token")->secret);
        QCOMPARE(resolver.lookup(u"$randomInt")->scope, VariableScope::Dynamic);
        QVERIFY(!resolver.lookup(u"nowhere"));
        QVERIFY(!resolver.lookup(u"$nowhere"));
    }

    void dynamicValuesAreFreshAtEveryUse() {
        const VariableResolver resolver;
        const QStringList uuids = resolver.resolveText(u"{{$uuid}} {{$uuid}}").split(' ');
        QVERIFY(QRegularExpression("^[0-9a-f-]{36}$").match(uuids.at(0)).hasMatch());
        QVERIFY(uuids.at(0) != uuids.at(1));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY(qAbs(resolver.resolveText(u"{{$timestamp}}").toLongLong() - now) <= 5);
        const QDateTime iso = QDateTime::fromString(resolver.resolveText(u"{{$isoTimestamp}}"), Qt::ISODateWithMs);
        QVERIFY(iso.isValid());
        QCOMPARE(iso.timeSpec(), Qt::UTC);
        for (int i = 0; i < 50; ++i) {
            bool ok = false;
            const int value = resolver.resolveText(u"{{$randomInt}}").toInt(&ok);
            QVERIFY(ok && value >= 0 && value <= 1000);
        }
    }

    void undefinedVariablesStopTheSendByName() {
        VariableResolver resolver = scoped();
        RequestDocument document;
        document.http.url = "{{baseUrl}}/v1/users/{{missing}}/orders/{{$nope}}";
        document.http.headers = {{"X-Other", "{{missing}} {{alsoMissing}}", true}, {"X-Off", "{{disabled}}", false}};
        const ResolveResult result = resolver.resolve(document);
        QVERIFY(!result.ok());
        QCOMPARE(result.undefined, (QStringList{"missing", "$nope", "alsoMissing"}));
        QCOMPARE(result.document.http.url,
                 QString("https://staging.example.com/v1/users/{{missing}}/orders/{{$nope}}"));
        QCOMPARE(result.errorText(), QString("Undefined variables {{missing}}, {{$nope}}, {{alsoMissing}} in "
                                             "environment “staging”"));
        resolver.clearEnvironment();
        QCOMPARE(resolver.resolve(document).errorText(),
                 QString("Undefined variables {{missing}}, {{$nope}}, {{alsoMissing}} (no environment is selected)"));
    }

    void aSecretWithoutItsValueIsNamed() {
        VariableResolver resolver;
        resolver.setEnvironment({"prod", {{"token", {}, true}}});
        RequestDocument document;
        document.http.auth.kind = AuthKind::Bearer;
        document.http.auth.token = "{{token}}";
        const ResolveResult result = resolver.resolve(document);
        QCOMPARE(result.missingSecrets, QStringList{"token"});
        QCOMPARE(result.errorText(), QString("No value on this machine for the secret {{token}} in environment "
                                             "“prod”; enter it in the environment"));
    }

    void circlesAreReported() {
        VariableResolver resolver;
        resolver.setWorkspaceVariables({{"a", "{{b}}", false}, {"b", "{{a}}", false}});
        const ResolveResult result = resolver.resolve([] {
            RequestDocument document;
            document.http.url = "{{a}}";
            return document;
        }());
        QCOMPARE(result.cycles, QStringList{"a → b → a"});
        QVERIFY(!result.ok());
    }

    // Every text field of each style is resolved; notes, disabled entries and other styles' fields are left alone.
    void everySentFieldIsResolved_data() {
        QTest::addColumn<int>("style");
        QTest::newRow("rest") << int(RequestStyle::Rest);
        QTest::newRow("graphql") << int(RequestStyle::GraphQL);
        QTest::newRow("grpc") << int(RequestStyle::Grpc);
    }
    void everySentFieldIsResolved() {
        QFETCH(int, style);
        VariableResolver resolver;
        resolver.setRuntimeValue("v", "X");
        RequestDocument document;
        document.style = RequestStyle(style);
        const QString v = "{{v}}";
        document.notes = v;
        document.http = {v, v, {{v, v, true}, {v, v, false}}, {{v, v, true}}, {}, {}, {}};
        document.http.body = {BodyKind::Json, v, v, {{v, v, true}}, {}, v};
        document.http.auth = {AuthKind::Bearer, v, v, v, v, v, ApiKeyPlacement::Header};
        document.http.options.tls = {v, v, v, false, v};
        document.graphql = {v, v, v, GraphQLTransport::HttpPost, false};
        document.grpc = {v, v, ProtoSource::ProtoFiles, {v},  {v},
                         v, v, {{v, v, true}},          1000, {true, v, v, v, v, false}};
        const RequestDocument resolved = resolver.resolve(document).document;
        QCOMPARE(resolved.notes, v);
        const RequestStyle s = RequestStyle(style);
        const QString http = s == RequestStyle::Grpc ? v : "X";
        QCOMPARE(resolved.http.url, http);
        QCOMPARE(resolved.http.headers.at(0).value, http);
        QCOMPARE(resolved.http.auth.token, http);
        QCOMPARE(resolved.http.auth.user, v); // not the active kind
        QCOMPARE(resolved.http.options.tls.serverName, http);
        QCOMPARE(resolved.http.params.at(0).value, s == RequestStyle::Rest ? "X" : v);
        QCOMPARE(resolved.http.params.at(1).value, v); // disabled
        QCOMPARE(resolved.http.body.text, s == RequestStyle::Rest ? "X" : v);
        QCOMPARE(resolved.http.body.form.at(0).value, v); // not the active kind
        const QString graphql = s == RequestStyle::GraphQL ? "X" : v;
        QCOMPARE(resolved.graphql.document, graphql);
        QCOMPARE(resolved.graphql.variables, graphql);
        QCOMPARE(resolved.graphql.operationName, graphql);
        const QString grpc = s == RequestStyle::Grpc ? "X" : v;
        for (const QString &field :
             {resolved.grpc.target, resolved.grpc.method, resolved.grpc.message, resolved.grpc.metadata.at(0).value,
              resolved.grpc.protoFiles.at(0), resolved.grpc.importPaths.at(0), resolved.grpc.descriptorSetFile,
              resolved.grpc.tls.caFile, resolved.grpc.tls.authority})
            QCOMPARE(field, grpc);
    }

    void embeddedServerEnvironment() {
        VariableResolver resolver;
        resolver.setEnvironment({QString::fromUtf16(embeddedserver::kEnvironmentName),
                                 embeddedserver::variables("127.0.0.1", 18080, 15051, "demo-token", "demo-key")});
        QCOMPARE(resolver.resolveText(u"{{baseUrl}}/graphql {{wsUrl}} {{grpcTarget}} {{token}} {{apiKey}}"),
                 QString("http://127.0.0.1:18080/graphql ws://127.0.0.1:18080 127.0.0.1:15051 demo-token demo-key"));
    }

    void secretsAreMasked() {
        const VariableResolver resolver = scoped();
        QCOMPARE(resolver.secretValues(), QStringList{"s3cr3t-token"});
        QCOMPARE(resolver.mask("Authorization: Bearer s3cr3t-token"), QString("Authorization: Bearer ••••••"));
        QCOMPARE(VariableResolver::maskText("ab abc", {"abc", "ab"}), QString("•••••• ••••••"));
    }
};

QTEST_GUILESS_MAIN(TestVariableResolver)
#include "test_variableresolver.moc"
