#include "tests/app/cli/clirun.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>

using namespace triptych;

namespace {

constexpr int kLessonMs = 120'000;

// An OTLP/HTTP collector stand-in: answers every POST with 200 and {} and keeps what was posted, by path.
class CollectorStandIn : public QObject {
public:
    CollectorStandIn() {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    QList<QPair<QByteArray, QByteArray>> posts; // request line, body

private:
    void onData(QTcpSocket *socket) {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        static const QRegularExpression length(QStringLiteral("(?i)content-length:\\s*(\\d+)"));
        const auto match = length.match(QString::fromLatin1(buffer.left(end)));
        const qsizetype size = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        if (buffer.size() < end + 4 + size)
            return;
        posts.append({buffer.left(buffer.indexOf("\r\n")), buffer.mid(end + 4, size)});
        buffer.clear();
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QList<QJsonObject> spansOf(const QByteArray &otlp) {
    QList<QJsonObject> spans;
    for (const auto &resource : QJsonDocument::fromJson(otlp).object()["resourceSpans"].toArray()) {
        for (const auto &scope : resource.toObject()["scopeSpans"].toArray()) {
            for (const auto &span : scope.toObject()["spans"].toArray())
                spans << span.toObject();
        }
    }
    return spans;
}

} // namespace

// `triptych-cli lesson one-trace`, whose last step exports a gateway trace over OTLP: with a collector stand-in on
// --var collector=URL every claim holds and the stand-in holds the trace; without one the claim fails and says so.
// (The plain ctest cli_lesson_* runs have no collector, so this test is the one-trace lesson's run.)
class TestCliLesson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exportsTheTraceToTheCollector() {
        CollectorStandIn collector;
        QVERIFY(collector.listen());
        const QString url = QStringLiteral("http://127.0.0.1:%1/v1/traces").arg(collector.port());
        testing::CliRun run({QStringLiteral("lesson"), QStringLiteral("one-trace"), QStringLiteral("--var"),
                             QStringLiteral("collector=") + url});
        QTRY_VERIFY_WITH_TIMEOUT(run.finishCount() == 1, kLessonMs);
        QVERIFY2(run.exitCode() == 0, qPrintable(run.transcript()));
        QVERIFY2(run.out().contains("collector = " + url.toUtf8()), run.out().constData());
        QCOMPARE(collector.posts.size(), 1);
        QCOMPARE(collector.posts.first().first, QByteArray("POST /v1/traces HTTP/1.1"));
        const auto spans = spansOf(collector.posts.first().second);
        const QRegularExpression exported(QStringLiteral("exported: (\\d+) span\\(s\\), the collector answered 200"));
        const auto match = exported.match(QString::fromUtf8(run.out()));
        QVERIFY2(match.hasMatch(), run.out().constData());
        QCOMPARE(spans.size(), match.captured(1).toInt());
        // One trace: GraphQL's request and the gRPC calls its resolvers made in gateway mode.
        QSet<QString> traces;
        bool grpcSpan = false;
        for (const auto &span : spans) {
            traces << span["traceId"].toString();
            grpcSpan = grpcSpan || span["name"].toString().startsWith(QLatin1String("orders.v1.OrderService/"));
        }
        QCOMPARE(traces.size(), 1);
        QVERIFY(grpcSpan);
    }

    void saysSoWithoutACollector() {
        quint16 closed = 0;
        {
            QTcpServer probe; // a port that was free a moment ago and has no listener now
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            closed = probe.serverPort();
        }
        testing::CliRun run({QStringLiteral("lesson"), QStringLiteral("one-trace"), QStringLiteral("--var"),
                             QStringLiteral("collector=http://127.0.0.1:%1/v1/traces").arg(closed)});
        QTRY_VERIFY_WITH_TIMEOUT(run.finishCount() == 1, kLessonMs);
        QCOMPARE(run.exitCode(), 1);
        QVERIFY2(run.out().contains("claim DID NOT HOLD"), run.out().constData());
        QVERIFY2(run.out().contains("The trace was not delivered"), run.out().constData());
    }
};

QTEST_GUILESS_MAIN(TestCliLesson)
#include "test_clilesson.moc"
