#pragma once

#include "app/client/callrecord.h"
#include "app/client/grpcrequest.h"
#include "app/client/grpcschema.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace triptych::client {

// One running gRPC call and its reactor, shared by the caller (send, half-close, cancel from its thread) and gRPC's
// threads. It keeps itself alive until gRPC reports the end. The sinks run on gRPC threads; the caller wraps them
// to post to its own thread.
class GrpcCall : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>,
                 public std::enable_shared_from_this<GrpcCall> {
public:
    using MessageSink = std::function<void(quint64 id, const StreamMessage &message)>;
    using DoneSink = std::function<void(CallRecord record)>;

    GrpcCall(CallRecord record, GrpcRequest request, GrpcSchemaPtr schema,
             const google::protobuf::MethodDescriptor *method, MessageSink onMessage, DoneSink onDone);

    // A generic bidi stream for every kind (it carries all four, and unlike UnaryCall it tells when the request's
    // write completed, which ends the "send" phase).
    // The first call to a target waits for its channel to connect on a worker thread first, so the connection's
    // setup shows as the record's own "connect" phase instead of swelling the call.
    void start();
    // Thread-safe; false with *error when the JSON does not fit or the writing side is closed.
    bool send(const QByteArray &json, QString *error);
    void halfClose();
    void cancel() {
        m_cancelRequested = true;
        m_context.TryCancel();
    }

    void OnReadInitialMetadataDone(bool ok) override;
    void OnReadDone(bool ok) override;
    void OnWriteDone(bool ok) override;
    void OnDone(const grpc::Status &status) override;

private:
    void setUpContext();
    void begin();
    void connectThenBegin();
    void startStream();
    // Starts the next write or the half-close; called without the lock, since gRPC may run callbacks inline.
    void pump();
    // False once the messages outgrow the response size limit: the call is being cancelled.
    bool recordReceived(const grpc::ByteBuffer &buffer);
    void finish(const grpc::Status &status);
    void setPhases(); // with the lock held
    qint64 elapsedUs() const;

    CallRecord m_record;
    GrpcRequest m_request;
    GrpcSchemaPtr m_schema;
    const google::protobuf::MethodDescriptor *m_method;
    MessageSink m_onMessage;
    DoneSink m_onDone;
    std::chrono::steady_clock::time_point m_started;
    grpc::ClientContext m_context;
    std::shared_ptr<grpc::Channel> m_channel;
    std::shared_ptr<grpc::GenericStub> m_stub; // shared by every call to the same target
    std::atomic<bool> m_cancelRequested{false};
    grpc::ByteBuffer m_readBuffer;
    std::shared_ptr<GrpcCall> m_self; // held from start until OnDone

    std::mutex m_mutex; // guards the write queue and m_record while the call runs
    std::deque<grpc::ByteBuffer> m_outgoing;
    grpc::ByteBuffer m_writeBuffer;
    bool m_streamStarted = false;
    bool m_writing = false;
    bool m_halfClosePending = false;
    bool m_halfClosed = false;
    qint64 m_maxKeptBytes = 0;                // the response size limit of this call
    qint64 m_keptBytes = 0;                   // received messages held so far, as wire bytes
    MessageDecoderPtr m_decoder;              // the output type's bytes into JSON, for whoever looks at a message
    std::optional<QByteArray> m_lastReceived; // the last message's bytes: the record's body once the call ends
    std::optional<CallError> m_stopError;
    // Phase ends since the start: the first message's write completed, the server's headers, its first message.
    std::optional<qint64> m_sentAtUs;
    std::optional<qint64> m_firstWriteAtUs;  // the first StartWrite was issued
    std::optional<qint64> m_callStartedAtUs; // StartCall returned
    std::optional<qint64> m_headersAtUs;
    std::optional<qint64> m_firstMessageAtUs;
};

} // namespace triptych::client
