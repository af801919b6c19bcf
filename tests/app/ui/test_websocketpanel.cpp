// A ws:// URL in the REST pane opens a raw WebSocket: messages both ways in the response view's message list, close
// with a code, the connection's record for the history.
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "app/ui/websocketpanel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace triptych;
using namespace triptych::ui;

namespace {
constexpr int kWaitMs = 10'000;
}

class TestWebSocketPanel : public QObject {
    Q_OBJECT
    QWebSocketServer m_server{QStringLiteral("echo"), QWebSocketServer::NonSecureMode};

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QWebSocket::textMessageReceived, socket,
                        [socket](const QString &text) { socket->sendTextMessage(text); });
                connect(socket, &QWebSocket::binaryMessageReceived, socket,
                        [socket](const QByteArray &bytes) { socket->sendBinaryMessage(bytes); });
                connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    void isWebSocketUrl_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("webSocket");
        QTest::addRow("ws") << QStringLiteral("ws://127.0.0.1:8080/ws") << true;
        QTest::addRow("wss") << QStringLiteral(" WSS://example.com/feed") << true;
        QTest::addRow("http") << QStringLiteral("http://127.0.0.1:8080/v1") << false;
        QTest::addRow("text") << QStringLiteral("ws") << false;
    }
    void isWebSocketUrl() {
        QFETCH(QString, url);
        QFETCH(bool, webSocket);
        QCOMPARE(WebSocketPanel::isWebSocketUrl(url), webSocket);
    }

    void echoThroughThePane() {
        RestPane pane;
        auto *panel = pane.findChild<WebSocketPanel *>();
        QVERIFY(panel);
        QVERIFY(panel->isHidden());
        pane.urlEdit()->setText(QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_server.serverPort()));
        QVERIFY(!panel->isHidden());
        QSignalSpy completed(&pane, &ComposerPane::callCompleted);
        pane.send();
        QTRY_VERIFY_WITH_TIMEOUT(pane.responseView()->statusText().startsWith(QStringLiteral("WebSocket open")),
                                 kWaitMs);
        QVERIFY(pane.isBusy() || panel->isOpen());

        panel->messageEditor()->setPlainText(QStringLiteral("hello"));
        QVERIFY(panel->sendMessage());
        QTRY_COMPARE_WITH_TIMEOUT(pane.responseView()->messageCount(), 2, kWaitMs);
        panel->kindBox()->setCurrentIndex(1);
        panel->messageEditor()->setPlainText(QStringLiteral("00 ff 10"));
        QVERIFY(panel->sendMessage());
        QTRY_COMPARE_WITH_TIMEOUT(pane.responseView()->messageCount(), 4, kWaitMs);
        panel->messageEditor()->setPlainText(QStringLiteral("0g"));
        QVERIFY(!panel->sendMessage()); // not hex

        panel->closeCodeBox()->setValue(4000);
        panel->closeSocket();
        QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, kWaitMs);
        const auto record = completed.first().at(0).value<client::CallRecord>();
        QCOMPARE(record.closeCode, 4000);
        QCOMPARE(record.messages.size(), 5);
        QCOMPARE(record.messages.at(3).body, QByteArray("\x00\xff\x10", 3));
        QCOMPARE(record.messages.at(3).event, QStringLiteral("binary"));
        QVERIFY(!panel->isOpen());
    }
};

QTEST_MAIN(TestWebSocketPanel)
#include "test_websocketpanel.moc"
