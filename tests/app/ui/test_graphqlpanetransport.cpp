// The GraphQL pane's options that the CLI had first: automatic persisted queries against the embedded server (the
// miss and the retry both shown).
#include "app/client/callrecord.h"
#include "app/ui/graphqloptionseditor.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/responseview.h"
#include "testserver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

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
};

QTEST_MAIN(TestGraphQLPaneTransport)
#include "test_graphqlpanetransport.moc"
