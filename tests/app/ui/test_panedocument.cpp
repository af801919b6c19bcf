// Each pane as a saved request and back (composerdocument.cpp and the *panedocument.cpp files), and {{variables}}
// resolved at send: every saved request of the sample loads and comes back unchanged, a document with every kind of
// field survives, an edit lands in its field, an undefined variable stops the send naming it and the environment.
#include "app/model/keyvaluemodel.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/grpcpane.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "app/workspace/variableresolver.h"
#include "app/workspace/workspace.h"
#include "testserver.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using workspace::RequestDocument;
using workspace::RequestStyle;

namespace {

std::unique_ptr<ui::ComposerPane> paneFor(RequestStyle style) {
    switch (style) {
    case RequestStyle::Rest:
        return std::make_unique<ui::RestPane>();
    case RequestStyle::GraphQL:
        return std::make_unique<ui::GraphQLPane>();
    case RequestStyle::Grpc:
        return std::make_unique<ui::GrpcPane>();
    }
    return {};
}

// A request with a field of every kind, including those the panes edited only later (test_paneeditors.cpp).
RequestDocument richRest() {
    RequestDocument document;
    document.style = RequestStyle::Rest;
    document.name = QStringLiteral("Rich");
    document.notes = QStringLiteral("Some *notes*\n");
    document.http.method = QStringLiteral("POST");
    document.http.url = QStringLiteral("{{baseUrl}}/v1/upload");
    document.http.params = {{QStringLiteral("a"), QStringLiteral("1"), true},
                            {QStringLiteral("off"), QStringLiteral("x"), false}};
    document.http.headers = {{QStringLiteral("X-Off"), QStringLiteral("1"), false},
                             {QStringLiteral("Accept"), QStringLiteral("application/json"), true}};
    document.http.body.kind = workspace::BodyKind::Multipart;
    document.http.body.multipart = {{QStringLiteral("file"), {}, QStringLiteral("a.png"), QStringLiteral("image/png")}};
    document.http.auth.kind = workspace::AuthKind::ApiKey;
    document.http.auth.apiKeyName = QStringLiteral("X-Key");
    document.http.auth.apiKeyValue = QStringLiteral("{{apiKey}}");
    document.http.auth.apiKeyIn = workspace::ApiKeyPlacement::Query;
    document.http.options.acceptGzip = true;
    document.http.options.httpVersion = workspace::HttpVersion::Http2;
    document.http.options.tls.caFile = QStringLiteral("ca.pem");
    document.http.options.timeoutMs = 0;
    document.checks = {QVariantMap{{QStringLiteral("status"), 200}}};
    return document;
}

RequestDocument richGrpc() {
    RequestDocument document;
    document.style = RequestStyle::Grpc;
    document.name = QStringLiteral("Rich");
    document.grpc.target = QStringLiteral("{{grpcTarget}}");
    document.grpc.method = QStringLiteral("orders.v1.OrderService/GetUser");
    document.grpc.protoSource = workspace::ProtoSource::ProtoFiles;
    document.grpc.protoFiles = {QStringLiteral("orders/v1/orders.proto")};
    document.grpc.importPaths = {QStringLiteral("proto")};
    document.grpc.message = QStringLiteral("{\n  \"user_id\": 42\n}\n");
    document.grpc.metadata = {{QStringLiteral("x-off"), QStringLiteral("1"), false}};
    document.grpc.deadlineMs = 1234;
    document.grpc.tls.enabled = true;
    document.grpc.tls.authority = QStringLiteral("orders.local");
    return document;
}

} // namespace

class TestPaneDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void everySampleRequestComesBackUnchanged_data() {
        QTest::addColumn<QString>("path");
        workspace::Workspace sample;
        QVERIFY(sample.open(QStringLiteral(TRIPTYCH_SAMPLE_WORKSPACE)));
        for (const QString &path : sample.requestPaths())
            QTest::newRow(qPrintable(path)) << path;
    }
    void everySampleRequestComesBackUnchanged() {
        QFETCH(QString, path);
        workspace::Workspace sample;
        QVERIFY(sample.open(QStringLiteral(TRIPTYCH_SAMPLE_WORKSPACE)));
        const auto loaded = sample.load(path);
        QVERIFY(loaded.ok());
        auto pane = paneFor(loaded.document.style);
        pane->loadDocument(loaded.document);
        QCOMPARE(pane->toDocument(), loaded.document);
    }

    void richDocumentsSurvive_data() {
        QTest::addColumn<RequestDocument>("document");
        QTest::newRow("REST: multipart, disabled entries, API key in the query, gzip, HTTP/2, TLS, no timeout")
            << richRest();
        RequestDocument graphql;
        graphql.style = RequestStyle::GraphQL;
        graphql.name = QStringLiteral("Rich");
        graphql.http.url = QStringLiteral("{{baseUrl}}/graphql");
        graphql.http.auth.kind = workspace::AuthKind::Bearer;
        graphql.http.auth.token = QStringLiteral("{{token}}");
        graphql.graphql.document = QStringLiteral("query A { a }\nquery B { b }\n");
        graphql.graphql.operationName = QStringLiteral("B");
        graphql.graphql.transport = workspace::GraphQLTransport::HttpGet;
        graphql.graphql.persistedQuery = true;
        QTest::newRow("GraphQL: auth, GET, persisted query, the second operation") << graphql;
        QTest::newRow("gRPC: .proto files, TLS, disabled metadata, deadline") << richGrpc();
    }
    void richDocumentsSurvive() {
        QFETCH(RequestDocument, document);
        auto pane = paneFor(document.style);
        pane->loadDocument(document);
        QCOMPARE(pane->toDocument(), document);
    }

    void anEditLandsInItsField() {
        ui::RestPane rest;
        rest.loadDocument(richRest());
        rest.urlEdit()->setText(QStringLiteral("{{baseUrl}}/v1/other"));
        RequestDocument expected = richRest();
        expected.http.url = QStringLiteral("{{baseUrl}}/v1/other");
        QCOMPARE(rest.toDocument(), expected);

        ui::GraphQLPane graphql;
        RequestDocument document;
        document.style = RequestStyle::GraphQL;
        document.graphql.document = QStringLiteral("{ user(id: 42) { name } }");
        graphql.loadDocument(document);
        graphql.queryEditor()->setPlainText(QStringLiteral("subscription { orderUpdates(userId: 7) { at } }"));
        // A subscription goes over WebSocket: the saved request says so.
        QCOMPARE(graphql.toDocument().graphql.transport, workspace::GraphQLTransport::TransportWs);
    }

    // The query of a typed URL moves into the table; the braces of its variables stay braces.
    void aQueryAfterVariablesMovesToTheTable() {
        ui::RestPane rest;
        rest.urlEdit()->setText(QStringLiteral("{{baseUrl}}/v1/users/{{userId}}/orders?limit=5&q=a%20b"));
        Q_EMIT rest.urlEdit()->editingFinished();
        QCOMPARE(rest.urlEdit()->text(), QStringLiteral("{{baseUrl}}/v1/users/{{userId}}/orders"));
        const auto params = rest.toDocument().http.params;
        QCOMPARE(params.size(), 2);
        QCOMPARE(params.at(0).name, QStringLiteral("limit"));
        QCOMPARE(params.at(1).value, QStringLiteral("a b"));
    }

    // The sample's GraphQL variables hold {{userId}} without quotes: the JSON check reads it as a value.
    void variablesDoNotBreakTheJsonCheck() {
        ui::GraphQLPane pane;
        RequestDocument document;
        document.style = RequestStyle::GraphQL;
        document.graphql.document = QStringLiteral("query Q($userId: ID!) { user(id: $userId) { name } }");
        document.graphql.variables = QStringLiteral("{\n  \"userId\": {{userId}}\n}\n");
        pane.loadDocument(document);
        QVERIFY(pane.sendButton()->isEnabled());
        pane.variablesEditor()->setPlainText(QStringLiteral("{ \"userId\": {{userId}} "));
        QVERIFY(!pane.sendButton()->isEnabled());
    }

    void undefinedVariableStopsTheSend_data() {
        QTest::addColumn<int>("style");
        QTest::newRow("REST") << int(RequestStyle::Rest);
        QTest::newRow("GraphQL") << int(RequestStyle::GraphQL);
        QTest::newRow("gRPC") << int(RequestStyle::Grpc);
    }
    void undefinedVariableStopsTheSend() {
        QFETCH(int, style);
        workspace::VariableResolver resolver;
        resolver.setEnvironment(
            {QStringLiteral("staging"), {{QStringLiteral("baseUrl"), m_server.state().httpBaseUrl(), false}}});
        RequestDocument document;
        document.style = RequestStyle(style);
        document.http.url = QStringLiteral("{{baseUrl}}/v1/users/{{userId}}");
        document.http.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer {{token}}"), true}};
        document.graphql.document = QStringLiteral("{ user(id: 42) { name } }");
        document.grpc.target = QStringLiteral("{{grpcTarget}}");
        document.grpc.method = QStringLiteral("orders.v1.OrderService/GetUser");
        document.grpc.message = QStringLiteral("{\"user_id\": {{userId}}}");
        auto pane = paneFor(document.style);
        pane->setVariableResolver(&resolver);
        pane->loadDocument(document);
        QSignalSpy completed(pane.get(), &ui::ComposerPane::callCompleted);
        pane->send();
        QVERIFY(!pane->isBusy());
        const QString problem = pane->responseView()->errorText();
        const QString expected = document.style == RequestStyle::Grpc
                                     ? QStringLiteral("Undefined variables {{grpcTarget}}, {{userId}} in environment "
                                                      "“staging”")
                                     : QStringLiteral("Undefined variables {{userId}}, {{token}} in environment "
                                                      "“staging”");
        QVERIFY2(problem.startsWith(expected), qPrintable(problem));
        QCOMPARE(completed.size(), 0); // nothing went out: send() refused before calling
    }

    void resolvedRequestIsSent_data() {
        QTest::addColumn<int>("style");
        QTest::addColumn<QString>("answer");
        QTest::newRow("REST") << int(RequestStyle::Rest) << QStringLiteral("\"avatar_url\"");
        QTest::newRow("GraphQL") << int(RequestStyle::GraphQL) << QStringLiteral("\"avatarUrl\"");
        QTest::newRow("gRPC") << int(RequestStyle::Grpc) << QStringLiteral("\"avatar_url\"");
    }
    void resolvedRequestIsSent() {
        QFETCH(int, style);
        QFETCH(QString, answer);
        workspace::VariableResolver resolver;
        const auto &state = m_server.state();
        resolver.setEnvironment(
            {QStringLiteral("Embedded server"),
             workspace::embeddedserver::variables(QStringLiteral("127.0.0.1"), state.httpPort, state.grpcPort,
                                                  QStringLiteral("demo-token"), QStringLiteral("demo-key"))});
        resolver.setWorkspaceVariables({{QStringLiteral("userId"), QStringLiteral("42"), false}});
        RequestDocument document;
        document.style = RequestStyle(style);
        document.http.url = document.style == RequestStyle::Rest ? QStringLiteral("{{baseUrl}}/v1/users/{{userId}}")
                                                                 : QStringLiteral("{{baseUrl}}/graphql");
        document.graphql.document = QStringLiteral("query Q($id: ID!) { user(id: $id) { name avatarUrl } }");
        document.graphql.variables = QStringLiteral("{\"id\": {{userId}}}");
        document.grpc.target = QStringLiteral("{{grpcTarget}}");
        document.grpc.method = QStringLiteral("orders.v1.OrderService/GetUser");
        document.grpc.message = QStringLiteral("{\"user_id\": {{userId}}}");
        auto pane = paneFor(document.style);
        pane->setVariableResolver(&resolver);
        pane->loadDocument(document);
        QSignalSpy completed(pane.get(), &ui::ComposerPane::callCompleted);
        pane->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 15000);
        const auto record = completed.first().first().value<client::CallRecord>();
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QVERIFY2(record.body.contains(answer.toUtf8()), record.body.constData());
        // What was sent is the resolved text; the editors keep the variables.
        QVERIFY(!record.url.contains(QStringLiteral("{{")));
        QCOMPARE(pane->toDocument(), document);
    }

private:
    TestServer m_server;
};

QTEST_MAIN(TestPaneDocument)
#include "test_panedocument.moc"
