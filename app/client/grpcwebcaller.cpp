#include "app/client/grpcwebcaller.h"

#include "app/client/callerrors.h"
#include "app/client/grpcmessagedecoder.h"
#include "app/client/grpcstatusdetails.h"
#include "app/client/grpcwebframes.h"
#include "app/client/restcaller.h"

#include <QUrl>

#include <google/protobuf/descriptor.h>

namespace triptych::client {
namespace {

constexpr qint64 kFrameHeaderBytes = 5;
// Past the deadline the server itself ends the call with DEADLINE_EXCEEDED; the transfer waits this much longer
// for that answer before it gives up on its own.
constexpr int kDeadlineGraceMs = 2'000;

QString fullMethodName(const google::protobuf::MethodDescriptor &method) {
    return QString::fromStdString(method.service()->full_name()) + QLatin1Char('/') +
           QString::fromStdString(method.name());
}

// The gRPC-Web protocol's mapping of an HTTP status without grpc-status to a gRPC code.
int codeForHttpStatus(int status) {
    switch (status) {
    case 400:
        return 13; // INTERNAL
    case 401:
        return 16; // UNAUTHENTICATED
    case 403:
        return 7; // PERMISSION_DENIED
    case 404:
        return 12; // UNIMPLEMENTED
    case 429:
    case 502:
    case 503:
    case 504:
        return 14; // UNAVAILABLE
    default:
        return 2; // UNKNOWN
    }
}

QByteArray valueOf(const HeaderList &headers, const QByteArray &name) {
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

bool hasField(const HeaderList &headers, const QByteArray &name) {
    for (const auto &field : headers)
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

GrpcWebCaller::GrpcWebCaller(QObject *parent)
    : QObject(parent)
    , m_rest(new RestCaller(this)) {
    connect(m_rest, &RestCaller::messagesReceived, this, &GrpcWebCaller::onMessages);
    connect(m_rest, &RestCaller::callFinished, this, &GrpcWebCaller::onDone);
    connect(m_rest, &RestCaller::callFailed, this, &GrpcWebCaller::onDone);
}

quint64 GrpcWebCaller::call(GrpcSchemaPtr schema, const google::protobuf::MethodDescriptor *method,
                            GrpcRequest request) {
    CallRecord refused;
    refused.id = RestCaller::nextCallId();
    refused.kind = CallKind::Grpc;
    refused.method = QLatin1Char('/') + fullMethodName(*method);
    refused.url = request.target;
    if (method->client_streaming()) {
        refused.error = {
            ErrorKind::InvalidRequest,
            QStringLiteral("%1 streams from the client, which gRPC-Web cannot").arg(fullMethodName(*method)),
            QStringLiteral("call it over gRPC")};
        failSoon(std::move(refused));
        return refused.id;
    }
    const QByteArray json = request.messages.isEmpty() ? QByteArray("{}") : request.messages.first();
    std::string bytes;
    QString error;
    if (!schema->jsonToBinary(method->input_type(), json, &bytes, &error)) {
        refused.error = {ErrorKind::InvalidRequest, error, QStringLiteral("fix the message")};
        failSoon(std::move(refused));
        return refused.id;
    }
    const bool text = request.transport == GrpcTransport::GrpcWebText;
    const QByteArray type = text ? "application/grpc-web-text" : "application/grpc-web+proto";
    RestRequest rest;
    rest.method = "POST";
    rest.url = (request.tls.enabled ? QStringLiteral("https://") : QStringLiteral("http://")) + request.target +
               QLatin1Char('/') + fullMethodName(*method);
    rest.headers = {{"Accept", type},
                    {"X-Grpc-Web", "1"},
                    {"X-User-Agent", "triptych"},
                    {"grpc-timeout", QByteArray::number(request.deadlineMs) + "m"}};
    rest.headers += request.metadata;
    rest.bodyKind = BodyKind::Raw;
    rest.contentType = type;
    rest.body = grpcWebRequestBody(QByteArray::fromStdString(bytes), text);
    rest.tls = {request.tls.caFile, request.tls.clientCertificate, request.tls.clientKey, request.tls.skipVerification,
                request.tls.authority};
    rest.sendTraceparent = request.sendTraceparent;
    rest.fetchServerTrace = !request.traceBaseUrl.isEmpty();
    rest.timeoutMs = request.deadlineMs + kDeadlineGraceMs;
    rest.maxResponseBytes = request.maxResponseBytes;
    rest.kind = CallKind::Grpc;
    StreamMessage sent{true, 0, qint64(bytes.size()) + kFrameHeaderBytes, {}, json};
    const quint64 id = m_rest->send(std::move(rest));
    auto decoder = std::make_shared<GrpcMessageDecoder>(schema, method->output_type());
    m_pending.insert(id, {std::move(schema), method, std::move(request), std::move(sent), std::move(decoder)});
    return id;
}

bool GrpcWebCaller::cancel(quint64 id) {
    if (!m_pending.contains(id))
        return false;
    m_rest->cancel(id);
    return true;
}

void GrpcWebCaller::failSoon(CallRecord record) {
    QMetaObject::invokeMethod(
        this, [this, record] { Q_EMIT callFailed(record); }, Qt::QueuedConnection);
}

void GrpcWebCaller::onMessages(quint64 id, QList<StreamMessage> messages) {
    const auto found = m_pending.constFind(id);
    if (found == m_pending.cend() || !found->method->server_streaming())
        return; // a unary answer shows once the call ends
    // The frames' bytes stay as they are: JSON is made only for what is looked at (StreamMessage::json()).
    for (auto &message : messages)
        message.decoder = found->decoder;
    Q_EMIT messagesReceived(id, messages);
}

void GrpcWebCaller::onDone(CallRecord record) {
    if (!m_pending.contains(record.id))
        return;
    const Pending call = m_pending.take(record.id);
    record.kind = CallKind::Grpc;
    record.method = QLatin1Char('/') + fullMethodName(*call.method);
    record.url = call.request.target;
    decodeAnswer(call, record);
    if (record.transportOk())
        Q_EMIT callFinished(record);
    else
        Q_EMIT callFailed(record);
}

void GrpcWebCaller::decodeAnswer(const Pending &call, CallRecord &record) {
    const bool text = valueOf(record.responseHeaders, "content-type").startsWith("application/grpc-web-text");
    GrpcWebDecoder decoder(text);
    const auto frames = decoder.feed(record.body);
    QList<StreamMessage> messages{call.sent};
    qint64 binaryBytes = 0;
    qsizetype received = 0;
    bool sawTrailers = false;
    for (const auto &frame : frames) {
        binaryBytes += kFrameHeaderBytes + frame.payload.size();
        if (frame.trailers) {
            record.trailers = grpcWebTrailers(frame.payload);
            sawTrailers = true;
            continue;
        }
        // Keep the arrival times the transfer recorded; the frames themselves are the same, in the same order.
        StreamMessage message =
            received < record.messages.size()
                ? record.messages.at(received)
                : StreamMessage{false, record.timings.totalUs, frame.payload.size() + kFrameHeaderBytes, {}, {}};
        ++received;
        message.body = frame.payload;
        message.decoder = call.decoder;
        messages.append(message);
    }
    record.messages = messages;
    record.body = messages.size() > 1 ? messages.constLast().json() : QByteArray();
    record.sizes.responseBodyDecodedBytes = binaryBytes;
    if (!record.transportOk() && record.error.kind != ErrorKind::HttpStatus)
        return; // unreachable, timed out, cancelled: the transfer's own error says it
    // A trailers-only answer carries the status in its headers.
    const HeaderList &status = sawTrailers ? record.trailers : record.responseHeaders;
    if (!hasField(status, "grpc-status")) {
        record.grpcCode = record.httpStatus == 200 ? 13 : codeForHttpStatus(record.httpStatus);
        record.grpcMessage = record.httpStatus == 200
                                 ? QStringLiteral("the gRPC-Web answer ended without trailers")
                                 : QStringLiteral("HTTP %1 without grpc-status").arg(record.httpStatus);
    } else {
        record.grpcCode = valueOf(status, "grpc-status").toInt();
        record.grpcMessage = QUrl::fromPercentEncoding(valueOf(status, "grpc-message"));
        const auto details = QByteArray::fromBase64(valueOf(status, "grpc-status-details-bin"));
        record.grpcDetailsJson = decodeStatusDetails(details.toStdString());
    }
    record.error = record.grpcCode == 0 ? CallError{}
                                        : describeGrpcStatus(record.grpcCode, record.grpcMessage, call.request.target,
                                                             call.request.deadlineMs);
}

} // namespace triptych::client
