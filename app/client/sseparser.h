#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace triptych::client {

namespace sselimits {
constexpr qsizetype kMaxLineBytes = 8 * 1024 * 1024; // one line, or one event's joined data; a longer one is an error
} // namespace sselimits

// One Server-Sent Event: its `event:` name (default "message"), its joined `data:` lines and its `id:`.
struct SseEvent {
    QByteArray event;
    QByteArray data;
    QByteArray id;
    qint64 wireBytes = 0;
};

// Incremental text/event-stream parser (WHATWG HTML §9.2): feed chunks as they arrive, take whole events out.
// Lines end at CRLF, LF or a lone CR; each byte is looked at once, so the cost is linear in the stream however it is
// cut. Comment lines (heartbeats) produce no event. A line or an event's data longer than the limit stops the parser:
// errorMessage() says why and later chunks are ignored.
class SseParser {
public:
    explicit SseParser(qsizetype maxLineBytes = sselimits::kMaxLineBytes)
        : m_maxLineBytes(maxLineBytes) {}

    QList<SseEvent> feed(const QByteArray &chunk);
    QString errorMessage() const { return m_error; }

private:
    void takeLine(const QByteArray &line, QList<SseEvent> &events);
    bool fits(qsizetype bytes);

    qsizetype m_maxLineBytes;
    QByteArray m_line; // the unfinished line
    SseEvent m_current;
    bool m_hasData = false;
    bool m_afterCr = false; // the last line ended at CR: an LF right after it belongs to that line end
    QString m_error;
};

} // namespace triptych::client
