#include "app/client/grpccall.h"

#include "app/client/callerrors.h"
#include "app/client/grpcchannels.h"
#include "app/client/grpcmessagedecoder.h"
#include "app/client/grpcphases.h"
#include "app/client/grpcstatusdetails.h"
#include "app/client/responselimit.h"

#include <QThreadPool>

#include <algorithm>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

namespace triptych::client {

namespace {

// Channels connecting for a first call wait here, off the caller's thread and off the pool that formats bodies (a
// silent host keeps a connect waiting until the call's deadline).
constexpr int kMaxConnectWaits = 4;
Q_GLOBAL_STATIC(QThreadPool, connectPool)

// Each gRPC message on the wire is framed by 1 compression flag byte and a 4-byte length.
constexpr qint64 kGrpcFrameHeaderBytes = 5;

QByteArray toBytes(const grpc::ByteBuffer &buffer) {
    grpc::Slice slice;
    if (!buffer.TrySingleSlice(&slice).ok())
        buffer.DumpToSingleSlice(&slice);
    return {reinterpret_cast<const char *>(slice.begin()), qsizetype(slice.size())};
}

grpc::ByteBuffer toBuffer(const std::string &bytes) {
    grpc::Slice slice(bytes);
    return grpc::ByteBuffer(&slice, 1);
}

HeaderList toHeaders(const std::multimap<grpc::string_ref, grpc::string_ref> &metadata, qint64 *bytes) {
    HeaderList headers;
    for (const auto &[key, value] : metadata) {
        headers.append(
            {QByteArray(key.data(), qsizetype(key.size())), QByteArray(value.data(), qsizetype(value.size()))});
        *bytes += qint64(key.size() + value.size());
    }
    return headers;
}

} // namespace

GrpcCall::GrpcCall(CallRecord record, GrpcRequest request, GrpcSchemaPtr schema,
                   const google::protobuf::MethodDescriptor *method, MessageSink onMessage, DoneSink onDone)
    : m_record(std::move(record))
    , m_request(std::move(request))
    , m_schema(std::move(schema))
    , m_method(method)
    , m_onMessage(std::move(onMessage))
    , m_onDone(std::move(onDone)) {}

qint64 GrpcCall::elapsedUs() const {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m_started).count();
}

void GrpcCall::setUpContext() {
    m_context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(m_request.deadlineMs));
    if (m_request.gzip)
        m_context.set_compression_algorithm(GRPC_COMPRESS_GZIP);
    for (const auto &[key, value] : m_request.metadata) {
        m_context.AddMetadata(key.toLower().toStdString(), value.toStdString());
        m_record.sizes.requestHeaderBytes += key.size() + value.size();
    }
    m_record.requestHeaders = m_request.metadata;
}

void GrpcCall::start() {
    m_self = shared_from_this();
    m_started = std::chrono::steady_clock::now();
    m_maxKeptBytes = effectiveMaxResponseBytes(m_request.maxResponseBytes);
    m_record.method = QLatin1Char('/') + QString::fromStdString(m_method->service()->full_name()) + QLatin1Char('/') +
                      QString::fromStdString(m_method->name());
    m_record.url = m_request.target;
    m_decoder = std::make_shared<GrpcMessageDecoder>(m_schema, m_method->output_type());
    setUpContext();
    if (const QString problem = grpcTlsProblem(m_request.tls); !problem.isEmpty()) {
        m_record.error = {ErrorKind::Tls, problem, QStringLiteral("check the TLS files of the connection")};
        auto keepAlive = std::move(m_self);
        auto done = std::move(m_onDone);
        done(std::move(m_record));
        return;
    }
    m_channel = grpcChannel(m_request.target, m_request.tls);
    m_stub = grpcGenericStub(m_request.target, m_request.tls);
    // Convert every starting message first: a JSON mistake fails the call before anything is sent.
    for (const auto &json : m_request.messages) {
        QString error;
        if (!send(json, &error)) {
            m_record.error = {ErrorKind::InvalidRequest, error, QStringLiteral("fill in the template of the input")};
            auto keepAlive = std::move(m_self);
            auto done = std::move(m_onDone);
            done(std::move(m_record));
            return;
        }
    }
    if (m_channel->GetState(false) == GRPC_CHANNEL_READY) {
        begin();
        return;
    }
    // Waiting blocks: never on the caller's thread. The pool waits for its tasks when the app ends, and a cancelled
    // call stops waiting within one slice.
    auto self = m_self;
    connectPool->setMaxThreadCount(kMaxConnectWaits);
    connectPool->start([self] { self->connectThenBegin(); });
}

void GrpcCall::connectThenBegin() {
    constexpr auto kSlice = std::chrono::milliseconds(20);
    const auto deadline = m_started + std::chrono::milliseconds(m_request.deadlineMs);
    auto state = m_channel->GetState(true);
    while (state != GRPC_CHANNEL_READY && state != GRPC_CHANNEL_TRANSIENT_FAILURE && state != GRPC_CHANNEL_SHUTDOWN &&
           !m_cancelRequested && std::chrono::steady_clock::now() < deadline) {
        m_channel->WaitForStateChange(state, std::chrono::system_clock::now() + kSlice);
        state = m_channel->GetState(false);
    }
    if (state == GRPC_CHANNEL_READY) {
        std::lock_guard lock(m_mutex);
        m_record.timings.connectUs = elapsedUs();
    }
    begin(); // not connected: the call itself fails with gRPC's own status, as it would have
}

void GrpcCall::begin() {
    const bool unary = !m_method->client_streaming() && !m_method->server_streaming();
    if (unary) {
        std::lock_guard lock(m_mutex);
        if (m_outgoing.empty())
            m_outgoing.push_back(toBuffer({})); // a unary call always carries one request
        m_halfClosePending = true;
    }
    startStream();
}

bool GrpcCall::send(const QByteArray &json, QString *error) {
    std::string bytes;
    if (!m_schema->jsonToBinary(m_method->input_type(), json, &bytes, error))
        return false;
    // The JSON as the user wrote it: printing the message back would cost a second conversion per call.
    StreamMessage sent{true, 0, qint64(bytes.size()) + kGrpcFrameHeaderBytes, {}, json.isEmpty() ? "{}" : json};
    bool running = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_halfClosed || m_halfClosePending) {
            *error = QStringLiteral("The call's sending side is already closed");
            return false;
        }
        running = m_streamStarted;
        sent.offsetUs = running ? elapsedUs() : 0;
        m_record.messages.append(sent);
        m_record.requestBody = sent.body;
        m_record.sizes.requestBodyBytes += sent.size;
        m_outgoing.push_back(toBuffer(bytes));
    }
    if (running) {
        if (m_onMessage)
            m_onMessage(m_record.id, sent);
        pump();
    }
    return true;
}

void GrpcCall::halfClose() {
    {
        std::lock_guard lock(m_mutex);
        m_halfClosePending = true;
    }
    pump();
}

void GrpcCall::pump() {
    std::unique_lock lock(m_mutex);
    if (!m_streamStarted || m_writing || m_halfClosed)
        return;
    if (!m_outgoing.empty()) {
        m_writing = true;
        m_writeBuffer = std::move(m_outgoing.front());
        m_outgoing.pop_front();
        if (!m_firstWriteAtUs)
            m_firstWriteAtUs = elapsedUs();
        lock.unlock();
        StartWrite(&m_writeBuffer);
    } else if (m_halfClosePending) {
        m_halfClosed = true;
        lock.unlock();
        StartWritesDone();
    }
}

void GrpcCall::startStream() {
    {
        std::lock_guard lock(m_mutex);
        m_streamStarted = true;
        if (m_request.halfCloseAfterMessages)
            m_halfClosePending = true;
    }
    const std::string path = m_record.method.toStdString();
    m_stub->PrepareBidiStreamingCall(&m_context, path, grpc::StubOptions(), this);
    StartRead(&m_readBuffer);
    pump();
    StartCall();
    std::lock_guard lock(m_mutex);
    m_callStartedAtUs = elapsedUs();
}

void GrpcCall::OnReadInitialMetadataDone(bool ok) {
    if (!ok)
        return;
    std::lock_guard lock(m_mutex);
    m_headersAtUs = elapsedUs();
}

void GrpcCall::OnReadDone(bool ok) {
    if (!ok)
        return; // the stream ended; OnDone follows
    if (recordReceived(m_readBuffer))
        StartRead(&m_readBuffer);
}

bool GrpcCall::recordReceived(const grpc::ByteBuffer &buffer) {
    // The wire bytes only: JSON is made when the message is looked at (StreamMessage::json()).
    const StreamMessage received{false, elapsedUs(),     qint64(buffer.Length()) + kGrpcFrameHeaderBytes,
                                 {},    toBytes(buffer), m_decoder};
    bool overLimit = false;
    {
        std::lock_guard lock(m_mutex);
        m_record.sizes.responseBodyDecodedBytes += received.body.size();
        m_record.sizes.responseBodyWireBytes += received.size;
        const qint64 cost = received.body.size() + responselimits::kStreamMessageOverheadBytes;
        const bool windowFull = m_maxKeptBytes > responselimits::kStreamRecordWindowBytes &&
                                m_keptBytes + cost > responselimits::kStreamRecordWindowBytes;
        m_keptBytes += windowFull ? 0 : cost;
        overLimit = m_keptBytes > m_maxKeptBytes;
        if (overLimit && !m_stopError)
            m_stopError = responseTooLargeError(m_maxKeptBytes, QStringLiteral("The call's messages"));
        if (!m_firstMessageAtUs)
            m_firstMessageAtUs = received.offsetUs;
        if (windowFull) {
            ++m_record.unkeptMessages;
            m_lastReceived = received.body;
        } else if (!overLimit) {
            m_record.messages.append(received);
            m_lastReceived = received.body;
        }
    }
    if (overLimit) {
        m_context.TryCancel(); // outside the lock: OnDone takes it
        return false;
    }
    if (m_onMessage && (m_method->server_streaming() || m_method->client_streaming()))
        m_onMessage(m_record.id, received);
    return true;
}

void GrpcCall::OnWriteDone(bool ok) {
    {
        std::lock_guard lock(m_mutex);
        m_writing = false;
        if (ok && !m_sentAtUs)
            m_sentAtUs = elapsedUs(); // gRPC took the message into the connection: the request has left
        if (!ok) {                    // the call is over; nothing more can be written
            m_outgoing.clear();
            m_halfClosed = true;
        }
    }
    pump();
}

void GrpcCall::OnDone(const grpc::Status &status) {
    finish(status);
}

void GrpcCall::setPhases() {
    // Phases follow one another: connect, send (until the first message was written), wait (until the first
    // message came back, or the headers of an answer without one), receive; grpcphases.h orders the callbacks' moments.
    // The first message is in gRPC's hands once both its StartWrite and StartCall were issued.
    std::optional<qint64> handedOverUs;
    if (m_firstWriteAtUs && m_callStartedAtUs)
        handedOverUs = std::max(*m_firstWriteAtUs, *m_callStartedAtUs);
    setGrpcPhases(
        {m_record.timings.connectUs, handedOverUs, m_sentAtUs, m_headersAtUs, m_firstMessageAtUs, elapsedUs()},
        m_record.timings);
}

void GrpcCall::finish(const grpc::Status &status) {
    std::unique_lock lock(m_mutex);
    setPhases();
    collectGrpcTls(m_context, m_request.tls, m_record);
    m_record.grpcCode = int(status.error_code());
    m_record.grpcMessage = QString::fromStdString(status.error_message());
    m_record.grpcDetailsJson = decodeStatusDetails(status.error_details());
    m_record.responseHeaders = toHeaders(m_context.GetServerInitialMetadata(), &m_record.sizes.responseHeaderBytes);
    m_record.trailers = toHeaders(m_context.GetServerTrailingMetadata(), &m_record.sizes.responseHeaderBytes);
    m_record.remoteAddress = QString::fromStdString(m_context.peer());
    if (m_request.gzip)
        m_record.sizes.responseBodyWireBytes = -1; // compressed on the wire: gRPC does not tell by how much
    if (m_stopError)
        m_record.error = *m_stopError;
    else if (!status.ok())
        m_record.error =
            describeGrpcStatus(m_record.grpcCode, m_record.grpcMessage, m_request.target, m_request.deadlineMs);
    explainGrpcTlsFailure(m_request.tls, m_record);
    if (m_lastReceived)
        m_record.body = m_decoder->toJson(*m_lastReceived); // the one conversion a stream pays as it ends
    CallRecord record = std::move(m_record);
    auto done = std::move(m_onDone);
    auto keepAlive = std::move(m_self); // this object may die when this function returns
    lock.unlock();
    if (done)
        done(std::move(record));
}

} // namespace triptych::client
