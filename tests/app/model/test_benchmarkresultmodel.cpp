#include "app/model/benchmarkresultmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace triptych::model;

class TestBenchmarkResultModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsOneRowPerStyle_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("restText");
        QTest::addColumn<QString>("grpcText");
        QTest::newRow("style") << int(BenchmarkResultModel::Style) << "REST" << "gRPC";
        QTest::newRow("requests") << int(BenchmarkResultModel::Requests) << "3" << "2";
        QTest::newRow("errors") << int(BenchmarkResultModel::Errors) << "1" << "2";
        QTest::newRow("p50") << int(BenchmarkResultModel::P50) << "1.0 ms" << "—";
        QTest::newRow("p99") << int(BenchmarkResultModel::P99) << "3.0 ms" << "—";
        QTest::newRow("mean") << int(BenchmarkResultModel::Mean) << "2.0 ms" << "—";
        QTest::newRow("throughput") << int(BenchmarkResultModel::Throughput) << "4.0 req/s" << "0.0 req/s";
    }
    void showsOneRowPerStyle() {
        QFETCH(int, column);
        QFETCH(QString, restText);
        QFETCH(QString, grpcText);
        BenchmarkResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        BenchmarkResult rest{QStringLiteral("REST"), QStringLiteral("GET /x"), {}, QStringLiteral("refused")};
        rest.stats.add(1000, true);
        rest.stats.add(3000, true);
        rest.stats.add(0, false);
        rest.stats.setWallTimeUs(500'000);
        BenchmarkResult grpc{QStringLiteral("gRPC"), QStringLiteral("GetUser"), {}, {}};
        grpc.stats.add(0, false);
        grpc.stats.add(0, false);
        model.setResults({rest, grpc});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, column).data().toString(), restText);
        QCOMPARE(model.index(1, column).data().toString(), grpcText);
        QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("GET /x\nrefused"));
    }
};

QTEST_GUILESS_MAIN(TestBenchmarkResultModel)
#include "test_benchmarkresultmodel.moc"
