// The REST phases split where the request's last byte left: a server that answers only after a known pause shows
// that pause as "wait", never as "send", and the real server's own Server-Timing total fits inside "wait".
#include "app/client/restcaller.h"
#include "tests/app/client/testserver.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace triptych;
using namespace triptych::client;

namespace {
constexpr int kWaitMs = 10'000;
constexpr int kPauseMs = 40;       // how long the slow server thinks before it answers
constexpr qint64 kRoundingUs = 10; // Server-Timing carries milliseconds with two decimals
constexpr int kRuns = 5;

CallRecord lastRecord(const QSignalSpy &spy) {
    return spy.last().at(0).value<CallRecord>();
}

// Answers each request (read up to its blank line) after kPauseMs; the connection stays open for the next one.
class SlowServer : public QTcpServer {
public:
    SlowServer() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [socket] { onData(socket); });
        });
    }

private:
    static void onData(QTcpSocket *socket) {
        socket->setProperty("request", socket->property("request").toByteArray() + socket->readAll());
        if (!socket->property("request").toByteArray().contains("\r\n\r\n"))
            return;
        socket->setProperty("request", QByteArray());
        QTimer::singleShot(kPauseMs, socket, [socket] {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
        });
    }
};

qint64 serverTotalUs(const QByteArray &header) {
    static const QRegularExpression total(QStringLiteral("total;dur=([0-9.]+)"));
    const auto match = total.match(QString::fromLatin1(header));
    return match.hasMatch() ? qint64(match.captured(1).toDouble() * 1000.0 + 0.5) : -1;
}
} // namespace

class TestRestPhases : public QObject {
    Q_OBJECT
    std::unique_ptr<OrderServer> m_server;
    SlowServer m_slow;

private Q_SLOTS:
    void initTestCase() {
        m_server = testing::startTestServer();
        QVERIFY(m_server);
        QVERIFY(m_slow.listen(QHostAddress::LocalHost, 0));
    }
    void cleanupTestCase() { m_server.reset(); }

    void pauseIsWaitNotSend_data() {
        QTest::addColumn<QByteArray>("method");
        for (int run = 0; run < kRuns; ++run) {
            QTest::addRow("GET %d", run) << QByteArray("GET");
            QTest::addRow("POST %d", run) << QByteArray("POST");
        }
    }
    void pauseIsWaitNotSend() {
        QFETCH(QByteArray, method);
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        RestRequest request;
        request.method = method;
        request.url = QStringLiteral("http://127.0.0.1:%1/slow").arg(m_slow.serverPort());
        request.fetchServerTrace = false;
        if (method == "POST") {
            request.bodyKind = BodyKind::Json;
            request.body = QByteArray(R"({"padding":")") + QByteArray(4000, 'x') + "\"}";
        }
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto timings = lastRecord(finished).timings;
        QVERIFY(timings.sentUs.has_value() && timings.firstByteUs.has_value());
        // The pause happened after the request had left: all of it is waiting, none of it sending.
        QVERIFY2(*timings.firstByteUs >= kPauseMs * 1000, qPrintable(QString::number(*timings.firstByteUs)));
        QVERIFY2(*timings.sentUs < kPauseMs * 1000, qPrintable(QString::number(*timings.sentUs)));
        QVERIFY(timings.connectUs.value_or(0) + *timings.sentUs + *timings.firstByteUs <= timings.totalUs);
    }

    void serverTimeFitsInWait_data() {
        QTest::addColumn<QString>("path");
        for (int run = 0; run < kRuns; ++run)
            QTest::addRow("orders %d", run) << QStringLiteral("/v1/users/42/orders");
    }
    void serverTimeFitsInWait() {
        QFETCH(QString, path);
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        RestRequest request;
        request.url = testing::httpBase(*m_server) + path;
        request.fetchServerTrace = false;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = lastRecord(finished);
        const qint64 serverUs = serverTotalUs(record.header("Server-Timing"));
        QVERIFY(serverUs > 0);
        QVERIFY(record.timings.firstByteUs.has_value());
        QVERIFY2(*record.timings.firstByteUs + kRoundingUs >= serverUs,
                 qPrintable(QStringLiteral("wait %1 µs, server %2 µs").arg(*record.timings.firstByteUs).arg(serverUs)));
    }
};

QTEST_GUILESS_MAIN(TestRestPhases)
#include "test_restphases.moc"
