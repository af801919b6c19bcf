// Ill-formed UTF-8 never reaches the JSON the server writes: each maximal subpart of an ill-formed sequence becomes
// one U+FFFD (Unicode §3.9, Table 3-8's examples), in appendEscaped, appendValue and the checking Writer alike;
// well-formed text is written byte for byte.
#include "server/json/jsonappend.h"
#include "server/json/utf8.h"
#include "server/json/writer.h"

#include <rapidjson/stringbuffer.h>

#include <QtTest>

using namespace triptych::json;

namespace {
const QByteArray kFffd = "\xEF\xBF\xBD";
}

class TestUtf8 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void replacement_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("ASCII") << QByteArray("plain text") << QByteArray("plain text");
        QTest::newRow("well-formed, 1 to 4 bytes") << QByteArray("a\xC3\xA9\xE5\x8C\x97\xF0\x9F\x98\x80")
                                                   << QByteArray("a\xC3\xA9\xE5\x8C\x97\xF0\x9F\x98\x80");
        QTest::newRow("%c0%ff of the issue") << QByteArray("/\xC0\xFF") << "/" + kFffd + kFffd;
        QTest::newRow("lone continuation") << QByteArray("a\x80z") << "a" + kFffd + "z";
        QTest::newRow("overlong two bytes") << QByteArray("\xC1\xBF") << kFffd + kFffd;
        QTest::newRow("overlong three bytes") << QByteArray("\xE0\x80\xAF") << kFffd + kFffd + kFffd;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << kFffd + kFffd + kFffd;
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << kFffd + kFffd + kFffd + kFffd;
        QTest::newRow("truncated three bytes is one subpart") << QByteArray("\xE2\x82z") << kFffd + "z";
        QTest::newRow("truncated four bytes at the end") << QByteArray("x\xF0\x9F\x98") << "x" + kFffd;
        QTest::newRow("Table 3-8") << QByteArray("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64")
                                   << "a" + kFffd + kFffd + kFffd + "b" + kFffd + "c" + kFffd + kFffd + "d";
    }
    void replacement() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const std::string_view text(input.constData(), std::size_t(input.size()));
        QCOMPARE(QByteArray::fromStdString(toValidUtf8(text)), expected);
        QCOMPARE(isValidUtf8(text), input == expected);
        std::string escaped;
        appendEscaped(escaped, text);
        QCOMPARE(QByteArray::fromStdString(escaped), expected);
        const rapidjson::Value value(rapidjson::StringRef(input.constData(), rapidjson::SizeType(input.size())));
        std::string appended;
        appendValue(appended, value);
        QCOMPARE(QByteArray::fromStdString(appended), "\"" + expected + "\"");
        rapidjson::StringBuffer buffer;
        Writer<rapidjson::StringBuffer> writer(buffer);
        writer.StartObject();
        writer.Key(input.constData(), rapidjson::SizeType(input.size()));
        writer.String(input.constData(), rapidjson::SizeType(input.size()));
        writer.EndObject();
        QCOMPARE(QByteArray(buffer.GetString(), qsizetype(buffer.GetSize())),
                 "{\"" + expected + "\":\"" + expected + "\"}");
    }
};

QTEST_GUILESS_MAIN(TestUtf8)
#include "test_utf8.moc"
