#pragma once

#include <QByteArray>
#include <QList>

namespace triptych::client {

// One Server-Sent Event: its `event:` name (default "message"), its joined `data:` lines and its `id:`.
struct SseEvent {
    QByteArray event;
    QByteArray data;
    QByteArray id;
    qint64 wireBytes = 0;
};

// Incremental text/event-stream parser (WHATWG HTML §9.2): feed chunks as they arrive, take whole events out.
// Comment lines (heartbeats) produce no event.
class SseParser {
public:
    QList<SseEvent> feed(const QByteArray &chunk);

private:
    void takeLine(const QByteArray &line, QList<SseEvent> &events);

    QByteArray m_buffer;
    SseEvent m_current;
    bool m_hasData = false;
};

} // namespace triptych::client
