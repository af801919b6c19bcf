#include "app/model/historymodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace triptych;

class TestHistoryModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendsAndFormatsRows() {
        model::HistoryModel history;
        QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        client::CallRecord rest;
        rest.kind = client::CallKind::Rest;
        rest.method = QStringLiteral("GET");
        rest.url = QStringLiteral("http://127.0.0.1:8080/v1/users/42");
        rest.httpStatus = 200;
        rest.timings.totalUs = 3140;
        history.append(rest);
        client::CallRecord grpc;
        grpc.kind = client::CallKind::Grpc;
        grpc.method = QStringLiteral("/orders.v1.OrderService/GetUser");
        grpc.grpcCode = 5;
        grpc.error.kind = client::ErrorKind::GrpcStatus;
        grpc.timings.totalUs = 42'000;
        history.append(grpc);
        client::CallRecord refused;
        refused.error.kind = client::ErrorKind::Refused;
        history.append(refused);

        QCOMPARE(history.rowCount(), 3);
        QCOMPARE(history.index(0, model::HistoryModel::Style).data().toString(), QStringLiteral("REST"));
        QCOMPARE(history.index(0, model::HistoryModel::Status).data().toString(), QStringLiteral("200"));
        QCOMPARE(history.index(0, model::HistoryModel::Time).data().toString(), QStringLiteral("3.1 ms"));
        QCOMPARE(history.index(1, model::HistoryModel::Status).data().toString(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(history.index(1, model::HistoryModel::Time).data().toString(), QStringLiteral("42 ms"));
        QCOMPARE(history.index(2, model::HistoryModel::Status).data().toString(), QStringLiteral("refused"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "test_historymodel.moc"
