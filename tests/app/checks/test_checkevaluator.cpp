#include "tests/app/checks/checkfixtures.h"

#include "app/checks/checkevaluator.h"

#include <QJsonDocument>
#include <QTest>

using namespace triptych;
using namespace triptych::checks;
using testing::checkFixture;

// Every subject and operator on answers of each style, passing and failing, with the message a person reads
// (the rows are in checkfixtures.cpp).
class TestCheckEvaluator : public QObject {
    Q_OBJECT

    static CheckList parse(const QByteArray &entry) {
        return parseChecks({QJsonDocument::fromJson(entry).toVariant()});
    }

private Q_SLOTS:
    void evaluates_data() {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QByteArray>("entry");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QString>("message");
        for (const auto &row : testing::checkRows())
            QTest::newRow(row.name) << row.record << row.entry << row.passed << row.message;
    }

    void evaluates() {
        QFETCH(QString, record);
        QFETCH(QByteArray, entry);
        QFETCH(bool, passed);
        QFETCH(QString, message);
        const CheckList list = parse(entry);
        QVERIFY2(list.errors.isEmpty(), qPrintable(list.errors.join(QLatin1Char(' '))));
        QCOMPARE(list.checks.size(), 1);
        const client::CallRecord call = checkFixture(record);
        CheckEvaluator evaluator(call);
        const CheckResult result = evaluator.evaluate(list.checks.first());
        QVERIFY2(result.message().contains(message), qPrintable(result.message()));
        QCOMPARE(result.passed, passed);
    }

    void captures_data() {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QByteArray>("entry");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("value");
        for (const auto &row : testing::captureRows())
            QTest::newRow(row.name) << row.record << row.entry << row.ok << row.value;
    }

    void captures() {
        QFETCH(QString, record);
        QFETCH(QByteArray, entry);
        QFETCH(bool, ok);
        QFETCH(QString, value);
        const CheckList list = parse(entry);
        QCOMPARE(list.captures.size(), 1);
        const client::CallRecord call = checkFixture(record);
        CheckEvaluator evaluator(call);
        const CaptureResult result = evaluator.capture(list.captures.first());
        QCOMPARE(result.ok, ok);
        QVERIFY2((ok ? result.value : result.error).contains(value), qPrintable(ok ? result.value : result.error));
        if (ok)
            QCOMPARE(result.value, value);
    }
};

QTEST_GUILESS_MAIN(TestCheckEvaluator)
#include "test_checkevaluator.moc"
