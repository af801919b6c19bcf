#include "app/client/sseparser.h"

namespace triptych::client {

QList<SseEvent> SseParser::feed(const QByteArray &chunk) {
    QList<SseEvent> events;
    m_buffer += chunk;
    qsizetype start = 0;
    while (true) {
        const qsizetype end = m_buffer.indexOf('\n', start);
        if (end < 0)
            break;
        QByteArray line = m_buffer.mid(start, end - start);
        m_current.wireBytes += line.size() + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        takeLine(line, events);
        start = end + 1;
    }
    m_buffer.remove(0, start);
    return events;
}

void SseParser::takeLine(const QByteArray &line, QList<SseEvent> &events) {
    if (line.isEmpty()) {
        if (m_hasData) {
            if (m_current.event.isEmpty())
                m_current.event = "message";
            events.append(m_current);
        }
        m_current = {};
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "event") {
        m_current.event = value;
    } else if (field == "data") {
        if (m_hasData)
            m_current.data += '\n';
        m_current.data += value;
        m_hasData = true;
    } else if (field == "id") {
        m_current.id = value;
    }
}

} // namespace triptych::client
