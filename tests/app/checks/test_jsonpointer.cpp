#include "app/checks/jsonpath.h"
#include "app/checks/jsonpointer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace triptych::checks;

// RFC 6901 §5's examples and the ways a pointer misses.
class TestJsonPointer : public QObject {
    Q_OBJECT

    static QJsonValue rfcDocument() {
        // Built from values, not a raw string: moc misreads escaped quotes inside raw strings.
        QJsonObject document{{"foo", QJsonArray{"bar", "baz"}},
                             {"", 0},
                             {"a/b", 1},
                             {"c%d", 2},
                             {"e^f", 3},
                             {"g|h", 4},
                             {"i\\j", 5},
                             {"k\"l", 6},
                             {" ", 7},
                             {"m~n", 8}};
        document.insert("nested", QJsonObject{{"list", QJsonArray{QJsonObject{{"id", 7}}}}});
        return document;
    }

private Q_SLOTS:
    void resolves_data() {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("whole document") << "" << QByteArray();
        QTest::newRow("array") << "/foo" << QByteArray(R"(["bar","baz"])");
        QTest::newRow("index") << "/foo/0" << QByteArray(R"("bar")");
        QTest::newRow("empty name") << "/" << QByteArray("0");
        QTest::newRow("slash") << "/a~1b" << QByteArray("1");
        QTest::newRow("percent") << "/c%d" << QByteArray("2");
        QTest::newRow("caret") << "/e^f" << QByteArray("3");
        QTest::newRow("bar") << "/g|h" << QByteArray("4");
        QTest::newRow("backslash") << "/i\\j" << QByteArray("5");
        QTest::newRow("quote") << "/k\"l" << QByteArray("6");
        QTest::newRow("space") << "/ " << QByteArray("7");
        QTest::newRow("tilde") << "/m~0n" << QByteArray("8");
        QTest::newRow("nested") << "/nested/list/0/id" << QByteArray("7");
    }

    void resolves() {
        QFETCH(QString, pointer);
        QFETCH(QByteArray, expected);
        const QJsonValue document = rfcDocument();
        QString error;
        const auto value = resolveJsonPointer(document, pointer, &error);
        QVERIFY2(value, qPrintable(error));
        QCOMPARE(*value, expected.isEmpty() ? document : *parseJsonValue(expected));
    }

    void misses_data() {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("message");
        QTest::newRow("no slash") << "foo"
                                  << "starts with '/'";
        QTest::newRow("missing member") << "/nope"
                                        << "no member nope at /nope";
        QTest::newRow("index past the end") << "/foo/2"
                                            << "no index 2 at /foo/2 (the array has 2)";
        QTest::newRow("dash") << "/foo/-"
                              << "no index -";
        QTest::newRow("leading zero") << "/foo/01"
                                      << "no index 01";
        QTest::newRow("into a string") << "/foo/0/x"
                                       << "/foo/0/x is not an object or array";
        QTest::newRow("bad escape") << "/m~2n"
                                    << "'~' must be followed by 0 or 1";
    }

    void misses() {
        QFETCH(QString, pointer);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!resolveJsonPointer(rfcDocument(), pointer, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestJsonPointer)
#include "test_jsonpointer.moc"
