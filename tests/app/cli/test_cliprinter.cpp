#include "app/cli/cliprinter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace triptych::cli;
using namespace triptych::client;

namespace {

// A printer over two buffers, standing in for stdout and stderr.
struct Captured {
    QBuffer out;
    QBuffer err;
    CliPrinter printer{out, err};
    Captured() {
        out.open(QIODevice::WriteOnly);
        err.open(QIODevice::WriteOnly);
    }
};

CallRecord restRecord(int status, const QByteArray &body) {
    CallRecord record;
    record.method = QStringLiteral("GET");
    record.url = QStringLiteral("http://127.0.0.1:8080/v1/users/42");
    record.httpVersion = QStringLiteral("HTTP/1.1");
    record.httpStatus = status;
    record.body = body;
    record.timings.totalUs = 1500;
    record.sizes.responseBodyWireBytes = body.size();
    record.sizes.responseBodyDecodedBytes = body.size();
    if (status >= 400)
        record.error = {ErrorKind::HttpStatus, QStringLiteral("HTTP %1").arg(status), QStringLiteral("check it")};
    return record;
}

StreamMessage message(bool outgoing, const QString &event, const QByteArray &body) {
    return {outgoing, 1000, body.size(), event, body};
}

} // namespace

class TestCliPrinter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formatDuration_data() {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << "0.00 ms";
        QTest::newRow("two decimals below 10 ms") << qint64(1234) << "1.23 ms";
        QTest::newRow("one decimal from 10 ms") << qint64(10'000) << "10.0 ms";
        QTest::newRow("seconds stay in ms") << qint64(2'563'300) << "2563.3 ms";
    }
    void formatDuration() {
        QFETCH(qint64, micros);
        QFETCH(QString, text);
        QCOMPARE(::formatDuration(micros), text);
    }

    void formatBytes_data() {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown") << qint64(-1) << "?";
        QTest::newRow("zero") << qint64(0) << "0 B";
        QTest::newRow("just below a KB") << qint64(1023) << "1023 B";
        QTest::newRow("one KB") << qint64(1024) << "1.0 KB";
        QTest::newRow("a KB and a half") << qint64(1536) << "1.5 KB";
        QTest::newRow("one MB") << qint64(1024 * 1024) << "1.0 MB";
    }
    void formatBytes() {
        QFETCH(qint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(::formatBytes(bytes), text);
    }

    void humanRecord_data() {
        QTest::addColumn<CallRecord>("record");
        QTest::addColumn<bool>("streamed");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<QString>("err");

        const QByteArray user = R"({"name":"Ada","id":42})";
        QTest::newRow("body indented in the server's order")
            << restRecord(200, user) << false << QByteArray("{\n  \"name\": \"Ada\",\n  \"id\": 42\n}\n")
            << "HTTP/1.1 200  1.50 ms  22 B\n";

        auto traced = restRecord(200, "{}");
        traced.traceId = QStringLiteral("0af7651916cd43dd8448eb211c80319c");
        traced.traceSource = TraceSource::DebugTraces;
        traced.spans = {{}, {}};
        traced.spans[0].fromServer = true;
        QTest::newRow("trace") << traced << false << QByteArray("{}\n")
                               << "HTTP/1.1 200  1.50 ms  2 B  trace 0af7651916cd43dd8448eb211c80319c (1 server "
                                  "spans from /debug/traces)\n";

        auto gzip = restRecord(200, "plain text");
        gzip.sizes.responseBodyWireBytes = 100;
        gzip.sizes.responseBodyDecodedBytes = 4096;
        QTest::newRow("gzip, not JSON") << gzip << false << QByteArray("plain text")
                                        << "HTTP/1.1 200  1.50 ms  100 B (4.0 KB decoded)\n";

        QTest::newRow("binary body unchanged") << restRecord(200, QByteArray("\x89PNG\0\xff", 6)) << false
                                               << QByteArray("\x89PNG\0\xff", 6) << "HTTP/1.1 200  1.50 ms  6 B\n";

        QTest::newRow("HTTP error") << restRecord(404, R"({"error":"NOT_FOUND"})") << false
                                    << QByteArray("{\n  \"error\": \"NOT_FOUND\"\n}\n")
                                    << "HTTP/1.1 404  1.50 ms  21 B\nerror: HTTP 404 — check it\n";

        CallRecord refused;
        refused.timings.totalUs = 300;
        refused.error = {ErrorKind::Refused, QStringLiteral("Connection refused on 127.0.0.1:1"),
                         QStringLiteral("is the server running?")};
        QTest::newRow("refused") << refused << false << QByteArray()
                                 << "REFUSED  0.30 ms  0 B\nerror: Connection refused on 127.0.0.1:1 — is the server "
                                    "running?\n";

        CallRecord grpc;
        grpc.kind = CallKind::Grpc;
        grpc.grpcCode = 5;
        grpc.grpcDetailsJson = R"({"reason":"USER_NOT_FOUND"})";
        grpc.sizes.responseBodyWireBytes = -1;
        grpc.sizes.responseBodyDecodedBytes = -1;
        grpc.error = {ErrorKind::GrpcStatus, QStringLiteral("NOT_FOUND: no user 9"), {}};
        QTest::newRow("gRPC status with details")
            << grpc << false << QByteArray()
            << "details: {\n  \"reason\": \"USER_NOT_FOUND\"\n}\nNOT_FOUND  0.00 ms  ?\nerror: NOT_FOUND: no user 9\n";

        auto stream = restRecord(200, "last");
        stream.messages = {message(true, {}, "a"), message(false, {}, "b"), message(false, {}, "c")};
        stream.closeCode = 1000;
        stream.closeReason = QStringLiteral("closed by the client");
        stream.warnings = {QStringLiteral("TLS verification is off")};
        QTest::newRow("streamed, closed, warned")
            << stream << true << QByteArray()
            << "HTTP/1.1 200  1.50 ms  4 B  2 messages received  closed 1000 (closed by the client)\n"
               "warning: TLS verification is off\n";

        auto closed = restRecord(101, {});
        closed.closeCode = 4403;
        QTest::newRow("close without a reason")
            << closed << false << QByteArray() << "HTTP/1.1 101  1.50 ms  0 B  closed 4403\n";
    }
    void humanRecord() {
        QFETCH(CallRecord, record);
        QFETCH(bool, streamed);
        QFETCH(QByteArray, out);
        QFETCH(QString, err);
        Captured captured;
        captured.printer.printRecord(record, false, false, streamed);
        QCOMPARE(captured.out.data(), out);
        QCOMPARE(QString::fromUtf8(captured.err.data()), err);
    }

    void jsonRecordIsTheWholeRecordOnOut() {
        auto record = restRecord(404, R"({"error":"NOT_FOUND"})");
        record.traceId = QStringLiteral("abc");
        Captured captured;
        captured.printer.printRecord(record, true, true, true);
        QCOMPARE(captured.err.data(), QByteArray()); // no summary, no details: stdout is the JSON alone
        QJsonParseError error{};
        const auto json = QJsonDocument::fromJson(captured.out.data(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json.value("kind").toString(), "rest");
        QCOMPARE(json.value("trace_id").toString(), "abc");
        QCOMPARE(json.value("request").toObject().value("method").toString(), "GET");
        const auto response = json.value("response").toObject();
        QCOMPARE(response.value("status").toInt(), 404);
        QCOMPARE(response.value("body").toObject().value("error").toString(), "NOT_FOUND");
        QCOMPARE(json.value("error").toObject().value("kind").toString(), "http_status");
        QCOMPARE(json.value("timings").toObject().value("total_us").toInt(), 1500);
    }

    void verboseAddsHeadersTrailersRedirectsAndSpans() {
        auto record = restRecord(200, "{}");
        record.responseHeaders = {{"Content-Type", "application/json"}};
        record.trailers = {{"grpc-status", "0"}};
        record.redirects = {QStringLiteral("301 → http://127.0.0.1:8080/v1/users/42")};
        TraceSpan span;
        span.name = QStringLiteral("GET /v1/users/{id}");
        span.fromServer = true;
        span.startUs = 100;
        span.durationUs = 900;
        record.spans = {span};
        Captured captured;
        captured.printer.printRecord(record, false, true, false);
        QCOMPARE(captured.out.data(), QByteArray("{}\n"));
        QCOMPARE(QString::fromUtf8(captured.err.data()), "< Content-Type: application/json\n"
                                                         "< (trailer) grpc-status: 0\n"
                                                         "redirect 301 → http://127.0.0.1:8080/v1/users/42\n"
                                                         "  server GET /v1/users/{id} +0.10 ms 0.90 ms\n"
                                                         "HTTP/1.1 200  1.50 ms  2 B\n");
    }

    void streamMessage_data() {
        QTest::addColumn<bool>("outgoing");
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("err");
        QTest::newRow("received SSE event") << false << "order"
                                            << "< +1.00 ms 7 B order\n";
        QTest::newRow("sent gRPC message") << true << ""
                                           << "> +1.00 ms 7 B\n";
    }
    void streamMessage() {
        QFETCH(bool, outgoing);
        QFETCH(QString, event);
        QFETCH(QString, err);
        Captured captured;
        captured.printer.printStreamMessage(message(outgoing, event, R"({"a":1})"));
        QCOMPARE(QString::fromUtf8(captured.err.data()), err);
        QCOMPARE(captured.out.data(), QByteArray("{\"a\":1}\n"));
    }

    void webSocketMessage_data() {
        QTest::addColumn<bool>("outgoing");
        QTest::addColumn<QString>("event");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("out");
        const QByteArray next = R"({"id":"1","type":"next","payload":{"data":{"n":1}}})";
        QTest::newRow("next: the payload") << false << "next" << next << QByteArray("{\"data\":{\"n\":1}}\n");
        QTest::newRow("legacy data") << false << "data" << QByteArray(R"({"type":"data","payload":{"data":{}}})")
                                     << QByteArray("{\"data\":{}}\n");
        QTest::newRow("error: an array") << false << "error"
                                         << QByteArray(R"({"type":"error","payload":[{"message":"no"}]})")
                                         << QByteArray("[{\"message\":\"no\"}]\n");
        QTest::newRow("ack: nothing on out")
            << false << "connection_ack" << QByteArray(R"({"type":"connection_ack"})") << QByteArray();
        QTest::newRow("sent next-like: nothing on out") << true << "next" << next << QByteArray();
    }
    void webSocketMessage() {
        QFETCH(bool, outgoing);
        QFETCH(QString, event);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, out);
        Captured captured;
        captured.printer.printWebSocketMessage(message(outgoing, event, body));
        QCOMPARE(captured.out.data(), out);
        const QString head = QStringLiteral("%1 +1.00 ms %2 B %3\n")
                                 .arg(outgoing ? QStringLiteral(">") : QStringLiteral("<"))
                                 .arg(body.size())
                                 .arg(event);
        QCOMPARE(QString::fromUtf8(captured.err.data()), head);
    }

    void errorAndOut() {
        Captured captured;
        captured.printer.printError(QStringLiteral("no command given"));
        captured.printer.printOut(QStringLiteral("list ✓\n"));
        QCOMPARE(QString::fromUtf8(captured.err.data()), "error: no command given\n");
        QCOMPARE(QString::fromUtf8(captured.out.data()), "list ✓\n");
    }

    void freeFunctionsFollowTheCurrentPrinter() {
        QCOMPARE(&currentPrinter(), &CliPrinter::standard());
        Captured captured;
        setCurrentPrinter(&captured.printer);
        printOut(QStringLiteral("table\n"));
        printError(QStringLiteral("reflection failed"));
        setCurrentPrinter(nullptr);
        QCOMPARE(&currentPrinter(), &CliPrinter::standard());
        QCOMPARE(captured.out.data(), QByteArray("table\n"));
        QCOMPARE(captured.err.data(), QByteArray("error: reflection failed\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliPrinter)
#include "test_cliprinter.moc"
