// The GraphQL pane's options that the CLI had first: automatic persisted queries against the embedded server (the
// miss and the retry both shown), and the two WebSocket subprotocols. The embedded server speaks only
// graphql-transport-ws (docs/graphql-api.md), so the legacy subscriptions-transport-ws runs against a small
// in-test server.
#include "app/client/callrecord.h"
#include "app/ui/graphqloptionseditor.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/responseview.h"
#include "app/workspace/documentformat.h"
#include "tests/support/legacywspeer.h"
#include "testserver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace triptych;

namespace {
constexpr int kWaitMs = 15'000;

client::CallRecord sendAndWait(ui::GraphQLPane &pane) {
    QSignalSpy completed(&pane, &ui::ComposerPane::callCompleted);
    pane.send();
    if (!QTest::qWaitFor([&] { return completed.size() == 1; }, kWaitMs))
        return {};
    return completed.first().at(0).value<client::CallRecord>();
}

QLineEdit *urlEdit(ui::GraphQLPane &pane) {
    for (auto *edit : pane.findChildren<QLineEdit *>())
        if (edit->accessibleName() == QStringLiteral("GraphQL URL"))
            return edit;
    return nullptr;
}
} // namespace

class TestGraphQLPaneTransport : public QObject {
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<ui::GraphQLPane> m_pane;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init() {
        m_pane = std::make_unique<ui::GraphQLPane>();
        m_pane->setServer(m_server.state());
    }
    void cleanup() { m_pane.reset(); }

    void persistedQueryShowsTheMissAndTheRetry() {
        m_pane->optionsEditor()->persistedQueryCheck()->setChecked(true);
        // A query the server cannot have seen: the alias is new on every run.
        const QString alias = QStringLiteral("u%1").arg(QDateTime::currentMSecsSinceEpoch());
        m_pane->queryEditor()->setPlainText(QStringLiteral("{ %1: user(id: 42) { name } }").arg(alias));
        const client::CallRecord first = sendAndWait(*m_pane);
        QVERIFY2(first.ok(), qPrintable(first.error.text()));
        QVERIFY(first.body.contains(alias.toUtf8()));
        QCOMPARE(first.method, QStringLiteral("POST")); // the retry carries the query
        QCOMPARE(first.messages.size(), 4);
        QCOMPARE(first.messages.at(0).event, QStringLiteral("GET hash only")); // a hashed query goes by GET
        QVERIFY(first.messages.at(0).body.contains("sha256Hash"));
        QVERIFY(!first.messages.at(0).body.contains(alias.toUtf8()));
        QCOMPARE(first.messages.at(1).event, QStringLiteral("PersistedQueryNotFound"));
        QVERIFY(first.messages.at(1).body.contains("PERSISTED_QUERY_NOT_FOUND"));
        QCOMPARE(first.messages.at(2).event, QStringLiteral("POST with the query"));
        QVERIFY(first.messages.at(2).body.contains(alias.toUtf8()));
        for (const auto &message : first.messages)
            QVERIFY(message.size > 0);
        QCOMPARE(first.messages.at(1).size, qint64(first.messages.at(1).body.size()));
        QVERIFY(first.messages.at(2).offsetUs >= first.messages.at(1).offsetUs);
        QCOMPARE(m_pane->responseView()->messageCount(), 4); // the view lists both rounds
        QStringList rounds;
        for (const auto &span : first.spans)
            if (span.name.startsWith(QStringLiteral("APQ round")))
                rounds << span.name;
        QCOMPARE(rounds.size(), 2);

        // The server knows the hash now: one GET round, no retry.
        const client::CallRecord second = sendAndWait(*m_pane);
        QVERIFY2(second.ok(), qPrintable(second.error.text()));
        QCOMPARE(second.method, QStringLiteral("GET"));
        QVERIFY(second.messages.isEmpty());
        QVERIFY(second.body.contains(alias.toUtf8()));
    }

    void persistedMutationStaysPost() {
        m_pane->optionsEditor()->persistedQueryCheck()->setChecked(true);
        m_pane->queryEditor()->setPlainText(
            QStringLiteral("mutation M%1 { cancelOrder(id: \"0\") { id } }").arg(QDateTime::currentMSecsSinceEpoch()));
        const client::CallRecord record = sendAndWait(*m_pane);
        QVERIFY(record.transportOk());
        QCOMPARE(record.messages.size(), 4);
        QCOMPARE(record.messages.at(0).event, QStringLiteral("POST hash only"));
    }

    void transportWsSubscriptionAgainstTheServer() {
        m_pane->optionsEditor()->transportBox()->setCurrentIndex(int(workspace::GraphQLTransport::TransportWs));
        // A subscription to a user that does not exist ends at once with the server's error, over the chosen protocol.
        m_pane->queryEditor()->setPlainText(
            QStringLiteral("subscription { orderUpdates(userId: 999999) { order { id } } }"));
        const client::CallRecord record = sendAndWait(*m_pane);
        QVERIFY(record.kind == client::CallKind::GraphQLWebSocket);
        QCOMPARE(record.subprotocol, QStringLiteral("graphql-transport-ws"));
        QVERIFY2(record.body.contains("NOT_FOUND"), record.body.constData());
    }

    void legacySubscriptionFromTheOptions() {
        testing::LegacyPeer peer;
        QVERIFY(peer.listen());
        urlEdit(*m_pane)->setText(QStringLiteral("http://127.0.0.1:%1/graphql").arg(QUrl(peer.url()).port()));
        m_pane->optionsEditor()->transportBox()->setCurrentIndex(
            int(workspace::GraphQLTransport::SubscriptionsTransportWs));
        workspace::RequestDocument document = m_pane->toDocument();
        document.http.auth.kind = workspace::AuthKind::Bearer;
        document.http.auth.token = QStringLiteral("demo-token");
        m_pane->loadDocument(document);
        m_pane->queryEditor()->setPlainText(QStringLiteral("subscription { tick }"));
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->responseView()->statusText().contains(QStringLiteral("2 event")), kWaitMs);
        m_pane->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, kWaitMs);
        const auto record = completed.first().at(0).value<client::CallRecord>();
        QCOMPARE(record.subprotocol, QStringLiteral("graphql-ws"));
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QTRY_COMPARE_WITH_TIMEOUT(peer.received,
                                  QStringList({QStringLiteral("connection_init"), QStringLiteral("start"),
                                               QStringLiteral("stop"), QStringLiteral("connection_terminate")}),
                                  kWaitMs);

        // The choice is saved with the request and comes back from the file.
        const workspace::RequestDocument saved = m_pane->toDocument();
        QCOMPARE(saved.graphql.transport, workspace::GraphQLTransport::SubscriptionsTransportWs);
        const auto read = workspace::readRequest(workspace::writeRequest(saved), workspace::RequestStyle::GraphQL,
                                                 QStringLiteral("t"), QStringLiteral("t.graphql.yaml"));
        QVERIFY(read.ok());
        ui::GraphQLPane reopened;
        reopened.loadDocument(read.document);
        QCOMPARE(reopened.optionsEditor()->transportBox()->currentIndex(),
                 int(workspace::GraphQLTransport::SubscriptionsTransportWs));
    }

    void legacyProtocolRefusedByTheEmbeddedServer() {
        m_pane->optionsEditor()->transportBox()->setCurrentIndex(
            int(workspace::GraphQLTransport::SubscriptionsTransportWs));
        m_pane->queryEditor()->setPlainText(
            QStringLiteral("subscription { orderUpdates(userId: 7) { order { id } } }"));
        const client::CallRecord record = sendAndWait(*m_pane);
        QVERIFY(!record.ok());
        QVERIFY(!m_pane->responseView()->errorText().isEmpty());
    }
};

QTEST_MAIN(TestGraphQLPaneTransport)
#include "test_graphqlpanetransport.moc"
