#include "server/grpcweb/grpcwebframing.h"
#include "server/grpcweb/grpcwebstream.h"

#include <QTest>

using namespace triptych::grpcweb;

Q_DECLARE_METATYPE(std::string)

class TestGrpcWebFraming : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void encodingOfContentTypes_data() {
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<int>("encoding"); // -1: not gRPC-Web
        QTest::newRow("bare") << "application/grpc-web" << int(Encoding::Binary);
        QTest::newRow("proto") << "application/grpc-web+proto" << int(Encoding::Binary);
        QTest::newRow("upper case, parameter") << "Application/GRPC-Web+proto; charset=x" << int(Encoding::Binary);
        QTest::newRow("text") << "application/grpc-web-text" << int(Encoding::Text);
        QTest::newRow("text proto") << "application/grpc-web-text+proto" << int(Encoding::Text);
        QTest::newRow("json") << "application/grpc-web+json" << -1;
        QTest::newRow("native gRPC") << "application/grpc" << -1;
        QTest::newRow("longer name") << "application/grpc-webx" << -1;
        QTest::newRow("empty") << "" << -1;
    }
    void encodingOfContentTypes() {
        QFETCH(QString, contentType);
        QFETCH(int, encoding);
        const auto found = encodingOf(contentType.toStdString());
        QCOMPARE(found ? int(*found) : -1, encoding);
    }

    void base64RoundTrips_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one") << QByteArray("\xff", 1);
        QTest::newRow("two") << QByteArray("\x00\x80", 2);
        QTest::newRow("three") << QByteArray("abc");
        QTest::newRow("binary") << QByteArray::fromHex("00000000050a03080a2a80");
    }
    void base64RoundTrips() {
        QFETCH(QByteArray, bytes);
        const std::string_view view(bytes.constData(), std::size_t(bytes.size()));
        const auto padded = base64Encode(view);
        QCOMPARE(QByteArray::fromStdString(padded), bytes.toBase64());
        QCOMPARE(base64Decode(padded).value_or("<none>"), std::string(view));
        const auto unpadded = base64Encode(view, false);
        QCOMPARE(QByteArray::fromStdString(unpadded), bytes.toBase64(QByteArray::OmitTrailingEquals));
        QCOMPARE(base64Decode(unpadded).value_or("<none>"), std::string(view));
    }

    void base64DecodesConcatenatedPieces() {
        // A -text stream encodes each chunk on its own: padding may sit in the middle.
        const std::string text = base64Encode("a") + base64Encode("bc") + base64Encode("def");
        QCOMPARE(base64Decode(text).value_or("<none>"), std::string("abcdef"));
    }

    void base64RefusesMalformed_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("outside the alphabet") << "ab!d";
        QTest::newRow("one character left") << "abcde";
        QTest::newRow("padding too early") << "a===";
        QTest::newRow("padding cut short") << "ab=";
    }
    void base64RefusesMalformed() {
        QFETCH(QString, text);
        QVERIFY(!base64Decode(text.toStdString()));
    }

    void framesHaveBigEndianLengths() {
        const auto framed = frame(std::string(300, 'x'));
        QCOMPARE(framed.size(), std::size_t(305));
        QCOMPARE(QByteArray::fromStdString(framed.substr(0, 5)), QByteArray::fromHex("000000012c"));
        QCOMPARE(std::uint8_t(frame("", kTrailerFlag)[0]), kTrailerFlag);
    }

    void singleMessageTakesOneFrame_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("error"); // a word of it
        QTest::newRow("one message") << QByteArray::fromHex("0000000002082a") << QByteArray::fromHex("082a") << "";
        QTest::newRow("empty message") << QByteArray::fromHex("0000000000") << QByteArray() << "";
        QTest::newRow("short header") << QByteArray::fromHex("000000") << QByteArray() << "header";
        QTest::newRow("cut payload") << QByteArray::fromHex("0000000005082a") << QByteArray() << "announces";
        QTest::newRow("two messages") << QByteArray::fromHex("0000000002082a0000000002082a") << QByteArray()
                                      << "exactly one";
        QTest::newRow("trailer") << QByteArray::fromHex("8000000000") << QByteArray() << "trailer";
        QTest::newRow("compressed") << QByteArray::fromHex("0100000002082a") << QByteArray() << "compressed";
    }
    void singleMessageTakesOneFrame() {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, payload);
        QFETCH(QString, error);
        const auto message = singleMessage(std::string_view(body.constData(), std::size_t(body.size())));
        QVERIFY2(QString::fromStdString(message.error).contains(error), message.error.c_str());
        QCOMPARE(message.error.empty(), error.isEmpty());
        QCOMPARE(QByteArray::fromStdString(message.payload), payload);
    }

    void grpcMessageIsPercentEncoded() {
        QCOMPARE(percentEncodeMessage("100% sure\n\xc3\xa9"), std::string("100%25 sure%0A%C3%A9"));
    }

    void grpcTimeoutParses_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("millis"); // -1: none
        QTest::newRow("milliseconds") << "250m" << 250;
        QTest::newRow("seconds") << "3S" << 3000;
        QTest::newRow("minutes") << "2M" << 120000;
        QTest::newRow("hours") << "1H" << 3600000;
        QTest::newRow("micro") << "5000u" << 5;
        QTest::newRow("nano") << "7000000n" << 7;
        QTest::newRow("no unit") << "100" << -1;
        QTest::newRow("unknown unit") << "100x" << -1;
        QTest::newRow("nine digits") << "123456789m" << -1;
        QTest::newRow("sign") << "-5S" << -1;
        QTest::newRow("empty") << "" << -1;
    }
    void grpcTimeoutParses() {
        QFETCH(QString, value);
        QFETCH(int, millis);
        const auto parsed = parseGrpcTimeout(value.toStdString());
        QCOMPARE(parsed ? int(parsed->count()) : -1, millis);
    }
};

QTEST_APPLESS_MAIN(TestGrpcWebFraming)
#include "test_grpcwebframing.moc"
