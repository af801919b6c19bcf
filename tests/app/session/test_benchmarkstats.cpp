#include "app/session/benchmarkstats.h"

#include <QTest>

using namespace triptych::session;

namespace {
BenchmarkStats statsOf(const QList<qint64> &latencies, int errors = 0) {
    BenchmarkStats stats;
    for (const qint64 latency : latencies)
        stats.add(latency, true);
    for (int i = 0; i < errors; ++i)
        stats.add(999'999, false);
    return stats;
}

QList<qint64> oneToHundred() {
    QList<qint64> values;
    for (qint64 i = 100; i >= 1; --i)
        values.append(i);
    return values;
}
} // namespace

class TestBenchmarkStats : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void percentiles_data() {
        QTest::addColumn<QList<qint64>>("latencies");
        QTest::addColumn<double>("p");
        QTest::addColumn<qint64>("expected");
        // Nearest rank: the smallest value with at least p% of the samples at or below it.
        QTest::newRow("empty") << QList<qint64>{} << 50.0 << qint64(0);
        QTest::newRow("one sample, p50") << QList<qint64>{7} << 50.0 << qint64(7);
        QTest::newRow("one sample, p99") << QList<qint64>{7} << 99.0 << qint64(7);
        QTest::newRow("1..100 p50") << oneToHundred() << 50.0 << qint64(50);
        QTest::newRow("1..100 p90") << oneToHundred() << 90.0 << qint64(90);
        QTest::newRow("1..100 p99") << oneToHundred() << 99.0 << qint64(99);
        QTest::newRow("1..100 p0 is the minimum") << oneToHundred() << 0.0 << qint64(1);
        QTest::newRow("1..100 p100 is the maximum") << oneToHundred() << 100.0 << qint64(100);
        QTest::newRow("four samples p50") << QList<qint64>{40, 10, 30, 20} << 50.0 << qint64(20);
        QTest::newRow("four samples p90") << QList<qint64>{40, 10, 30, 20} << 90.0 << qint64(40);
        QTest::newRow("ten samples p99 is the tail")
            << QList<qint64>{1, 1, 1, 1, 1, 1, 1, 1, 1, 500} << 99.0 << qint64(500);
        QTest::newRow("p above 100 clamps") << QList<qint64>{3, 9} << 150.0 << qint64(9);
    }
    void percentiles() {
        QFETCH(QList<qint64>, latencies);
        QFETCH(double, p);
        QFETCH(qint64, expected);
        QCOMPARE(statsOf(latencies).percentileUs(p), expected);
    }

    void errorsStayOutOfLatencies() {
        const auto stats = statsOf({10, 20, 30}, 2);
        QCOMPARE(stats.requestCount(), 5);
        QCOMPARE(stats.successCount(), 3);
        QCOMPARE(stats.errorCount(), 2);
        QCOMPARE(stats.maxUs(), qint64(30));
        QCOMPARE(stats.meanUs(), qint64(20));
    }

    void addingAfterAPercentileResorts() {
        auto stats = statsOf({5, 1});
        QCOMPARE(stats.maxUs(), qint64(5));
        stats.add(9, true);
        QCOMPARE(stats.maxUs(), qint64(9));
        QCOMPARE(stats.latenciesUs(), (QList<qint64>{5, 1, 9}));
    }

    void throughput_data() {
        QTest::addColumn<int>("successes");
        QTest::addColumn<int>("errors");
        QTest::addColumn<qint64>("wallUs");
        QTest::addColumn<double>("expected");
        QTest::newRow("1000 in one second") << 1000 << 0 << qint64(1'000'000) << 1000.0;
        QTest::newRow("50 in 250 ms") << 50 << 0 << qint64(250'000) << 200.0;
        QTest::newRow("errors do not count") << 10 << 90 << qint64(1'000'000) << 10.0;
        QTest::newRow("no wall time yet") << 10 << 0 << qint64(0) << 0.0;
    }
    void throughput() {
        QFETCH(int, successes);
        QFETCH(int, errors);
        QFETCH(qint64, wallUs);
        QFETCH(double, expected);
        BenchmarkStats stats = statsOf(QList<qint64>(successes, 100), errors);
        stats.setWallTimeUs(wallUs);
        QCOMPARE(stats.throughputPerSecond(), expected);
    }

    void bins_data() {
        QTest::addColumn<QList<qint64>>("first");
        QTest::addColumn<QList<qint64>>("second");
        QTest::addColumn<int>("binCount");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("width");
        QTest::addColumn<QList<int>>("firstCounts");
        QTest::addColumn<QList<int>>("secondCounts");
        QTest::newRow("two runs share one axis")
            << QList<qint64>{100, 150, 199} << QList<qint64>{300, 499} << 4 << qint64(100) << qint64(100)
            << QList<int>{3, 0, 0, 0} << QList<int>{0, 0, 1, 1};
        QTest::newRow("width rounds up so the maximum fits") << QList<qint64>{0, 9} << QList<qint64>{} << 3 << qint64(0)
                                                             << qint64(4) << QList<int>{1, 0, 1} << QList<int>{0, 0, 0};
        QTest::newRow("equal latencies get width one")
            << QList<qint64>{42, 42} << QList<qint64>{42} << 5 << qint64(42) << qint64(1) << QList<int>{2, 0, 0, 0, 0}
            << QList<int>{1, 0, 0, 0, 0};
        QTest::newRow("no successes: no bins")
            << QList<qint64>{} << QList<qint64>{} << 5 << qint64(0) << qint64(1) << QList<int>{} << QList<int>{};
    }
    void bins() {
        QFETCH(QList<qint64>, first);
        QFETCH(QList<qint64>, second);
        QFETCH(int, binCount);
        QFETCH(qint64, start);
        QFETCH(qint64, width);
        QFETCH(QList<int>, firstCounts);
        QFETCH(QList<int>, secondCounts);
        const auto a = statsOf(first);
        const auto b = statsOf(second);
        const auto bins = BenchmarkStats::commonBins({&a, &b}, binCount);
        QCOMPARE(bins.startUs, start);
        QCOMPARE(bins.widthUs, width);
        QCOMPARE(a.histogram(bins), firstCounts);
        QCOMPARE(b.histogram(bins), secondCounts);
    }

    void csvHasSummaryAndSamples() {
        BenchmarkResult rest{QStringLiteral("REST"), QStringLiteral("GET http://x/\"q\""), statsOf({1000, 3000}, 1),
                             QStringLiteral("refused")};
        rest.stats.setWallTimeUs(2'000'000);
        const QList<QByteArray> lines = benchmarkCsv({rest}).split('\n');
        QCOMPARE(lines.at(0), QByteArray("style,target,requests,errors,p50_ms,p90_ms,p99_ms,mean_ms,min_ms,max_ms,"
                                         "throughput_rps,wall_ms"));
        QCOMPARE(lines.at(1), QByteArray("\"REST\",\"GET http://x/\"\"q\"\"\",3,1,1.000,3.000,3.000,2.000,1.000,3.000,"
                                         "1.0,2000.000"));
        QCOMPARE(lines.at(2), QByteArray());
        QCOMPARE(lines.at(3), QByteArray("style,sample,latency_us"));
        QCOMPARE(lines.at(4), QByteArray("\"REST\",1,1000"));
        QCOMPARE(lines.at(5), QByteArray("\"REST\",2,3000"));
    }
};

QTEST_GUILESS_MAIN(TestBenchmarkStats)
#include "test_benchmarkstats.moc"
