#pragma once

#include "app/client/callrecord.h"
#include "app/client/grpcrequest.h"
#include "app/client/grpcschema.h"

#include <QHash>
#include <QObject>

namespace google::protobuf {
class MethodDescriptor;
}

namespace triptych::client {

class RestCaller;

// gRPC calls over gRPC-Web (binary or text) through the libcurl engine: the JSON message framed into a POST to
// /package.Service/Method on the target's HTTP port, the answer's frames decoded into messages, and the trailer
// frame into the status, message and details, as a native call's record has them; the record's decoded body size
// is the frames' binary size (grpcWebTextBytes gives their size as text). Unary and server-streaming
// methods only: gRPC-Web cannot stream from the client. Reports on this object's thread like GrpcCaller.
class GrpcWebCaller : public QObject {
    Q_OBJECT
public:
    explicit GrpcWebCaller(QObject *parent = nullptr);

    quint64 call(GrpcSchemaPtr schema, const google::protobuf::MethodDescriptor *method, GrpcRequest request);
    // False when the id is not one of this caller's calls.
    bool cancel(quint64 id);

Q_SIGNALS:
    // A frame's worth of a server stream's messages, batched on the transfer's thread (RestCaller); their bodies are
    // the protobuf bytes with a decoder (StreamMessage::json()).
    void messagesReceived(quint64 id, const QList<triptych::client::StreamMessage> &messages);
    void callFinished(const triptych::client::CallRecord &record);
    void callFailed(const triptych::client::CallRecord &record);

private:
    struct Pending {
        GrpcSchemaPtr schema;
        const google::protobuf::MethodDescriptor *method = nullptr;
        GrpcRequest request;
        StreamMessage sent;
        MessageDecoderPtr decoder; // the output type's bytes into JSON
    };

    void onMessages(quint64 id, QList<StreamMessage> messages);
    void onDone(CallRecord record);
    void failSoon(CallRecord record);
    // The answer's frames and trailers into the record: messages as JSON, status, details, both sizes.
    static void decodeAnswer(const Pending &call, CallRecord &record);

    RestCaller *m_rest;
    QHash<quint64, Pending> m_pending;
};

} // namespace triptych::client
