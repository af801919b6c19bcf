#include "app/model/keyvaluemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace triptych;

class TestKeyValueModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editableModelGrowsFromItsBlankRow() {
        model::KeyValueModel pairs({"Name", "Value"}, true);
        QAbstractItemModelTester tester(&pairs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(pairs.rowCount(), 1);
        QVERIFY(pairs.setData(pairs.index(0, 0), QStringLiteral("limit"), Qt::EditRole));
        QVERIFY(pairs.setData(pairs.index(0, 1), QStringLiteral("5"), Qt::EditRole));
        QCOMPARE(pairs.rowCount(), 2);
        QCOMPARE(pairs.pairs(), (model::KeyValueModel::Pairs{{"limit", "5"}}));
        QVERIFY(!pairs.setData(pairs.index(1, 0), QString(), Qt::EditRole));
    }

    void readOnlyModelShowsPairs() {
        model::KeyValueModel pairs({"Header", "Value"}, false);
        QAbstractItemModelTester tester(&pairs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        pairs.setPairs({{"content-type", "application/json"}, {"etag", "\"x\""}});
        QCOMPARE(pairs.rowCount(), 2);
        QCOMPARE(pairs.index(1, 0).data().toString(), QStringLiteral("etag"));
        QVERIFY(!(pairs.flags(pairs.index(0, 0)) & Qt::ItemIsEditable));
    }
};

QTEST_GUILESS_MAIN(TestKeyValueModel)
#include "test_keyvaluemodel.moc"
