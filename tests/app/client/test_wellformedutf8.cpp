#include "app/client/wellformedutf8.h"

#include <QTest>

using triptych::client::toWellFormedUtf8;

namespace {
const QByteArray kFffd("\xEF\xBF\xBD");
} // namespace

class TestWellFormedUtf8 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void replacesMaximalSubparts_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("ASCII") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":"b"})");
        QTest::newRow("well-formed, 2 to 4 bytes")
            << QByteArray("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") << QByteArray("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
        QTest::newRow("lone continuation") << QByteArray("a\x80z") << "a" + kFffd + "z";
        QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << kFffd + kFffd;
        QTest::newRow("the path of issue 23") << QByteArray("/%c0%ff\xC0\xFF") << "/%c0%ff" + kFffd + kFffd;
        QTest::newRow("truncated 3-byte, one U+FFFD") << QByteArray("\xE2\x82z") << kFffd + "z";
        QTest::newRow("truncated at the end") << QByteArray("ok\xF0\x9F\x98") << "ok" + kFffd;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << kFffd + kFffd + kFffd;
        QTest::newRow("beyond U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << kFffd + kFffd + kFffd + kFffd;
        QTest::newRow("F5 and up") << QByteArray("\xF5\xFF") << kFffd + kFffd;
        QTest::newRow("quote after a bad lead stays JSON") << QByteArray("\"\xE2\"") << "\"" + kFffd + "\"";
    }

    void replacesMaximalSubparts() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const QByteArray output = toWellFormedUtf8(input);
        QCOMPARE(output, expected);
        QVERIFY(output.isValidUtf8());
        QCOMPARE(toWellFormedUtf8(output), output);
    }
};

QTEST_APPLESS_MAIN(TestWellFormedUtf8)
#include "test_wellformedutf8.moc"
