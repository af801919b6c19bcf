#include "app/client/grpccaller.h"
#include "app/client/grpcreflection.h"
#include "tests/app/client/testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <algorithm>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

using namespace triptych;
using namespace triptych::client;

namespace {
constexpr int kWaitMs = 10'000;

CallRecord lastRecord(const QSignalSpy &spy) {
    return spy.last().at(0).value<CallRecord>();
}
QJsonObject object(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestGrpcCaller : public QObject {
    Q_OBJECT
    std::unique_ptr<OrderServer> m_server;
    GrpcSchemaPtr m_schema;

    GrpcRequest request(const QString &method, const QByteArray &json = {}) const {
        GrpcRequest request;
        request.target = testing::grpcTarget(*m_server);
        request.method = method;
        if (!json.isEmpty())
            request.messages.append(json);
        request.deadlineMs = 5'000;
        return request;
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = testing::startTestServer();
        QVERIFY(m_server);
        GrpcReflection reflection;
        QSignalSpy loaded(&reflection, &GrpcReflection::schemaLoaded);
        QSignalSpy failed(&reflection, &GrpcReflection::loadFailed);
        reflection.load({testing::grpcTarget(*m_server)});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count() + failed.count(), 1, kWaitMs);
        QCOMPARE(failed.count(), 0);
        m_schema = loaded.first().at(0).value<GrpcSchemaPtr>();
        QVERIFY(m_schema->services().contains(QStringLiteral("orders.v1.OrderService")));
        QVERIFY(m_schema->services().contains(QStringLiteral("grpc.health.v1.Health")));
    }
    void cleanupTestCase() { m_server.reset(); }

    void protoFilesGiveTheSameMethods() {
        QString error;
        const auto schema = GrpcSchema::fromProtoFiles({QStringLiteral(TRIPTYCH_PROTO_DIR "/orders/v1/orders.proto")},
                                                       {QStringLiteral(TRIPTYCH_PROTO_DIR)}, &error);
        QVERIFY2(schema, qPrintable(error));
        QCOMPARE(schema->methods(QStringLiteral("orders.v1.OrderService")),
                 m_schema->methods(QStringLiteral("orders.v1.OrderService")));
        QVERIFY(!GrpcSchema::fromProtoFiles({QStringLiteral("nope.proto")}, {}, &error));
        QVERIFY(error.contains(QStringLiteral("nope.proto")));
    }

    // protobuf copies a string field's bytes into the JSON as they came: ill-formed UTF-8 becomes U+FFFD.
    void illFormedUtf8FromTheWireBecomesReplacementCharacters() {
        const auto *user = m_schema->pool().FindMessageTypeByName("orders.v1.User");
        QVERIFY(user);
        const std::string wire("\x12\x04"
                               "a\xC0\xAF"
                               "b",
                               6); // field 2 (name), 4 bytes
        const QByteArray json = m_schema->binaryToJson(user, wire);
        QVERIFY2(json.isValidUtf8(), json.constData());
        QVERIFY2(json.contains("a\xEF\xBF\xBD\xEF\xBF\xBD"
                               "b"),
                 json.constData());
        QString error;
        const auto message = m_schema->messageFromJson(user, json, &error);
        QVERIFY2(message, qPrintable(error));
        QVERIFY(GrpcSchema::messageToJson(*message).isValidUtf8());
    }

    // The first call to a target waits for its channel: that setup is its own phase, not part of the call; the
    // next call reuses the channel and has none.
    void firstCallShowsTheChannelSetup() {
        GrpcCaller caller;
        QSignalSpy finished(&caller, &GrpcCaller::callFinished);
        auto first = request(QStringLiteral("GetUser"), R"({"user_id": 1})");
        // Another name for the same server: a channel of its own, not connected yet.
        first.target = QStringLiteral("localhost:%1").arg(first.target.section(QLatin1Char(':'), -1));
        caller.call(m_schema, first);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto setUp = lastRecord(finished);
        QVERIFY(setUp.timings.connectUs.has_value());
        QVERIFY(*setUp.timings.connectUs > 0 && *setUp.timings.connectUs <= setUp.timings.totalUs);
        QVERIFY(setUp.spans.first().name == QStringLiteral("client total"));
        QVERIFY(std::any_of(setUp.spans.cbegin(), setUp.spans.cend(),
                            [](const TraceSpan &span) { return span.name == QStringLiteral("connect"); }));
        caller.call(m_schema, first);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kWaitMs);
        QVERIFY(!lastRecord(finished).timings.connectUs.has_value());
    }

    void templateNamesEveryField() {
        const auto *method = m_schema->findMethod(QStringLiteral("GetUser"));
        QVERIFY(method);
        const auto json = object(m_schema->jsonTemplate(method->input_type()));
        QVERIFY(json.contains(QStringLiteral("user_id")));
        QVERIFY(json.contains(QStringLiteral("read_mask")));
        QString error;
        QVERIFY(m_schema->messageFromJson(method->input_type(), m_schema->jsonTemplate(method->input_type()), &error));
    }

    void unaryCallRecordsTheAnswer() {
        GrpcCaller caller;
        QSignalSpy finished(&caller, &GrpcCaller::callFinished);
        caller.call(m_schema, request(QStringLiteral("orders.v1.OrderService/GetUser"),
                                      R"({"user_id": 42, "read_mask": "name,avatar_url"})"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QCOMPARE(record.grpcCode, 0);
        QCOMPARE(record.method, QStringLiteral("/orders.v1.OrderService/GetUser"));
        QVERIFY(!object(record.body).value(QStringLiteral("name")).toString().isEmpty());
        QVERIFY(!object(record.body).contains(QStringLiteral("email")));
        QVERIFY(record.sizes.responseBodyWireBytes > 0);
        QVERIFY(record.timings.totalUs > 0);
        QCOMPARE(record.traceId.size(), 32);
    }

    // connect, send (the request's write), wait (until the first message), receive: in order, inside the total, and
    // the wait ends when the first message arrived.
    void callsShowTheirPhases_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("unary") << QStringLiteral("GetUser") << QByteArray(R"({"user_id": 42})");
        QTest::addRow("server stream") << QStringLiteral("StreamOrders") << QByteArray(R"({"user_id": 42})");
    }
    void callsShowTheirPhases() {
        QFETCH(QString, method);
        QFETCH(QByteArray, json);
        GrpcCaller caller;
        QSignalSpy finished(&caller, &GrpcCaller::callFinished);
        auto call = request(method, json);
        call.sendTraceparent = false;
        caller.call(m_schema, call);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QCOMPARE(record.grpcCode, 0);
        const auto &t = record.timings;
        QVERIFY(t.sentUs.has_value() && t.firstByteUs.has_value() && t.downloadUs.has_value());
        QVERIFY(*t.sentUs >= 0 && *t.firstByteUs >= 0 && *t.downloadUs >= 0);
        const qint64 firstAnswerUs = t.connectUs.value_or(0) + *t.sentUs + *t.firstByteUs;
        QVERIFY(firstAnswerUs + *t.downloadUs <= t.totalUs);
        const auto first = std::find_if(record.messages.cbegin(), record.messages.cend(),
                                        [](const StreamMessage &message) { return !message.outgoing; });
        QVERIFY(first != record.messages.cend());
        QCOMPARE(first->offsetUs, firstAnswerUs);
    }

    void traceIsFetchedFromTheHttpPort() {
        GrpcCaller caller;
        QSignalSpy finished(&caller, &GrpcCaller::callFinished);
        auto call = request(QStringLiteral("GetUserOrders"), R"({"user_id": 42})");
        call.traceBaseUrl = testing::httpBase(*m_server);
        caller.call(m_schema, call);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QVERIFY(record.traceSource == TraceSource::DebugTraces);
        QVERIFY(record.serverSpanCount() >= 2);
    }

    void serverStreamHasPerMessageTimes() {
        GrpcCaller caller;
        QSignalSpy messages(&caller, &GrpcCaller::messageReceived);
        QSignalSpy finished(&caller, &GrpcCaller::callFinished);
        caller.call(m_schema, request(QStringLiteral("StreamOrders"), R"({"user_id": 42})"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QCOMPARE(record.grpcCode, 0);
        qint64 previous = 0;
        int received = 0;
        for (const auto &message : record.messages) {
            if (message.outgoing)
                continue;
            ++received;
            QVERIFY(message.offsetUs >= previous);
            QVERIFY(message.size > 5);
            previous = message.offsetUs;
            // Kept as the wire bytes, converted when looked at.
            QVERIFY(message.decoder);
            QCOMPARE(message.size, message.body.size() + 5);
        }
        QCOMPARE(received, 1000); // user 42 has exactly 1,000 orders
        QCOMPARE(messages.count(), 1000);
        const auto last = messages.last().at(1).value<StreamMessage>();
        QCOMPARE(object(last.json()).value(QStringLiteral("user_id")).toInteger(), 42);
        QCOMPARE(last.json(), record.body); // the record's body is the last message, as JSON
    }

    void clientStreamUploadsEveryMessage() {
        GrpcCaller caller;
        QSignalSpy finished(&caller, &GrpcCaller::callFinished);
        auto upload = request(QStringLiteral("UploadOrders"));
        upload.metadata.append({QByteArray("authorization"), QByteArray("Bearer demo-token")});
        upload.halfCloseAfterMessages = false;
        const auto id = caller.call(m_schema, upload);
        QString error;
        QVERIFY(caller.send(id, R"({"user_id": 7, "product": "nothing we sell", "quantity": 1})", &error));
        QVERIFY(caller.send(id, R"({"user_id": 7, "product": "nothing we sell", "quantity": 0})", &error));
        QVERIFY(!caller.send(id, R"({"no_such_field": 1})", &error));
        caller.halfClose(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QVERIFY2(record.grpcCode == 0 || record.grpcCode == 3, qPrintable(record.error.text()));
        if (record.grpcCode == 0)
            QCOMPARE(object(record.body).value(QStringLiteral("received_count")).toInt(), 2);
    }

    void bidiStreamStopsOnRequest() {
        GrpcCaller caller;
        QSignalSpy finished(&caller, &GrpcCaller::callFinished);
        auto track = request(QStringLiteral("TrackOrders"), R"({"order_id": 1})");
        track.halfCloseAfterMessages = false;
        const auto id = caller.call(m_schema, track);
        QString error;
        QVERIFY(caller.send(id, R"({"stop": true})", &error));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QCOMPARE(record.grpcCode, 0);
        QCOMPARE(record.messages.first().outgoing, true);
    }

    void errorDetailsAreDecoded_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("detailType");
        QTest::newRow("user_id 0") << "GetUser" << QByteArray(R"({"user_id": 0})") << "INVALID_ARGUMENT"
                                   << "type.googleapis.com/google.rpc.BadRequest";
        QTest::newRow("unknown user") << "GetUserOrders" << QByteArray(R"({"user_id": 99999})") << "NOT_FOUND"
                                      << "type.googleapis.com/google.rpc.ErrorInfo";
    }
    void errorDetailsAreDecoded() {
        QFETCH(QString, method);
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        QFETCH(QString, detailType);
        GrpcCaller caller;
        QSignalSpy finished(&caller, &GrpcCaller::callFinished);
        caller.call(m_schema, request(method, json));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        QCOMPARE(grpcCodeName(record.grpcCode), code);
        QVERIFY(record.error.text().contains(code));
        const auto details = object(record.grpcDetailsJson).value(QStringLiteral("details")).toArray();
        QStringList types;
        for (const auto &detail : details)
            types.append(detail.toObject().value(QStringLiteral("@type")).toString());
        QVERIFY2(types.contains(detailType), qPrintable(QString::fromUtf8(record.grpcDetailsJson)));
    }

    void deadlineAndCancelEndOpenStreams() {
        GrpcCaller caller;
        QSignalSpy failed(&caller, &GrpcCaller::callFailed);
        auto follow = request(QStringLiteral("StreamOrders"), R"({"user_id": 7, "follow": true})");
        follow.deadlineMs = 300;
        caller.call(m_schema, follow);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(toString(lastRecord(failed).error.kind), toString(ErrorKind::Timeout));
        QVERIFY(lastRecord(failed).error.text().contains(QStringLiteral("within 300 ms")));
        follow.deadlineMs = 60'000;
        const auto id = caller.call(m_schema, follow);
        caller.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, kWaitMs);
        QCOMPARE(toString(lastRecord(failed).error.kind), toString(ErrorKind::Cancelled));
        QCOMPARE(lastRecord(failed).id, id);
        QCOMPARE(lastRecord(failed).url, follow.target);
    }

    void deadPortFailsClearly() {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const auto port = probe.serverPort();
        probe.close();
        GrpcCaller caller;
        QSignalSpy failed(&caller, &GrpcCaller::callFailed);
        auto dead = request(QStringLiteral("GetUser"), R"({"user_id": 1})");
        dead.target = QStringLiteral("127.0.0.1:%1").arg(port);
        dead.deadlineMs = 2'000;
        caller.call(m_schema, dead);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        const auto text = lastRecord(failed).error.text();
        QVERIFY2(text.contains(QStringLiteral("is the server running?")), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestGrpcCaller)
#include "test_grpccaller.moc"
