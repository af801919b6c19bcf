#include "app/checks/check.h"

#include <QJsonDocument>
#include <QTest>

using namespace triptych::checks;

// The `checks:` list of a saved request: what each entry means, what is refused, and the way back to the file.
class TestCheck : public QObject {
    Q_OBJECT

    static QVariantList entries(const QByteArray &json) { return QJsonDocument::fromJson(json).toVariant().toList(); }

private Q_SLOTS:
    void parsesShortAndLongForms() {
        const CheckList list = parseChecks(entries(R"([{"status": 201}, {"timeMs": 500},
            {"status": {"lessThan": 400}}, {"header": "ETag"}, {"jsonPath": "$.id", "type": "number"},
            {"graphqlNoErrors": true}, {"capture": "orderId", "jsonPath": "$.id"}])"));
        QVERIFY2(list.errors.isEmpty(), qPrintable(list.errors.join(QLatin1Char('\n'))));
        QCOMPARE(list.checks.size(), 6);
        QCOMPARE(list.checks.at(0).subject, Subject::Status);
        QCOMPARE(list.checks.at(0).op, Operator::Equals);
        QCOMPARE(list.checks.at(1).op, Operator::LessThan);
        QCOMPARE(list.checks.at(2).op, Operator::LessThan);
        QCOMPARE(list.checks.at(2).expected.toInt(), 400);
        QCOMPARE(list.checks.at(3).op, Operator::Exists);
        QCOMPARE(list.checks.at(3).argument, QStringLiteral("ETag"));
        QCOMPARE(list.checks.at(4).op, Operator::Type);
        QCOMPARE(list.captures.size(), 1);
        QCOMPARE(list.captures.first().variable, QStringLiteral("orderId"));
    }

    void refuses_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not a mapping") << QByteArray("[201]") << "checks[0]: must be a mapping";
        QTest::newRow("no subject") << QByteArray(R"([{"equals": 1}])") << "checks[0]: names nothing to check";
        QTest::newRow("two subjects") << QByteArray(R"([{"status": 1, "timeMs": 2}])") << "more than one thing";
        QTest::newRow("two operators") << QByteArray(R"([{"header": "A", "equals": 1, "contains": 2}])")
                                       << "more than one operator";
        QTest::newRow("empty path") << QByteArray(R"([{"jsonPath": ""}])") << "jsonPath needs a value";
        QTest::newRow("list for matches")
            << QByteArray(R"([{"header": "A", "matches": [1]}])") << "matches needs a single value";
        QTest::newRow("capture without source") << QByteArray(R"([{"capture": "x"}])") << "needs exactly one of";
        QTest::newRow("capture without name")
            << QByteArray(R"([{"capture": "", "header": "A"}])") << "capture needs a variable name";
    }

    void refuses() {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const CheckList list = parseChecks(entries(json));
        QCOMPARE(list.errors.size(), 1);
        QVERIFY2(list.errors.first().contains(error), qPrintable(list.errors.first()));
        QVERIFY(list.checks.isEmpty());
    }

    void roundTrips() {
        const QVariantList original = entries(R"([{"status": 201}, {"timeMs": 500}, {"status": {"lessThan": 400}},
            {"header": "ETag"}, {"header": "A", "exists": false}, {"jsonPath": "$.id", "equals": 7},
            {"capture": "orderId", "jsonPath": "$.id"}])");
        const QVariantList written = toVariantList(parseChecks(original));
        QCOMPARE(QJsonDocument::fromVariant(written), QJsonDocument::fromVariant(original));
    }
};

QTEST_GUILESS_MAIN(TestCheck)
#include "test_check.moc"
