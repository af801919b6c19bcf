// Raw WebSocket: open, text and binary messages both ways with offsets and sizes, close with a code; a port that is
// not a WebSocket fails clearly.
#include "app/client/websocketcaller.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace triptych::client;

namespace {
constexpr int kWaitMs = 10'000;

// Echoes every message back, text as text and binary as binary.
class EchoServer : public QWebSocketServer {
public:
    EchoServer()
        : QWebSocketServer(QStringLiteral("echo"), QWebSocketServer::NonSecureMode) {
        connect(this, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = nextPendingConnection()) {
                connect(socket, &QWebSocket::textMessageReceived, socket,
                        [socket](const QString &text) { socket->sendTextMessage(text); });
                connect(socket, &QWebSocket::binaryMessageReceived, socket,
                        [socket](const QByteArray &bytes) { socket->sendBinaryMessage(bytes); });
                connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};
} // namespace

class TestWebSocketCaller : public QObject {
    Q_OBJECT
    EchoServer m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.listen(QHostAddress::LocalHost, 0)); }

    void echoesTextAndBinaryThenClosesWithACode_data() {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::addRow("normal") << 1000 << QString();
        QTest::addRow("application's own") << 4001 << QStringLiteral("done here");
    }
    void echoesTextAndBinaryThenClosesWithACode() {
        QFETCH(int, code);
        QFETCH(QString, reason);
        WebSocketCaller caller;
        QSignalSpy opened(&caller, &WebSocketCaller::opened);
        QSignalSpy messages(&caller, &WebSocketCaller::messageReceived);
        QSignalSpy finished(&caller, &WebSocketCaller::callFinished);
        WebSocketRequest request;
        request.url = QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_server.serverPort());
        const quint64 id = caller.open(request);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, kWaitMs);
        QCOMPARE(opened.first().at(0).toULongLong(), id);

        caller.sendText(id, "héllo");
        const QByteArray binary("\x00\x01\xff\xfe", 4);
        caller.sendBinary(id, binary);
        QTRY_COMPARE_WITH_TIMEOUT(messages.count(), 4, kWaitMs); // two sent, two echoed
        caller.close(id, code, reason);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);

        const auto record = finished.first().at(0).value<CallRecord>();
        QCOMPARE(record.id, id);
        QCOMPARE(record.method, QStringLiteral("WS"));
        QCOMPARE(record.httpStatus, 101);
        QCOMPARE(record.closeCode, code);
        QVERIFY(record.timings.connectUs.has_value());
        QCOMPARE(record.messages.size(), 5);
        const auto &sentText = record.messages.at(0);
        QVERIFY(sentText.outgoing);
        QCOMPARE(sentText.event, QStringLiteral("text"));
        QCOMPARE(sentText.body, QByteArray("héllo"));
        QCOMPARE(sentText.size, QByteArray("héllo").size());
        qint64 previous = 0;
        int echoedText = 0, echoedBinary = 0;
        for (const auto &message : record.messages) {
            QVERIFY(message.offsetUs >= previous);
            previous = message.offsetUs;
            if (!message.outgoing && message.event == QStringLiteral("text") && message.body == "héllo")
                ++echoedText;
            if (!message.outgoing && message.event == QStringLiteral("binary") && message.body == binary)
                ++echoedBinary;
        }
        QCOMPARE(echoedText, 1);
        QCOMPARE(echoedBinary, 1);
        QCOMPARE(record.messages.last().event, QStringLiteral("close"));
        QVERIFY(record.messages.last().body.startsWith(QByteArray::number(code)));
    }

    // A burst reaches this thread in batches, once per frame, each message still reported on its own before its batch.
    void burstArrivesInBatches() {
        constexpr int kMessages = 500;
        WebSocketCaller caller;
        QSignalSpy opened(&caller, &WebSocketCaller::opened);
        QSignalSpy messages(&caller, &WebSocketCaller::messageReceived);
        QSignalSpy batches(&caller, &WebSocketCaller::messagesReceived);
        WebSocketRequest request;
        request.url = QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_server.serverPort());
        const quint64 id = caller.open(request);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, kWaitMs);
        for (int i = 0; i < kMessages; ++i)
            caller.sendText(id, QByteArray::number(i));
        QTRY_COMPARE_WITH_TIMEOUT(messages.count(), 2 * kMessages, kWaitMs); // sent and echoed
        int inBatches = 0;
        qint64 previous = 0;
        for (const auto &batch : std::as_const(batches)) {
            QCOMPARE(batch.at(0).toULongLong(), id);
            for (const auto &message : batch.at(1).value<QList<StreamMessage>>()) {
                QVERIFY(message.offsetUs >= previous);
                previous = message.offsetUs;
                ++inBatches;
            }
        }
        QCOMPARE(inBatches, 2 * kMessages);
        QVERIFY2(batches.count() < kMessages, qPrintable(QString::number(batches.count())));
    }

    void notAWebSocketFailsClearly_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("kind");
        QTest::addRow("http scheme") << QStringLiteral("http://127.0.0.1:1/") << toString(ErrorKind::InvalidRequest);
        QTest::addRow("closed port") << QStringLiteral("ws://127.0.0.1:1/") << toString(ErrorKind::Refused);
    }
    void notAWebSocketFailsClearly() {
        QFETCH(QString, url);
        QFETCH(QString, kind);
        WebSocketCaller caller;
        QSignalSpy failed(&caller, &WebSocketCaller::callFailed);
        WebSocketRequest request;
        request.url = url;
        caller.open(request);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        const auto record = failed.first().at(0).value<CallRecord>();
        QCOMPARE(toString(record.error.kind), kind);
        QVERIFY(!record.error.hint.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWebSocketCaller)
#include "test_websocketcaller.moc"
