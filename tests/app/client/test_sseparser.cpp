#include "app/client/sseparser.h"

#include <QTest>

using namespace triptych::client;

namespace {
QByteArray describe(const QList<SseEvent> &events) {
    QByteArray out;
    for (const auto &event : events)
        out += event.event + '=' + event.data + (event.id.isEmpty() ? QByteArray() : '#' + event.id) + ';';
    return out;
}

// Feeds the stream `chunk` bytes at a time.
QList<SseEvent> feedInPieces(SseParser &parser, const QByteArray &stream, qsizetype chunk) {
    QList<SseEvent> events;
    for (qsizetype at = 0; at < stream.size(); at += chunk)
        events += parser.feed(stream.mid(at, chunk));
    return events;
}
} // namespace

class TestSseParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void endsLinesAtCrLfAndCrLf_data() {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QByteArray>("events");
        QTest::newRow("LF") << QByteArray("data: a\n\nevent: x\ndata: b\nid: 7\n\n") << QByteArray("message=a;x=b#7;");
        QTest::newRow("CRLF") << QByteArray("data: a\r\n\r\nevent: x\r\ndata: b\r\n\r\n")
                              << QByteArray("message=a;x=b;");
        QTest::newRow("lone CR") << QByteArray("data: a\r\rdata: b\rdata: c\r\r")
                                 << QByteArray("message=a;message=b\nc;");
        QTest::newRow("mixed") << QByteArray("data: a\r\ndata: b\rdata: c\n\r\n") << QByteArray("message=a\nb\nc;");
        QTest::newRow("comments and no data") << QByteArray(": ping\r\revent: x\r\r") << QByteArray();
        QTest::newRow("unfinished event") << QByteArray("data: a\n") << QByteArray();
    }

    void endsLinesAtCrLfAndCrLf() {
        QFETCH(QByteArray, stream);
        QFETCH(QByteArray, events);
        SseParser whole;
        QCOMPARE(describe(whole.feed(stream)), events);
        // However the stream is cut — a CRLF split between two chunks included — the events are the same.
        for (const qsizetype chunk : {1, 2, 3, 5}) {
            SseParser pieces;
            QCOMPARE(describe(feedInPieces(pieces, stream, chunk)), events);
        }
    }

    void countsWireBytesOfEachEvent() {
        SseParser parser;
        const auto events = parser.feed("data: a\n\ndata: bc\n\n");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).wireBytes, qint64(9));
        QCOMPARE(events.at(1).wireBytes, qint64(10));
        // With CRLF the LF of a closing line end may count towards the next event, but no byte is lost or doubled.
        SseParser crlf;
        const QByteArray stream("data: a\r\n\r\ndata: bc\r\n\r\n");
        const auto again = crlf.feed(stream);
        QCOMPARE(again.size(), 2);
        QCOMPARE(again.at(0).wireBytes + again.at(1).wireBytes + 1, qint64(stream.size()));
    }

    // Byte by byte, a 4 MB line is looked at once: rescanning the buffer per chunk would take hours here.
    void aLongLineInTinyChunksCostsItsLength() {
        SseParser parser;
        QVERIFY(parser.feed("data: ").isEmpty());
        const QByteArray byte("x");
        for (int i = 0; i < 4 * 1024 * 1024; ++i)
            QVERIFY(parser.feed(byte).isEmpty());
        const auto events = parser.feed("\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).data.size(), 4 * 1024 * 1024);
        QVERIFY(parser.errorMessage().isEmpty());
    }

    void aLineBeyondTheLimitStopsTheParser_data() {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("one line that never ends") << QByteArray("data: ") + QByteArray(2000, 'x');
        QTest::newRow("an event of many data lines") << QByteArray("data: 0123456789\n").repeated(200);
    }

    void aLineBeyondTheLimitStopsTheParser() {
        QFETCH(QByteArray, stream);
        SseParser parser(1024);
        feedInPieces(parser, stream, 100);
        QCOMPARE(parser.errorMessage(),
                 QStringLiteral("The server sent an event-stream line or event longer than 1 KB"));
        // Once stopped it takes nothing more, so memory stays bounded whatever follows.
        QVERIFY(parser.feed("\n\ndata: late\n\n").isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestSseParser)
#include "test_sseparser.moc"
