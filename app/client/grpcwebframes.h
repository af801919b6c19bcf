#pragma once

#include "app/client/callrecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace triptych::client {

// How the gRPC pane reaches a target: native gRPC over HTTP/2, or gRPC-Web over HTTP/1.1 (binary or base64 text),
// as a browser behind Envoy's filter would.
enum class GrpcTransport { Grpc, GrpcWeb, GrpcWebText };

QString toString(GrpcTransport transport); // "grpc", "grpc-web", "grpc-web-text"
bool grpcTransportFromString(const QString &text, GrpcTransport *transport);

// One frame of a gRPC-Web answer: a message, or the trailers (flag 0x80) as header lines.
struct GrpcWebFrame {
    bool trailers = false;
    QByteArray payload;
};

// Splits a gRPC-Web body into frames as its chunks arrive; in text mode it decodes base64 first, piece by piece,
// since each chunk of a -text stream may end with its own padding. After an error it takes nothing more.
class GrpcWebDecoder {
public:
    explicit GrpcWebDecoder(bool text = false)
        : m_text(text) {}

    QList<GrpcWebFrame> feed(const QByteArray &chunk);
    // Bytes held that make no whole frame yet: at the end of the body, a cut-off answer.
    bool hasPartialFrame() const { return !m_pending.isEmpty() || !m_base64.isEmpty(); }
    QString errorMessage() const { return m_error; }

private:
    QList<GrpcWebFrame> takeFrames();

    bool m_text;
    QByteArray m_base64;  // text mode: characters not yet decoded (less than a group of four)
    QByteArray m_pending; // decoded bytes not yet a whole frame
    QString m_error;
};

// The size of `binaryBytes` of frames as base64 text (-text mode): four characters per three bytes, padded.
constexpr qint64 grpcWebTextBytes(qint64 binaryBytes) {
    return (binaryBytes + 2) / 3 * 4;
}
// True when the record is a gRPC call answered in gRPC-Web (its content type says so); its decoded body size is
// then the frames' binary size.
bool isGrpcWebAnswer(const CallRecord &record);

// A request body: one message frame, base64-encoded in text mode.
QByteArray grpcWebRequestBody(const QByteArray &message, bool text);
// The header lines of a trailer frame ("grpc-status:0\r\n…"), names in lower case.
HeaderList grpcWebTrailers(const QByteArray &payload);

} // namespace triptych::client
