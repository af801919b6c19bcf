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
        rest.id = 1;
        rest.kind = client::CallKind::Rest;
        rest.method = QStringLiteral("GET");
        rest.url = QStringLiteral("http://127.0.0.1:8080/v1/users/42");
        rest.httpStatus = 200;
        rest.timings.totalUs = 3140;
        history.append(rest);
        client::CallRecord grpc;
        grpc.id = 2;
        grpc.kind = client::CallKind::Grpc;
        grpc.method = QStringLiteral("/orders.v1.OrderService/GetUser");
        grpc.grpcCode = 5;
        grpc.error.kind = client::ErrorKind::GrpcStatus;
        grpc.timings.totalUs = 42'000;
        history.append(grpc);
        client::CallRecord refused;
        refused.id = 3;
        refused.error.kind = client::ErrorKind::Refused;
        history.append(refused);

        QCOMPARE(history.rowCount(), 3);
        QCOMPARE(history.index(0, model::HistoryModel::Style).data().toString(), QStringLiteral("REST"));
        QCOMPARE(history.index(0, model::HistoryModel::Status).data().toString(), QStringLiteral("200"));
        QCOMPARE(history.index(0, model::HistoryModel::Time).data().toString(), QStringLiteral("3.1 ms"));
        QCOMPARE(history.index(1, model::HistoryModel::Status).data().toString(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(history.index(1, model::HistoryModel::Time).data().toString(), QStringLiteral("42 ms"));
        QCOMPARE(history.index(2, model::HistoryModel::Status).data().toString(), QStringLiteral("refused"));
        history.append(rest); // the same call reported twice stays one row
        QCOMPARE(history.rowCount(), 3);
    }

    // A comparison is one expandable entry: its calls under it, then calls of their own at the top level again.
    void groupsAComparison() {
        model::HistoryModel history;
        QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto call = [](quint64 id, client::CallKind kind) {
            client::CallRecord record;
            record.id = id;
            record.kind = kind;
            record.httpStatus = 200;
            record.grpcCode = 0;
            return record;
        };
        history.append(call(1, client::CallKind::Rest));
        history.beginGroup(QStringLiteral("Ask all three: 50 users"), QStringLiteral("users-with-orders"));
        for (quint64 id = 2; id <= 52; ++id)
            history.appendToGroup(call(id, client::CallKind::Rest));
        history.appendToGroup(call(53, client::CallKind::GraphQL));
        history.appendToGroup(call(53, client::CallKind::GraphQL)); // the session and the pane report it both
        history.append(call(53, client::CallKind::GraphQL));
        history.append(call(54, client::CallKind::Grpc));

        QCOMPARE(history.rowCount(), 3);
        QCOMPARE(history.callCount(), 54);
        const QModelIndex group = history.index(1, 0);
        QVERIFY(group.data(model::HistoryModel::IsGroupRole).toBool());
        QCOMPARE(group.data(model::HistoryModel::GroupKeyRole).toString(), QStringLiteral("users-with-orders"));
        QCOMPARE(history.rowCount(group), 52);
        QCOMPARE(history.index(1, model::HistoryModel::Status).data().toString(), QStringLiteral("52 call(s)"));
        QVERIFY(!history.record(group));
        QCOMPARE(history.record(history.index(51, 0, group))->id, quint64(53));
        QCOMPARE(history.lastRecordOf(client::CallKind::GraphQL)->id, quint64(53));

        // Deleting rows above keeps the group's children where they are.
        history.remove(history.index(0, 0));
        QCOMPARE(history.rowCount(), 2);
        const QModelIndex moved = history.index(0, 0);
        QCOMPARE(history.rowCount(moved), 52);
        QCOMPARE(history.parent(history.index(3, 0, moved)), moved);
        history.remove(history.index(0, 0, moved));
        QCOMPARE(history.callCount(), 52);
        history.appendToGroup(call(60, client::CallKind::Grpc));
        QCOMPARE(history.rowCount(moved), 52);
        history.clear();
        QCOMPARE(history.rowCount(), 0);
        QCOMPARE(history.callCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "test_historymodel.moc"
