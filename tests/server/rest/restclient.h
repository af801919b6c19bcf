#pragma once

// Small helpers shared by the REST test executables: one request over a fresh raw socket, JSON and gzip decoding.
#include "tests/support/rawhttpconnection.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <zlib.h>

#include <optional>

namespace triptych::testing {

inline std::optional<RawResponse> request(quint16 port, const QByteArray &method, const QByteArray &path,
                                          const QByteArray &headers = {}, const QByteArray &body = {}) {
    RawHttpConnection connection;
    if (!connection.connectTo(port))
        return std::nullopt;
    QByteArray bytes = method + ' ' + path + " HTTP/1.1\r\nHost: test\r\n" + headers;
    if (!body.isEmpty() || method == "POST")
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    connection.send(bytes + "\r\n" + body);
    return connection.readResponse(10000, method == "HEAD");
}

inline QJsonDocument parseJson(const QByteArray &body) {
    return QJsonDocument::fromJson(body);
}

// Inflates a gzip member (zlib's windowBits 15 + 16); empty on error.
inline QByteArray gunzip(const QByteArray &data) {
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    char buffer[16384];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof(buffer);
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof(buffer) - stream.avail_out));
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

inline const QByteArray kBearer = "Authorization: Bearer demo-token\r\n";
inline const QByteArray kApiKey = "X-API-Key: demo-key\r\n";
inline const QByteArray kJson = "Content-Type: application/json\r\n";

} // namespace triptych::testing
