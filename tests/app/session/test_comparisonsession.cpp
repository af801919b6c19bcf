#include "app/session/comparisonsession.h"
#include "app/session/questioncatalog.h"
#include "app/session/serverhost.h"
#include "app/session/stylesender.h"

#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using namespace triptych::session;
using client::CallKind;

namespace {
constexpr int kStartMs = 15'000;
constexpr int kComparisonMs = 60'000; // 51 REST requests and 50 gRPC calls, each with its trace fetched

CallKind styleOf(CallKind kind) {
    return kind == CallKind::GraphQLWebSocket ? CallKind::GraphQL : kind;
}

Question askAll(int index) {
    return QuestionCatalog::builtIn().askAll().at(index);
}
} // namespace

// "Ask all three" without any window: the session sends through ClientSenders, makes the N+1 follow-ups, restarts
// the embedded server for the DataLoader setting a question needs, and can be cancelled as a whole.
class TestComparisonSession : public QObject {
    Q_OBJECT
    std::unique_ptr<ServerHost> m_host;
    std::unique_ptr<ComparisonSession> m_session;
    QList<client::CallRecord> m_records;

    int recordsOf(CallKind style) const {
        return int(std::count_if(m_records.cbegin(), m_records.cend(),
                                 [style](const client::CallRecord &record) { return styleOf(record.kind) == style; }));
    }

private Q_SLOTS:
    void init() {
        m_host = std::make_unique<ServerHost>();
        m_session = std::make_unique<ComparisonSession>(m_host.get());
        m_records.clear();
        connect(m_session.get(), &ComparisonSession::callFinished, this,
                [this](const client::CallRecord &record) { m_records.append(record); });
        ServerSettings settings;
        settings.httpPort = 0;
        settings.grpcPort = 0;
        settings.users = 100;
        m_host->start(settings);
        QTRY_COMPARE_WITH_TIMEOUT(int(m_host->state().phase), int(ServerState::Phase::Running), kStartMs);
    }

    void cleanup() {
        m_session.reset();
        m_host.reset();
    }

    void asksAllThreeWithoutAWindow_data() {
        QTest::addColumn<int>("question");
        QTest::addColumn<int>("restCalls");
        QTest::addColumn<int>("grpcCalls");
        QTest::addColumn<bool>("restarts");
        QTest::newRow("a user's orders") << 0 << 1 << 1 << false;
        QTest::newRow("name and avatar only") << 1 << 1 << 1 << false;
        QTest::newRow("50 users, DataLoader on: a restart for the database latency") << 3 << 51 << 50 << true;
        QTest::newRow("50 users, DataLoader off: a restart first") << 4 << 51 << 50 << true;
    }
    void asksAllThreeWithoutAWindow() {
        QFETCH(int, question);
        QFETCH(int, restCalls);
        QFETCH(int, grpcCalls);
        QFETCH(bool, restarts);
        const Question asked = askAll(question);
        QSignalSpy started(m_session.get(), &ComparisonSession::comparisonStarted);
        QSignalSpy sent(m_session.get(), &ComparisonSession::sendAllFinished);
        QSignalSpy finished(m_session.get(), &ComparisonSession::comparisonFinished);
        QSignalSpy switched(m_session.get(), &ComparisonSession::serverSwitchStarted);
        QSignalSpy followUps(m_session.get(), &ComparisonSession::followUpFinished);

        m_session->ask(asked);
        QCOMPARE(m_session->isRunning(), true);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonMs);
        QVERIFY(!m_session->isRunning());
        QCOMPARE(started.size(), 1);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(switched.size(), restarts ? 1 : 0);
        if (restarts)
            QCOMPARE(switched.first().first().toString(), m_session->serverSwitch());
        QCOMPARE(m_host->state().settings.dataLoader, asked.dataLoader.value_or(true));
        QCOMPARE(m_host->state().settings.dbLatencyMs, asked.dbLatencyMs.value_or(0));

        QCOMPARE(recordsOf(CallKind::Rest), restCalls);
        QCOMPARE(recordsOf(CallKind::GraphQL), 1);
        QCOMPARE(recordsOf(CallKind::Grpc), grpcCalls);
        QCOMPARE(followUps.size(), restCalls - 1 + grpcCalls - 1);
        // Every call went to the server as it runs now (a restart takes other free ports), with its trace.
        const ServerState &state = m_host->state();
        for (const auto &record : std::as_const(m_records)) {
            QVERIFY2(record.ok(), qPrintable(record.error.text()));
            QVERIFY(record.serverSpanCount() > 0);
            QVERIFY2(record.url.startsWith(state.httpBaseUrl()) || record.url == state.grpcTarget(),
                     qPrintable(record.url));
        }
        const auto first = std::find_if(m_records.cbegin(), m_records.cend(),
                                        [](const client::CallRecord &record) { return record.kind == CallKind::Rest; });
        QCOMPARE(first->url, state.httpBaseUrl() + asked.rest->path);
    }

    void dataLoaderFollowsTheQuestion() {
        QSignalSpy finished(m_session.get(), &ComparisonSession::comparisonFinished);
        QSignalSpy switched(m_session.get(), &ComparisonSession::serverSwitchStarted);
        QList<ServerState::Phase> phases;
        connect(m_host.get(), &ServerHost::stateChanged, this,
                [&phases](const ServerState &state) { phases.append(state.phase); });
        m_session->ask(askAll(4));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonMs);
        QVERIFY(!m_host->state().settings.dataLoader);
        QCOMPARE(phases, (QList<ServerState::Phase>{ServerState::Phase::Starting, ServerState::Phase::Running}));
        m_session->ask(askAll(3));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kComparisonMs);
        QVERIFY(m_host->state().settings.dataLoader);
        QCOMPARE(switched.size(), 2);
        QVERIFY(switched.at(1).first().toString().contains(QStringLiteral("DataLoader on")));
        QCOMPARE(m_session->serverSwitch(), switched.at(1).first().toString());
        // A question that does not care keeps the server as it is.
        m_session->ask(askAll(0));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kComparisonMs);
        QCOMPARE(switched.size(), 2);
        QCOMPARE(phases.size(), 4);
        QVERIFY(m_session->serverSwitch().isEmpty());
    }

    void cancelStopsTheWholeComparison() {
        QSignalSpy followUps(m_session.get(), &ComparisonSession::followUpFinished);
        QSignalSpy cancelled(m_session.get(), &ComparisonSession::comparisonCancelled);
        QSignalSpy finished(m_session.get(), &ComparisonSession::comparisonFinished);
        m_session->ask(askAll(3));
        QTRY_VERIFY_WITH_TIMEOUT(followUps.size() >= 2, kComparisonMs);
        m_session->cancel();
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!m_session->isRunning());
        for (const auto style : {CallKind::Rest, CallKind::GraphQL, CallKind::Grpc})
            QVERIFY(!m_session->sender(style)->isBusy());
        m_session->cancel(); // nothing left to cancel
        QCOMPARE(cancelled.size(), 1);

        // The next question counts only its own calls: no follow-up of the cancelled one joins it.
        m_records.clear();
        QCOMPARE(finished.size(), 0);
        m_session->ask(askAll(0));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonMs);
        QCOMPARE(recordsOf(CallKind::Rest), 1);
        QCOMPARE(recordsOf(CallKind::GraphQL), 1);
        QCOMPARE(recordsOf(CallKind::Grpc), 1);
        QVERIFY(finished.size() == 1 && cancelled.size() == 1);
    }

    void cancelWhileTheServerRestarts() {
        QSignalSpy started(m_session.get(), &ComparisonSession::comparisonStarted);
        QSignalSpy cancelled(m_session.get(), &ComparisonSession::comparisonCancelled);
        m_session->ask(askAll(4)); // needs the DataLoader off: restarts first
        QVERIFY(m_session->isRunning());
        m_session->cancel();
        QCOMPARE(cancelled.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(int(m_host->state().phase), int(ServerState::Phase::Running), kStartMs);
        QCoreApplication::processEvents(); // the queued send after the restart, which must not come
        QCOMPARE(started.size(), 0);
        QVERIFY(m_records.isEmpty());
    }

    // The streams stay open, the session makes order events for them, and cancel() ends all three with what they had.
    void streamsStayOpenUntilCancelled() {
        QSignalSpy streams(m_session.get(), &ComparisonSession::streamStarted);
        QSignalSpy cancelled(m_session.get(), &ComparisonSession::comparisonCancelled);
        QSignalSpy writes(m_session.get(), &ComparisonSession::eventWriteFinished);
        QHash<CallKind, int> messages;
        connect(m_session.get(), &ComparisonSession::messagesReceived, this,
                [&messages](CallKind style, const QList<client::StreamMessage> &batch) {
                    for (const auto &message : batch)
                        messages[style] += message.outgoing || message.event == QLatin1String("connection_ack") ? 0 : 1;
                });
        m_session->ask(askAll(2));
        QCOMPARE(streams.size(), 3);
        // User 42's 1,000 orders arrive first on the SSE stream and on StreamOrders; then the events of the
        // session's own writes, in all three.
        QTRY_VERIFY_WITH_TIMEOUT(messages.value(CallKind::Rest) >= 1001, kComparisonMs);
        QTRY_VERIFY_WITH_TIMEOUT(messages.value(CallKind::Grpc) >= 1001, kComparisonMs);
        QTRY_VERIFY_WITH_TIMEOUT(messages.value(CallKind::GraphQL) >= 1, kComparisonMs);
        // The write's own answer may come after the event it caused has crossed the WebSocket.
        QTRY_VERIFY_WITH_TIMEOUT(!writes.isEmpty(), kComparisonMs);
        QCOMPARE(writes.first().first().value<client::CallRecord>().httpStatus, 201);
        QVERIFY(m_session->isRunning());
        QVERIFY(m_session->sender(CallKind::Rest)->isBusy());
        QVERIFY(m_records.isEmpty());
        m_session->cancel();
        QCOMPARE(cancelled.size(), 1);
        for (const auto style : {CallKind::Rest, CallKind::GraphQL, CallKind::Grpc})
            QVERIFY(!m_session->sender(style)->isBusy());
        // Each stream's record comes with its time and messages; SSE and StreamOrders as cancelled ones.
        QTRY_COMPARE_WITH_TIMEOUT(m_records.size(), 3, kComparisonMs);
        for (const auto &record : std::as_const(m_records)) {
            QVERIFY(record.timings.totalUs > 0);
            QVERIFY(!record.messages.isEmpty());
            if (record.kind != CallKind::GraphQLWebSocket)
                QCOMPARE(client::toString(record.error.kind), client::toString(client::ErrorKind::Cancelled));
        }
    }

    void oneStyleAtATime() {
        m_session->setOneStyleAtATime(true);
        QSignalSpy finished(m_session.get(), &ComparisonSession::comparisonFinished);
        QList<bool> nextBusy; // when a style's answer comes, is the next style already on its way?
        connect(m_session.get(), &ComparisonSession::callFinished, this, [this, &nextBusy](const auto &record) {
            if (styleOf(record.kind) == CallKind::Rest)
                nextBusy.append(m_session->sender(CallKind::GraphQL)->isBusy());
            if (styleOf(record.kind) == CallKind::GraphQL)
                nextBusy.append(m_session->sender(CallKind::Grpc)->isBusy());
        });
        m_session->ask(askAll(1));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonMs);
        QCOMPARE(m_records.size(), 3);
        QCOMPARE(int(styleOf(m_records.at(0).kind)), int(CallKind::Rest));
        QCOMPARE(int(styleOf(m_records.at(1).kind)), int(CallKind::GraphQL));
        QCOMPARE(int(styleOf(m_records.at(2).kind)), int(CallKind::Grpc));
        QCOMPARE(nextBusy, (QList<bool>{false, false}));
    }

    void ownCallsGetNoFollowUps() {
        QSignalSpy finished(m_session.get(), &ComparisonSession::comparisonFinished);
        QSignalSpy switched(m_session.get(), &ComparisonSession::serverSwitchStarted);
        m_session->applyQuestion(askAll(4));
        m_session->clearQuestion(); // the senders keep the calls, the session forgets the question
        m_session->sendAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonMs);
        QCOMPARE(switched.size(), 0);
        QCOMPARE(m_records.size(), 3);
        QCOMPARE(recordsOf(CallKind::Rest), 1);
    }
};

QTEST_GUILESS_MAIN(TestComparisonSession)
#include "test_comparisonsession.moc"
