#include "app/model/formatting.h"
#include "app/model/statusdetails.h"

#include <QTest>

using namespace triptych;

class TestStatusDetails : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void flattensKnownDetails() {
        const QByteArray json = R"({"code":3,"message":"bad","details":[
            {"@type":"type.googleapis.com/google.rpc.BadRequest",
             "fieldViolations":[{"field":"user_id","description":"must be positive"}]},
            {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID_USER_ID","domain":"orders.v1"},
            {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1s"}]})";
        const auto rows = model::flattenStatusDetails(json);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0), (QPair<QString, QString>{"user_id", "must be positive"}));
        QCOMPARE(rows.at(1), (QPair<QString, QString>{"reason", "INVALID_USER_ID"}));
        QCOMPARE(rows.at(3), (QPair<QString, QString>{"retry after", "1s"}));
        QVERIFY(model::flattenStatusDetails({}).isEmpty());
        const QByteArray protoNames = R"({"details":[{"@type":"type.googleapis.com/google.rpc.BadRequest",
            "field_violations":[{"field":"user_id","description":"must be positive"}]}]})";
        QCOMPARE(model::flattenStatusDetails(protoNames).size(), 1);
    }

    void formatsUnits_data() {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QString>("text");
        QTest::newRow("sub-ms") << qint64(420) << "0.4 ms";
        QTest::newRow("below 10 ms") << qint64(3140) << "3.1 ms";
        QTest::newRow("tens") << qint64(42'400) << "42 ms";
        QTest::newRow("seconds") << qint64(1'250'000) << "1.25 s";
    }
    void formatsUnits() {
        QFETCH(qint64, micros);
        QFETCH(QString, text);
        QCOMPARE(model::formatDuration(micros), text);
    }

    void formatsBytes() {
        QCOMPARE(model::formatBytes(512), QStringLiteral("512 B"));
        QCOMPARE(model::formatBytes(1434), QStringLiteral("1.4 KB"));
        QCOMPARE(model::formatBytes(141'312), QStringLiteral("138 KB"));
        QCOMPARE(model::formatBytes(2'400'000), QStringLiteral("2.3 MB"));
        QCOMPARE(model::exactBytes(141'312), QStringLiteral("141,312 bytes"));
    }
};

QTEST_GUILESS_MAIN(TestStatusDetails)
#include "test_statusdetails.moc"
