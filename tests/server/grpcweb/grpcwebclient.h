#pragma once

// A minimal gRPC-Web client for the server tests: one POST over a raw socket, the answer's frames split into
// messages and trailers (decoded from base64 first in text mode).
#include "tests/server/rest/restclient.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

#include <QByteArrayList>
#include <QMap>

#include <google/protobuf/message.h>

namespace triptych::testing {

struct WebAnswer {
    int httpStatus = 0;
    QByteArray contentType;
    RawResponse raw;
    QByteArrayList messages;
    QMap<QByteArray, QByteArray> trailers;
    bool framingOk = true;
    int grpcStatus() const { return trailers.contains("grpc-status") ? trailers.value("grpc-status").toInt() : -1; }
};

inline QByteArray framed(const QByteArray &payload) {
    QByteArray out(5, '\0');
    const auto size = quint32(payload.size());
    for (int i = 0; i < 4; ++i)
        out[1 + i] = char((size >> (24 - 8 * i)) & 0xFF);
    return out + payload;
}

inline QByteArray framed(const google::protobuf::Message &message) {
    return framed(QByteArray::fromStdString(message.SerializeAsString()));
}

// Base64 that may be several padded pieces back to back: decoded piece by piece.
inline QByteArray decodeTextBody(const QByteArray &text) {
    QByteArray out;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); i += 4) {
        if (text.mid(i, 4).contains('=')) {
            out += QByteArray::fromBase64(text.mid(start, i + 4 - start));
            start = i + 4;
        }
    }
    return out + QByteArray::fromBase64(text.mid(start));
}

inline WebAnswer splitFrames(RawResponse raw, bool text) {
    WebAnswer answer;
    answer.httpStatus = raw.status;
    answer.contentType = raw.header("content-type");
    const QByteArray body = text ? decodeTextBody(raw.body) : raw.body;
    answer.raw = std::move(raw);
    qsizetype at = 0;
    while (at < body.size()) {
        if (body.size() - at < 5)
            return answer.framingOk = false, answer;
        const auto flags = quint8(body[at]);
        quint32 length = 0;
        for (int i = 1; i <= 4; ++i)
            length = length << 8 | quint8(body[at + i]);
        if (body.size() - at - 5 < qsizetype(length))
            return answer.framingOk = false, answer;
        const QByteArray payload = body.mid(at + 5, length);
        at += 5 + length;
        if (!(flags & 0x80)) {
            answer.messages << payload;
            continue;
        }
        for (const auto &line : payload.split('\n')) {
            const auto colon = line.indexOf(':');
            if (colon > 0)
                answer.trailers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        if (at != body.size())
            answer.framingOk = false; // nothing may follow the trailers
    }
    return answer;
}

inline std::optional<WebAnswer> callWeb(quint16 port, const QByteArray &method, const QByteArray &payloadFrames,
                                        bool text = false, const QByteArray &headers = {}) {
    const QByteArray type = text ? "application/grpc-web-text" : "application/grpc-web+proto";
    auto raw = request(port, "POST", "/orders.v1.OrderService/" + method,
                       "Content-Type: " + type + "\r\nX-Grpc-Web: 1\r\n" + headers,
                       text ? payloadFrames.toBase64() : payloadFrames);
    if (!raw)
        return std::nullopt;
    return splitFrames(std::move(*raw), text);
}

// The BadRequest field names of grpc-status-details-bin.
inline QStringList violationFields(const WebAnswer &answer) {
    google::rpc::Status status;
    const auto bytes = QByteArray::fromBase64(answer.trailers.value("grpc-status-details-bin"));
    QStringList fields;
    if (!status.ParseFromArray(bytes.constData(), int(bytes.size())))
        return {"<no details>"};
    for (const auto &any : status.details()) {
        google::rpc::BadRequest badRequest;
        if (any.UnpackTo(&badRequest))
            for (const auto &violation : badRequest.field_violations())
                fields << QString::fromStdString(violation.field());
    }
    return fields;
}

} // namespace triptych::testing
