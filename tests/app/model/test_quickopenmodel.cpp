#include "app/model/quickopenmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace triptych;

class TestQuickOpenModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fuzzyScore_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("empty pattern") << ""
                                       << "anything" << true;
        QTest::newRow("prefix") << "crea"
                                << "Create an order" << true;
        QTest::newRow("initials") << "cao"
                                  << "Create an order" << true;
        QTest::newRow("any case") << "USER"
                                  << "A user's orders" << true;
        QTest::newRow("spaces ignored") << "user ord"
                                        << "A user's orders" << true;
        QTest::newRow("out of order") << "oc"
                                      << "Create" << false;
        QTest::newRow("missing letter") << "usx"
                                        << "A user's orders" << false;
    }
    void fuzzyScore() {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QCOMPARE(model::fuzzyScore(pattern, text) >= 0, matches);
    }

    void betterMatchesScoreHigher() {
        // Consecutive letters at a word start beat letters scattered through a name.
        QVERIFY(model::fuzzyScore(u"live", u"Live order updates") > model::fuzzyScore(u"live", u"Alive elsewhere"));
        QVERIFY(model::fuzzyScore(u"ord", u"orders") > model::fuzzyScore(u"ord", u"a lord"));
        QVERIFY(model::fuzzyScore(u"nao", u"Name and avatar only") > model::fuzzyScore(u"nao", u"nanometre"));
    }

    void ranksAndFilters() {
        model::QuickOpenModel list;
        QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setItems({{QStringLiteral("Writes/Create an order.rest.yaml"), QStringLiteral("Create an order"),
                        QStringLiteral("Writes"), workspace::RequestStyle::Rest},
                       {QStringLiteral("A user's orders/A user's orders.grpc.yaml"), QStringLiteral("A user's orders"),
                        QStringLiteral("A user's orders"), workspace::RequestStyle::Grpc},
                       {QStringLiteral("Live/Live order updates.graphql.yaml"), QStringLiteral("Live order updates"),
                        QStringLiteral("Live"), workspace::RequestStyle::GraphQL}});
        QCOMPARE(list.rowCount(), 3);
        list.setPattern(QStringLiteral("order"));
        QCOMPARE(list.rowCount(), 3);
        list.setPattern(QStringLiteral("live"));
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.pathAt(0), QStringLiteral("Live/Live order updates.graphql.yaml"));
        QCOMPARE(list.index(0).data().toString(), QStringLiteral("Live order updates  ·  GraphQL  ·  Live"));
        // The folder counts too, with less weight than the name.
        list.setPattern(QStringLiteral("writes"));
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.pathAt(0), QStringLiteral("Writes/Create an order.rest.yaml"));
        // Each word on its own, the style counting like the folder: in either order.
        list.setPattern(QStringLiteral("order grpc"));
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.pathAt(0), QStringLiteral("A user's orders/A user's orders.grpc.yaml"));
        list.setPattern(QStringLiteral("rest order"));
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.pathAt(0), QStringLiteral("Writes/Create an order.rest.yaml"));
        list.setPattern(QStringLiteral("zzz"));
        QCOMPARE(list.rowCount(), 0);
        QCOMPARE(list.pathAt(0), QString());
    }
};

QTEST_GUILESS_MAIN(TestQuickOpenModel)
#include "test_quickopenmodel.moc"
