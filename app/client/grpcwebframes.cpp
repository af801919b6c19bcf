#include "app/client/grpcwebframes.h"

namespace triptych::client {
namespace {

constexpr qsizetype kFrameHeaderBytes = 5;
constexpr quint8 kTrailerFlag = 0x80;
constexpr quint8 kCompressedFlag = 0x01;

bool isBase64Character(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
           c == '=';
}

} // namespace

QString toString(GrpcTransport transport) {
    switch (transport) {
    case GrpcTransport::GrpcWeb:
        return QStringLiteral("grpc-web");
    case GrpcTransport::GrpcWebText:
        return QStringLiteral("grpc-web-text");
    case GrpcTransport::Grpc:
        break;
    }
    return QStringLiteral("grpc");
}

bool grpcTransportFromString(const QString &text, GrpcTransport *transport) {
    for (const auto candidate : {GrpcTransport::Grpc, GrpcTransport::GrpcWeb, GrpcTransport::GrpcWebText}) {
        if (text == toString(candidate)) {
            *transport = candidate;
            return true;
        }
    }
    return false;
}

QList<GrpcWebFrame> GrpcWebDecoder::feed(const QByteArray &chunk) {
    if (!m_error.isEmpty())
        return {};
    if (!m_text) {
        m_pending += chunk;
        return takeFrames();
    }
    for (const char c : chunk) {
        if (c == '\r' || c == '\n')
            continue;
        if (!isBase64Character(c)) {
            m_error = QStringLiteral("The gRPC-Web text answer holds a character that is not base64");
            return {};
        }
        m_base64 += c;
    }
    // Decode whole groups of four; a group ending in '=' closes a piece, and the next piece starts fresh.
    qsizetype start = 0;
    qsizetype end = 0;
    for (; end + 4 <= m_base64.size(); end += 4) {
        if (m_base64.at(end + 3) == '=') {
            m_pending += QByteArray::fromBase64(m_base64.mid(start, end + 4 - start));
            start = end + 4;
        }
    }
    m_pending += QByteArray::fromBase64(m_base64.mid(start, end - start));
    m_base64.remove(0, end);
    return takeFrames();
}

QList<GrpcWebFrame> GrpcWebDecoder::takeFrames() {
    QList<GrpcWebFrame> frames;
    qsizetype at = 0;
    while (m_pending.size() - at >= kFrameHeaderBytes) {
        const auto flags = quint8(m_pending[at]);
        quint32 length = 0;
        for (int i = 1; i < kFrameHeaderBytes; ++i)
            length = length << 8 | quint8(m_pending[at + i]);
        if (flags & kCompressedFlag) {
            m_error = QStringLiteral("The server sent a compressed gRPC-Web frame, which was not asked for");
            break;
        }
        if (m_pending.size() - at - kFrameHeaderBytes < qsizetype(length))
            break;
        frames.append({(flags & kTrailerFlag) != 0, m_pending.mid(at + kFrameHeaderBytes, length)});
        at += kFrameHeaderBytes + length;
    }
    m_pending.remove(0, at);
    return frames;
}

bool isGrpcWebAnswer(const CallRecord &record) {
    if (record.kind != CallKind::Grpc)
        return false;
    for (const auto &[name, value] : record.responseHeaders)
        if (name.compare("content-type", Qt::CaseInsensitive) == 0)
            return value.startsWith("application/grpc-web");
    return false;
}

QByteArray grpcWebRequestBody(const QByteArray &message, bool text) {
    QByteArray framed(kFrameHeaderBytes, '\0');
    const auto length = quint32(message.size());
    for (int i = 0; i < 4; ++i)
        framed[1 + i] = char((length >> (24 - 8 * i)) & 0xFF);
    framed += message;
    return text ? framed.toBase64() : framed;
}

HeaderList grpcWebTrailers(const QByteArray &payload) {
    HeaderList trailers;
    for (const auto &line : payload.split('\n')) {
        const auto colon = line.indexOf(':');
        if (colon > 0)
            trailers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return trailers;
}

} // namespace triptych::client
