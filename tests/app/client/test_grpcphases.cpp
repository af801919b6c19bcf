// The phases of a gRPC call from its callbacks' moments (grpcphases.h): gRPC may run the write's completion after the
// answer was read; the send phase then ends at the hand-over, and never after the answer's arrival; phases follow one
// another, are never negative and add up to the total. Then real calls through GrpcCaller, whose phases do the same.
#include "app/client/grpccaller.h"
#include "app/client/grpcphases.h"
#include "tests/app/client/testserver.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace triptych;
using namespace triptych::client;

namespace {

constexpr int kWaitMs = 10'000;
constexpr qint64 kNone = -1; // a moment the call never saw

std::optional<qint64> moment(qint64 us) {
    return us == kNone ? std::nullopt : std::optional<qint64>(us);
}

qint64 value(const std::optional<qint64> &phase) {
    return phase.value_or(kNone);
}

qint64 sum(const ClientTimings &t) {
    return t.connectUs.value_or(0) + t.tlsUs.value_or(0) + t.sentUs.value_or(0) + t.firstByteUs.value_or(0) +
           t.downloadUs.value_or(0);
}

} // namespace

class TestGrpcPhases : public QObject {
    Q_OBJECT
    std::unique_ptr<OrderServer> m_server;
    GrpcSchemaPtr m_schema;

private Q_SLOTS:
    void initTestCase() {
        m_server = testing::startTestServer();
        QVERIFY(m_server);
        QString error;
        m_schema = GrpcSchema::fromProtoFiles({QStringLiteral(TRIPTYCH_PROTO_DIR "/orders/v1/orders.proto")},
                                              {QStringLiteral(TRIPTYCH_PROTO_DIR)}, &error);
        QVERIFY2(m_schema, qPrintable(error));
    }
    void cleanupTestCase() { m_server.reset(); }

    void phasesFromMoments_data() {
        QTest::addColumn<qint64>("connected");
        QTest::addColumn<qint64>("handedOver");
        QTest::addColumn<qint64>("writeDone");
        QTest::addColumn<qint64>("headers");
        QTest::addColumn<qint64>("firstMessage");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("connect");
        QTest::addColumn<qint64>("sent");
        QTest::addColumn<qint64>("wait");
        QTest::addColumn<qint64>("receive");
        // moments (µs since the start)                           →  phases
        QTest::addRow("in order") << kNone << 20LL << 40LL << 900LL << 950LL << 1000LL //
                                  << kNone << 40LL << 910LL << 50LL;
        QTest::addRow("in order, channel set up first") << 300LL << 320LL << 340LL << 900LL << 950LL << 1000LL //
                                                        << 300LL << 40LL << 610LL << 50LL;
        // The case seen under load: the write's completion ran 2 ms late, after the answer had been read.
        QTest::addRow("write done after the answer") << kNone << 60LL << 2000LL << 1100LL << 1150LL << 2100LL //
                                                     << kNone << 60LL << 1090LL << 950LL;
        QTest::addRow("write done after the answer, hand-over unknown")
            << kNone << kNone << 2000LL << 1100LL << 1150LL << 2100LL //
            << kNone << 1100LL << 50LL << 950LL;
        QTest::addRow("write done after the message, before the headers' callback")
            << kNone << 60LL << 1200LL << 1300LL << 1150LL << 1400LL //
            << kNone << 60LL << 1090LL << 250LL;
        QTest::addRow("message's callback before the headers'")
            << kNone << 20LL << 30LL << 1300LL << 1150LL << 1400LL << kNone << 30LL << 1120LL << 250LL;
        QTest::addRow("answer without a message (an error status)")
            << kNone << 20LL << 30LL << 500LL << kNone << 520LL //
            << kNone << 30LL << 470LL << 20LL;
        QTest::addRow("write done after the end") << kNone << 20LL << 700LL << kNone << kNone << 600LL //
                                                  << kNone << 600LL << kNone << kNone;
        QTest::addRow("write never done (the call failed)") << kNone << 20LL << kNone << kNone << kNone << 800LL //
                                                            << kNone << kNone << kNone << kNone;
        QTest::addRow("never written, yet answered") << kNone << 20LL << kNone << 200LL << 250LL << 300LL //
                                                     << kNone << kNone << 250LL << 50LL;
        QTest::addRow("write done before the channel's moment")
            << 500LL << 440LL << 450LL << 900LL << 950LL << 1000LL //
            << 500LL << 0LL << 450LL << 50LL;
        QTest::addRow("late write, hand-over after the answer too")
            << kNone << 1500LL << 2000LL << 1100LL << 1150LL << 2100LL //
            << kNone << 1100LL << 50LL << 950LL;
    }
    void phasesFromMoments() {
        QFETCH(qint64, connected);
        QFETCH(qint64, handedOver);
        QFETCH(qint64, writeDone);
        QFETCH(qint64, headers);
        QFETCH(qint64, firstMessage);
        QFETCH(qint64, total);
        ClientTimings timings;
        timings.dnsUs = 7; // left over from nowhere: the function sets every phase itself
        setGrpcPhases(
            {moment(connected), moment(handedOver), moment(writeDone), moment(headers), moment(firstMessage), total},
            timings);
        QTEST(value(timings.connectUs), "connect");
        QTEST(value(timings.sentUs), "sent");
        QTEST(value(timings.firstByteUs), "wait");
        QTEST(value(timings.downloadUs), "receive");
        QVERIFY(!timings.dnsUs);
        QCOMPARE(timings.totalUs, total);
        if (timings.firstByteUs)
            QCOMPARE(sum(timings), total);
        const std::optional<qint64> answer = headers == kNone        ? moment(firstMessage)
                                             : firstMessage == kNone ? moment(headers)
                                                                     : std::min(headers, firstMessage);
        if (answer && timings.sentUs)
            QVERIFY(timings.connectUs.value_or(0) + *timings.sentUs <= *answer);
    }

    // Real calls: every phase there, none negative, together the total; the wait ends with the first message.
    void realCallsAddUp_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("unary GetUser") << QStringLiteral("GetUser") << QByteArray(R"({"user_id": 42})");
        QTest::addRow("server stream") << QStringLiteral("StreamOrders") << QByteArray(R"({"user_id": 42})");
    }
    void realCallsAddUp() {
        QFETCH(QString, method);
        QFETCH(QByteArray, json);
        GrpcCaller caller;
        QSignalSpy finished(&caller, &GrpcCaller::callFinished);
        GrpcRequest request;
        request.target = testing::grpcTarget(*m_server);
        request.method = QStringLiteral("orders.v1.OrderService/") + method;
        request.messages.append(json);
        request.deadlineMs = 5'000;
        request.sendTraceparent = false;
        for (int round = 0; round < 2; ++round) { // the first sets the channel up, the second reuses it
            caller.call(m_schema, request);
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), round + 1, kWaitMs);
            const auto record = finished.last().at(0).value<CallRecord>();
            QCOMPARE(record.grpcCode, 0);
            const ClientTimings &t = record.timings;
            QVERIFY(t.sentUs && t.firstByteUs && t.downloadUs);
            for (const auto &phase : {t.connectUs, t.sentUs, t.firstByteUs, t.downloadUs})
                QVERIFY(phase.value_or(0) >= 0);
            QCOMPARE(sum(t), t.totalUs);
            const auto first = std::find_if(record.messages.cbegin(), record.messages.cend(),
                                            [](const StreamMessage &message) { return !message.outgoing; });
            QVERIFY(first != record.messages.cend());
            QCOMPARE(t.connectUs.value_or(0) + *t.sentUs + *t.firstByteUs, first->offsetUs);
        }
    }
};

QTEST_GUILESS_MAIN(TestGrpcPhases)
#include "test_grpcphases.moc"
