#include "app/model/methodtreemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace triptych;

class TestMethodTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsServicesAndMethods() {
        model::MethodTreeModel tree;
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tree.setServices({{"orders.v1.OrderService",
                           {{"GetUser", "orders.v1.OrderService/GetUser", false, false},
                            {"TrackOrders", "orders.v1.OrderService/TrackOrders", true, true}}},
                          {"grpc.health.v1.Health", {{"Check", "grpc.health.v1.Health/Check", false, false}}}});
        QCOMPARE(tree.rowCount(), 2);
        const auto service = tree.index(0, 0);
        QCOMPARE(tree.rowCount(service), 2);
        QCOMPARE(tree.index(1, 0, service).data().toString(), QStringLiteral("TrackOrders  (bidi stream)"));
        const auto found = tree.findMethod(QStringLiteral("grpc.health.v1.Health/Check"));
        QVERIFY(found.isValid());
        QCOMPARE(found.parent().row(), 1);
        QVERIFY(!tree.findMethod(QStringLiteral("nope/Nope")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestMethodTreeModel)
#include "test_methodtreemodel.moc"
