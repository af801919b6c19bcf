#include "app/client/sseparser.h"

#include "app/client/responselimit.h"

namespace triptych::client {

QList<SseEvent> SseParser::feed(const QByteArray &chunk) {
    QList<SseEvent> events;
    const char *bytes = chunk.constData();
    const qsizetype size = chunk.size();
    qsizetype start = 0;
    for (qsizetype at = 0; at < size && m_error.isEmpty(); ++at) {
        const char byte = bytes[at];
        if (m_afterCr) {
            m_afterCr = false;
            if (byte == '\n') {
                ++m_current.wireBytes;
                start = at + 1;
                continue;
            }
        }
        if (byte != '\n' && byte != '\r')
            continue;
        if (!fits(m_line.size() + (at - start)))
            break;
        m_line.append(bytes + start, at - start);
        m_current.wireBytes += m_line.size() + 1;
        m_afterCr = byte == '\r';
        takeLine(m_line, events);
        m_line.clear();
        start = at + 1;
    }
    if (m_error.isEmpty() && start < size && fits(m_line.size() + (size - start)))
        m_line.append(bytes + start, size - start);
    return events;
}

bool SseParser::fits(qsizetype bytes) {
    if (bytes <= m_maxLineBytes)
        return true;
    m_error =
        QStringLiteral("The server sent an event-stream line or event longer than %1").arg(sizeText(m_maxLineBytes));
    m_line.clear();
    m_current = {};
    return false;
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
        if (!fits(m_current.data.size() + 1 + value.size()))
            return;
        if (m_hasData)
            m_current.data += '\n';
        m_current.data += value;
        m_hasData = true;
    } else if (field == "id") {
        m_current.id = value;
    }
}

} // namespace triptych::client
