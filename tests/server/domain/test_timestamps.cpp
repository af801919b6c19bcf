#include "server/domain/timestamps.h"

#include <QtTest>

using namespace triptych;

class TestTimestamps : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data() {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00Z";
        QTest::newRow("contract example") << qint64(1717243200) << "2024-06-01T12:00:00Z";
        QTest::newRow("leap day") << qint64(1709210096) << "2024-02-29T12:34:56Z";
        QTest::newRow("before epoch") << qint64(-1) << "1969-12-31T23:59:59Z";
        QTest::newRow("year 2100") << qint64(4102444800) << "2100-01-01T00:00:00Z";
    }
    void roundTrip() {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatRfc3339(seconds)), text);
        QCOMPARE(parseRfc3339(text.toStdString()).value_or(-12345), seconds);
    }

    void rejectsOtherForms_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("offset") << "2024-06-01T12:00:00+02:00";
        QTest::newRow("no Z") << "2024-06-01T12:00:00";
        QTest::newRow("month 13") << "2024-13-01T12:00:00Z";
        QTest::newRow("letters") << "2024-06-0xT12:00:00Z";
        QTest::newRow("empty") << "";
    }
    void rejectsOtherForms() {
        QFETCH(QString, text);
        QVERIFY(!parseRfc3339(text.toStdString()).has_value());
    }
};

QTEST_GUILESS_MAIN(TestTimestamps)
#include "test_timestamps.moc"
