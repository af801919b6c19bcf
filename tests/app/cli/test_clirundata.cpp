#include "app/cli/clirundata.h"

#include <QTest>

using namespace triptych::cli;

// The rows of `run --data`: CSV with RFC 4180 quoting, JSON arrays of objects, and what is refused.
class TestCliRunData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesCsv_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("lastName");
        QTest::newRow("plain") << QByteArray("id,name\n1,a\n2,b\n") << 2 << "b";
        QTest::newRow("no final line break") << QByteArray("id,name\n1,a") << 1 << "a";
        QTest::newRow("CRLF") << QByteArray("id,name\r\n1,a\r\n") << 1 << "a";
        QTest::newRow("quoted comma") << QByteArray("id,name\n1,\"a, b\"\n") << 1 << "a, b";
        QTest::newRow("doubled quote") << QByteArray("id,name\n1,\"say \"\"hi\"\"\"\n") << 1 << "say \"hi\"";
        QTest::newRow("line break in quotes") << QByteArray("id,name\n1,\"two\nlines\"\n") << 1 << "two\nlines";
        QTest::newRow("empty field") << QByteArray("id,name\n1,\n") << 1 << "";
        QTest::newRow("blank lines skipped") << QByteArray("id,name\n\n1,a\n\n") << 1 << "a";
    }

    void parsesCsv() {
        QFETCH(QByteArray, text);
        QFETCH(int, rows);
        QFETCH(QString, lastName);
        QString error;
        const QList<DataRow> parsed = parseCsvRows(text, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(parsed.size(), rows);
        QCOMPARE(parsed.last().value(QStringLiteral("name")), lastName);
        QCOMPARE(parsed.first().value(QStringLiteral("id")), QStringLiteral("1"));
    }

    void refusesCsv_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "no header line";
        QTest::newRow("short line") << QByteArray("id,name\n1\n") << "line 2 has 1 fields, the header 2";
        QTest::newRow("open quote") << QByteArray("id,name\n1,\"a\n") << "a quoted field is not closed";
    }

    void refusesCsv() {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QString error;
        QVERIFY(parseCsvRows(text, &error).isEmpty());
        QCOMPARE(error, message);
    }

    void parsesJson() {
        QString error;
        const auto rows = parseJsonRows(R"([{"id": 1, "name": "a", "tags": ["x"]}, {"id": "2"}])", &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).value(QStringLiteral("id")), QStringLiteral("1"));
        QCOMPARE(rows.at(0).value(QStringLiteral("tags")), QStringLiteral("[\"x\"]"));
        QCOMPARE(rows.at(1).value(QStringLiteral("id")), QStringLiteral("2"));
    }

    void refusesJson_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("object") << QByteArray(R"({"id": 1})");
        QTest::newRow("array of numbers") << QByteArray("[1, 2]");
        QTest::newRow("broken") << QByteArray("[{");
    }

    void refusesJson() {
        QFETCH(QByteArray, text);
        QString error;
        QVERIFY(parseJsonRows(text, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliRunData)
#include "test_clirundata.moc"
