#pragma once

#include "app/client/tlsinfo.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

namespace triptych::client {

class BodySpool;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

enum class CallKind { Rest, GraphQL, GraphQLWebSocket, Grpc };

// What went wrong, as a kind the UI can colour and a sentence that says what to check.
// WebSocketClose: the server closed a GraphQL WebSocket with an error code; OperationError: the server answered a
// GraphQL operation over WebSocket with an `error` message (the document failed before execution); TooLarge: the
// answer outgrew the response size limit (app/client/responselimit.h) and the call was stopped.
enum class ErrorKind {
    None,
    InvalidRequest,
    Dns,
    Refused,
    Tls,
    Timeout,
    Cancelled,
    Network,
    HttpStatus,
    GrpcStatus,
    WebSocketClose,
    OperationError,
    TooLarge
};

struct CallError {
    ErrorKind kind = ErrorKind::None;
    QString message; // what failed, e.g. "Connection refused on 127.0.0.1:8081"
    QString hint;    // what to check, e.g. "is the server running? The embedded one listens on 8080."
    QString text() const { return hint.isEmpty() ? message : message + QStringLiteral(" — ") + hint; }
};

// Client phases as durations in microseconds; a phase that did not happen (DNS for an IP literal, connect and TLS
// on a reused connection) stays empty.
struct ClientTimings {
    std::optional<qint64> dnsUs;
    std::optional<qint64> connectUs;
    std::optional<qint64> tlsUs;
    std::optional<qint64> sentUs;
    std::optional<qint64> firstByteUs;
    std::optional<qint64> downloadUs;
    qint64 totalUs = 0;
};

// Bytes on the wire and after decoding (gzip); -1 when the transport does not tell.
struct CallSizes {
    qint64 requestHeaderBytes = 0;
    qint64 requestBodyBytes = 0;
    qint64 responseHeaderBytes = 0;
    qint64 responseBodyWireBytes = 0;
    qint64 responseBodyDecodedBytes = 0;
};

// Turns a message kept as its wire bytes into JSON text when someone looks at it (a gRPC message: only the rows on
// screen, the selected message, checks and exports pay for the conversion, not every message of a fast stream).
// Thread-safe.
class MessageDecoder {
public:
    virtual ~MessageDecoder() = default;
    virtual QByteArray toJson(const QByteArray &wire) const = 0;
};
using MessageDecoderPtr = std::shared_ptr<const MessageDecoder>;

// One message of a stream (SSE event, GraphQL subscription payload, gRPC message), sent or received.
struct StreamMessage {
    bool outgoing = false;
    qint64 offsetUs = 0; // since the call started
    qint64 size = 0;     // bytes of the payload on the wire
    QString event;       // SSE event name or WebSocket message type
    QByteArray body;     // JSON text, or with `decoder` set the message's wire bytes: read it through json()
    MessageDecoderPtr decoder;
    QByteArray json() const { return decoder ? decoder->toJson(body) : body; }
};

// A span on the merged time axis: the client's own phases and the server's recorded spans.
struct TraceSpan {
    QString spanId;
    QString parentSpanId;
    QString name;
    qint64 startUs = 0; // since the call started (client clock)
    qint64 durationUs = 0;
    bool fromServer = false;
    QList<QPair<QString, QString>> attributes;
};

enum class TraceSource { None, DebugTraces, ServerTiming };

// Everything a person wants to know about one call: what was sent, what came back, how long each part took,
// how big it was and what the server did meanwhile.
struct CallRecord {
    quint64 id = 0;
    CallKind kind = CallKind::Rest;
    qint64 startedAtUnixNs = 0;

    // The request as sent.
    QString method; // HTTP method or full gRPC method "/pkg.Service/Method"
    QString url;    // URL or gRPC target
    HeaderList requestHeaders;
    QByteArray requestBody;

    // The response.
    int httpStatus = 0;
    QString httpVersion;
    QString remoteAddress;
    bool connectionReused = false;
    QStringList redirects; // "301 → http://…" per hop that was followed
    HeaderList responseHeaders;
    HeaderList trailers;
    QByteArray body; // when spooled, its start only
    // The whole body on disk when it outgrew RestRequest::spoolAboveBytes (app/client/bodyspool.h).
    std::shared_ptr<BodySpool> spooledBody;
    QList<StreamMessage> messages;
    qint64 unkeptMessages = 0; // received after `messages` filled its window: counted in the sizes, bodies not kept
    int grpcCode = -1;
    QString grpcMessage;
    QByteArray grpcDetailsJson; // google.rpc.Status as JSON, empty when absent
    QString subprotocol;        // WebSocket: the subprotocol the server agreed to
    int closeCode = -1;         // WebSocket: the close code (1000 normal), -1 when the socket never opened
    QString closeReason;        // WebSocket: the reason sent with the close, or who closed

    ClientTimings timings;
    CallSizes sizes;
    TlsInfo tls; // the peer's certificates, protocol and cipher; secured false for plaintext

    QString traceId;
    TraceSource traceSource = TraceSource::None;
    QList<TraceSpan> spans; // client phases and server spans, merged

    CallError error;
    QStringList warnings; // e.g. TLS verification switched off

    bool transportOk() const {
        return error.kind == ErrorKind::None || error.kind == ErrorKind::HttpStatus ||
               error.kind == ErrorKind::GrpcStatus || error.kind == ErrorKind::OperationError;
    }
    bool ok() const { return error.kind == ErrorKind::None; }
    QByteArray header(const QByteArray &name) const;
    int serverSpanCount() const;
};

QString toString(CallKind kind);
QString toString(ErrorKind kind);
QString grpcCodeName(int code);
QJsonObject toJson(const CallRecord &record);

} // namespace triptych::client

Q_DECLARE_METATYPE(triptych::client::CallRecord)
Q_DECLARE_METATYPE(triptych::client::StreamMessage)
Q_DECLARE_METATYPE(triptych::client::CallError)
