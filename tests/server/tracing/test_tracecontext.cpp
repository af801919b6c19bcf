// W3C Trace Context, level 1: which traceparent values continue a trace and which start a new one.
#include "server/tracing/tracecontext.h"

#include <QtTest>

using namespace triptych::tracing;

class TestTraceContext : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<QString>("header");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("traceId");
        QTest::addColumn<int>("flags");
        const QString id = "4bf92f3577b34da6a3ce929d0e0e4736";
        QTest::newRow("§3.2 example, sampled")
            << "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" << true << id << 1;
        QTest::newRow("not sampled") << "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00" << true << id << 0;
        QTest::newRow("future version with more fields")
            << "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-holds" << true << id << 1;
        QTest::newRow("version ff is invalid")
            << "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" << false << "" << 0;
        QTest::newRow("version 00 with extra data")
            << "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x" << false << "" << 0;
        QTest::newRow("upper-case hex") << "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01" << false << ""
                                        << 0;
        QTest::newRow("all-zero trace id")
            << "00-00000000000000000000000000000000-00f067aa0ba902b7-01" << false << "" << 0;
        QTest::newRow("all-zero parent id")
            << "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01" << false << "" << 0;
        QTest::newRow("short trace id") << "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01" << false << "" << 0;
        QTest::newRow("not hex") << "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01" << false << "" << 0;
        QTest::newRow("wrong separators")
            << "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01" << false << "" << 0;
        QTest::newRow("empty") << "" << false << "" << 0;
    }
    void parse() {
        QFETCH(QString, header);
        QFETCH(bool, valid);
        QFETCH(QString, traceId);
        QFETCH(int, flags);
        const auto context = parseTraceparent(header.toStdString());
        QCOMPARE(context.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(QString::fromStdString(toHex(context->traceId)), traceId);
        QCOMPARE(int(context->flags), flags);
    }

    void formatRoundTrips() {
        const auto traceId = newTraceId();
        const auto spanId = newSpanId();
        const auto text = formatTraceparent(traceId, spanId, 1);
        QCOMPARE(text.size(), size_t(55));
        const auto parsed = parseTraceparent(text);
        QVERIFY(parsed);
        QVERIFY(parsed->traceId == traceId);
        QVERIFY(parsed->spanId == spanId);
    }

    void newIdsAreNonZeroAndDistinct() {
        const auto a = newTraceId();
        const auto b = newTraceId();
        QVERIFY(!isZero(a));
        QVERIFY(a != b);
        QVERIFY(!isZero(newSpanId()));
    }
};

QTEST_GUILESS_MAIN(TestTraceContext)
#include "test_tracecontext.moc"
