// A ws:// URL in the REST pane opens a raw WebSocket: messages both ways in the response view's message list, close
// with a code, the connection's record for the history. A wss:// URL takes the pane's TLS settings and shows the
// peer's chain in the Certificate tab while the socket is open.
#include "app/model/keyvaluemodel.h"
#include "app/ui/certificateview.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "app/ui/websocketpanel.h"
#include "server/tls/tlsmaterial.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace triptych;
using namespace triptych::ui;

namespace {
constexpr int kWaitMs = 10'000;

QString valueOf(const model::KeyValueModel &model, const QString &field) {
    for (const auto &[name, value] : model.pairs())
        if (name == field)
            return value;
    return {};
}
} // namespace

class TestWebSocketPanel : public QObject {
    Q_OBJECT
    QWebSocketServer m_server{QStringLiteral("echo"), QWebSocketServer::NonSecureMode};
    // wss://, with the certificate the embedded server generates (localhost, 127.0.0.1) and its CA in a file.
    QWebSocketServer m_secure{QStringLiteral("secure"), QWebSocketServer::SecureMode};
    QTemporaryDir m_directory;
    QString m_caFile;

    void startSecureServer() {
        const auto material = tls::generateTlsMaterial();
        QVERIFY(material.ok());
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(
            QSslCertificate::fromData(QByteArray::fromStdString(material->server.certificatePem)));
        configuration.setPrivateKey(QSslKey(QByteArray::fromStdString(material->server.keyPem), QSsl::Ec));
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_secure.setSslConfiguration(configuration);
        QVERIFY(m_secure.listen(QHostAddress::LocalHost, 0));
        m_caFile = m_directory.filePath(QStringLiteral("ca.pem"));
        QFile ca(m_caFile);
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write(QByteArray::fromStdString(material->caPem));
    }

private Q_SLOTS:
    void initTestCase() {
        startSecureServer();
        QVERIFY(m_secure.isListening());
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        for (QWebSocketServer *server : {&m_server, &m_secure}) {
            connect(server, &QWebSocketServer::newConnection, this, [server] {
                while (QWebSocket *socket = server->nextPendingConnection()) {
                    connect(socket, &QWebSocket::textMessageReceived, socket,
                            [socket](const QString &text) { socket->sendTextMessage(text); });
                    connect(socket, &QWebSocket::binaryMessageReceived, socket,
                            [socket](const QByteArray &bytes) { socket->sendBinaryMessage(bytes); });
                    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
                }
            });
        }
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

    void wssTakesThePanesTls_data() {
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<bool>("skipVerification");
        QTest::addColumn<QString>("failure"); // empty: it opens
        QTest::addRow("CA file set") << true << false << QString();
        QTest::addRow("no CA file") << false << false << QStringLiteral("a CA this client does not trust");
        QTest::addRow("verification skipped") << false << true << QString();
    }
    void wssTakesThePanesTls() {
        QFETCH(bool, trustCa);
        QFETCH(bool, skipVerification);
        QFETCH(QString, failure);
        RestPane pane;
        auto *panel = pane.findChild<WebSocketPanel *>();
        QVERIFY(panel);
        workspace::RequestDocument document;
        document.http.url = QStringLiteral("wss://127.0.0.1:%1/feed").arg(m_secure.serverPort());
        document.http.options.tls.caFile = trustCa ? m_caFile : QString();
        document.http.options.tls.skipVerification = skipVerification;
        pane.loadDocument(document);
        QSignalSpy completed(&pane, &ComposerPane::callCompleted);
        pane.send();
        if (!failure.isEmpty()) {
            QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, kWaitMs);
            QVERIFY2(pane.responseView()->errorText().contains(failure), qPrintable(pane.responseView()->errorText()));
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->isOpen() && pane.responseView()->statusText().startsWith(QStringLiteral("WebSocket open")), kWaitMs);
        const CertificateView *certificate = pane.responseView()->certificateView();
        QCOMPARE(valueOf(*certificate->model(), QStringLiteral("Leaf subject")), QStringLiteral("localhost"));
        QVERIFY2(certificate->summary().contains(QStringLiteral("TLSv1.3")), qPrintable(certificate->summary()));
        QCOMPARE(certificate->summary().contains(QStringLiteral("Verification was OFF")), skipVerification);
        panel->closeSocket();
        QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, kWaitMs);
        const auto record = completed.first().at(0).value<client::CallRecord>();
        QVERIFY(record.tls.secured);
        QCOMPARE(record.warnings.join(' ').contains(QStringLiteral("verification is off")), skipVerification);
    }
};

QTEST_MAIN(TestWebSocketPanel)
#include "test_websocketpanel.moc"
