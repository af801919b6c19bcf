#include "server/grpc/uploadordersreactor.h"

#include "server/core/orderservice.h"
#include "server/core/servicecontext.h"
#include "server/grpc/callchecks.h"
#include "server/grpc/limits.h"
#include "server/grpc/protoconvert.h"
#include "server/grpc/rawmessage.h"
#include "server/grpc/statusmapping.h"
#include "server/grpc/streamopening.h"

#include <grpcpp/server_context.h>

namespace triptych::rpc {

UploadOrdersReactor::UploadOrdersReactor(RpcEnvironment env, grpc::CallbackServerContext &call,
                                         grpc::ByteBuffer &response)
    : m_env(env)
    , m_call(call)
    , m_response(response)
    , m_trace(env.context.tracer, call, "UploadOrders") {}

UploadOrdersReactor *UploadOrdersReactor::start(RpcEnvironment env, grpc::CallbackServerContext &call,
                                                grpc::ByteBuffer &response) {
    auto *reactor = new UploadOrdersReactor(env, call, response);
    std::lock_guard lock(reactor->m_mutex);
    if (auto refused = openStream(env, call, StreamAccess::Write, reactor->m_slot))
        reactor->finish(*refused);
    else
        reactor->StartRead(&reactor->m_read);
    return reactor;
}

void UploadOrdersReactor::OnReadDone(bool ok) {
    std::lock_guard lock(m_mutex);
    if (m_finished)
        return;
    if (!ok && m_call.IsCancelled())
        return finish(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled; nothing was created"));
    if (!ok) // the client half-closed: its upload is complete
        return upload();
    m_request.Clear();
    if (auto unparsed = parseRequest(m_read, m_request, "request[" + std::to_string(m_items.size()) + "]")) {
        m_items.clear(); // nothing is created from an upload that breaks off
        return finish(*unparsed);
    }
    if (m_items.size() >= limits::kMaxUploadItems)
        return finish(toGrpcStatus(exhausted("an upload holds at most " + std::to_string(limits::kMaxUploadItems) +
                                                 " orders; nothing was created",
                                             "TOO_MANY_ITEMS"),
                                   std::chrono::milliseconds(0)));
    if (m_trace.active())
        m_trace.addRequestBytes(m_read.Length());
    m_items.push_back(fromProto(m_request));
    StartRead(&m_read);
}

void UploadOrdersReactor::upload() {
    auto traceScope = m_trace.makeCurrent(); // the inserts' SQL spans attach to the call
    auto summary = m_env.context.service.uploadOrders(m_items);
    m_items.clear();
    if (!summary)
        return finish(toGrpcStatus(summary.error()));
    orders::v1::UploadSummary answer;
    toProto(*summary, answer);
    serializeInto(answer, m_response);
    if (m_trace.active())
        m_trace.addResponseBytes(m_response.Length());
    finish(grpc::Status::OK);
}

void UploadOrdersReactor::finish(grpc::Status status) {
    if (m_finished)
        return;
    m_finished = true;
    m_items = {};
    m_trace.finish(status);
    Finish(std::move(status));
}

void UploadOrdersReactor::OnCancel() {
    std::lock_guard lock(m_mutex);
    finish(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled by the client or its deadline; nothing was created"));
}

void UploadOrdersReactor::OnDone() {
    delete this;
}

} // namespace triptych::rpc
