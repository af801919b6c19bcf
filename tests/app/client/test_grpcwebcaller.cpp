// gRPC-Web through GrpcCaller, as the gRPC pane calls it: the embedded server's HTTP port in-process, binary and
// text, unary and server streaming, a status with details, and the decoder on its own.
#include "app/client/grpccaller.h"
#include "app/client/grpcwebframes.h"
#include "tests/app/client/testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using namespace triptych::client;

namespace {
constexpr int kWaitMs = 10'000;

QByteArray valueOf(const HeaderList &headers, const QByteArray &name) {
    for (const auto &[key, value] : headers)
        if (key == name)
            return value;
    return {};
}
} // namespace

class TestGrpcWebCaller : public QObject {
    Q_OBJECT
    std::unique_ptr<OrderServer> m_server;
    GrpcSchemaPtr m_schema;

    GrpcRequest request(const QString &method, const QByteArray &json, GrpcTransport transport) const {
        GrpcRequest request;
        request.target = QStringLiteral("127.0.0.1:%1").arg(m_server->httpPort());
        request.method = method;
        request.messages.append(json);
        request.deadlineMs = 5'000;
        request.transport = transport;
        return request;
    }

    CallRecord callAndWait(GrpcCaller &caller, GrpcRequest request, bool expectFinished) {
        QSignalSpy finished(&caller, &GrpcCaller::callFinished);
        QSignalSpy failed(&caller, &GrpcCaller::callFailed);
        caller.call(m_schema, std::move(request));
        if (!QTest::qWaitFor([&] { return finished.count() + failed.count() == 1; }, kWaitMs))
            return {};
        auto &spy = expectFinished ? finished : failed;
        return spy.isEmpty() ? CallRecord{} : spy.first().at(0).value<CallRecord>();
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = testing::startTestServer();
        QVERIFY(m_server);
        QString error;
        m_schema = GrpcSchema::fromProtoFiles({QStringLiteral(TRIPTYCH_PROTO_DIR "/orders/v1/orders.proto")},
                                              {QStringLiteral(TRIPTYCH_PROTO_DIR)}, &error);
        QVERIFY2(m_schema, qPrintable(error));
    }
    void cleanupTestCase() { m_server.reset(); }

    void unaryAnswers_data() {
        QTest::addColumn<int>("transport");
        QTest::newRow("binary") << int(GrpcTransport::GrpcWeb);
        QTest::newRow("text") << int(GrpcTransport::GrpcWebText);
    }
    void unaryAnswers() {
        QFETCH(int, transport);
        GrpcCaller caller;
        const auto record = callAndWait(
            caller,
            request(QStringLiteral("orders.v1.OrderService/GetUser"), R"({"userId":42})", GrpcTransport(transport)),
            true);
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QCOMPARE(toString(record.kind), toString(CallKind::Grpc));
        QCOMPARE(record.method, QStringLiteral("/orders.v1.OrderService/GetUser"));
        QCOMPARE(record.grpcCode, 0);
        QCOMPARE(QJsonDocument::fromJson(record.body).object().value(QStringLiteral("id")).toInt(), 42);
        QCOMPARE(record.messages.size(), 2); // the one sent, the one received
        QVERIFY(record.messages.first().outgoing);
        QCOMPARE(valueOf(record.trailers, "grpc-status"), QByteArray("0"));
        // Both sizes of the answer's frames: binary, and as base64 text (4 characters per 3 bytes).
        QVERIFY(record.sizes.responseBodyDecodedBytes > 5);
        QVERIFY(isGrpcWebAnswer(record));
        QCOMPARE(grpcWebTextBytes(record.sizes.responseBodyDecodedBytes),
                 (record.sizes.responseBodyDecodedBytes + 2) / 3 * 4);
        QVERIFY(!record.traceId.isEmpty());
    }

    void serverStreamReportsEveryMessage_data() {
        QTest::addColumn<int>("transport");
        QTest::newRow("binary") << int(GrpcTransport::GrpcWeb);
        QTest::newRow("text") << int(GrpcTransport::GrpcWebText);
    }
    void serverStreamReportsEveryMessage() {
        QFETCH(int, transport);
        GrpcCaller caller;
        QSignalSpy streamed(&caller, &GrpcCaller::messageReceived);
        const auto record = callAndWait(caller,
                                        request(QStringLiteral("orders.v1.OrderService/StreamOrders"),
                                                R"({"userId":42})", GrpcTransport(transport)),
                                        true);
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QCOMPARE(record.messages.size(), 1 + 1000); // user 42's orders
        QCOMPARE(streamed.count(), 1000);
        const auto first = streamed.first().at(1).value<StreamMessage>();
        QVERIFY(!first.outgoing);
        // The frame's bytes travel as they came; their JSON is made when asked for.
        QVERIFY(first.decoder);
        QCOMPARE(first.size, first.body.size() + 5);
        QVERIFY(QJsonDocument::fromJson(first.json()).object().value(QStringLiteral("id")).toInt() > 0);
    }

    void errorStatusCarriesDetails() {
        GrpcCaller caller;
        const auto record = callAndWait(
            caller,
            request(QStringLiteral("orders.v1.OrderService/GetUser"), R"({"userId":0})", GrpcTransport::GrpcWeb), true);
        QCOMPARE(toString(record.error.kind), toString(ErrorKind::GrpcStatus));
        QCOMPARE(record.grpcCode, 3);
        QVERIFY(record.grpcMessage.contains(QStringLiteral("user_id")));
        QVERIFY2(record.grpcDetailsJson.contains("user_id"), record.grpcDetailsJson.constData());
        QVERIFY(record.grpcDetailsJson.contains("BadRequest"));
    }

    void clientStreamingIsRefused() {
        GrpcCaller caller;
        const auto record = callAndWait(
            caller, request(QStringLiteral("orders.v1.OrderService/UploadOrders"), "{}", GrpcTransport::GrpcWeb),
            false);
        QCOMPARE(toString(record.error.kind), toString(ErrorKind::InvalidRequest));
    }

    void decoderSplitsChunksAnywhere_data() {
        QTest::addColumn<bool>("text");
        QTest::addColumn<int>("chunkSize");
        QTest::newRow("binary, 1 byte") << false << 1;
        QTest::newRow("binary, 7 bytes") << false << 7;
        QTest::newRow("text, 1 character") << true << 1;
        QTest::newRow("text, 5 characters") << true << 5;
    }
    void decoderSplitsChunksAnywhere() {
        QFETCH(bool, text);
        QFETCH(int, chunkSize);
        // Each frame encoded on its own in text mode, as a server writing a stream chunk by chunk does.
        const QByteArray trailers = "grpc-status:0\r\n";
        const QByteArray trailer = QByteArray::fromHex("80000000") + char(trailers.size()) + trailers;
        const QByteArray body =
            grpcWebRequestBody("ab", text) + grpcWebRequestBody("cde", text) + (text ? trailer.toBase64() : trailer);
        GrpcWebDecoder decoder(text);
        QList<GrpcWebFrame> frames;
        for (qsizetype at = 0; at < body.size(); at += chunkSize)
            frames += decoder.feed(body.mid(at, chunkSize));
        QVERIFY(decoder.errorMessage().isEmpty());
        QVERIFY(!decoder.hasPartialFrame());
        QCOMPARE(frames.size(), 3);
        QCOMPARE(frames[0].payload, QByteArray("ab"));
        QCOMPARE(frames[1].payload, QByteArray("cde"));
        QVERIFY(frames[2].trailers);
        QCOMPARE(valueOf(grpcWebTrailers(frames[2].payload), "grpc-status"), QByteArray("0"));
    }
};

QTEST_GUILESS_MAIN(TestGrpcWebCaller)
#include "test_grpcwebcaller.moc"
