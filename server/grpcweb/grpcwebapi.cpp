#include "server/grpcweb/grpcwebapi.h"

#include "server/core/servicecontext.h"
#include "server/domain/credentials.h"
#include "server/grpc/rawmessage.h"
#include "server/grpc/statusmapping.h"
#include "server/grpc/streamopening.h"
#include "server/grpc/streamslots.h"
#include "server/grpc/unaryhandlers.h"
#include "server/grpcweb/grpcwebcall.h"
#include "server/grpcweb/grpcwebstream.h"
#include "server/http/problem.h"
#include "server/http/router.h"
#include "server/http/scheduler.h"

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/slice.h>

#include <google/protobuf/arena.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <utility>

namespace triptych::grpcweb {
namespace {

struct Shared {
    // A constructor, not aggregate initialisation from parentheses: clang 14 (the fuzz build) lacks the latter.
    Shared(ServiceContext &serviceContext, std::shared_ptr<http::Scheduler> sharedScheduler,
           std::shared_ptr<rpc::StreamSlots> streamSlots)
        : context(serviceContext)
        , scheduler(std::move(sharedScheduler))
        , slots(std::move(streamSlots)) {}

    ServiceContext &context;
    std::shared_ptr<http::Scheduler> scheduler;
    std::shared_ptr<rpc::StreamSlots> slots;
    std::atomic<std::uint64_t> streams{0};
};

using Clock = std::chrono::steady_clock;

// The peer of a gRPC-Web stream as gRPC names one ("ipv4:127.0.0.1:5000"), so the slots apply the same shares.
// An HTTP/1.1 connection carries one stream at a time, so each stream stands for its connection.
std::string streamPeer(const std::string &address, std::uint64_t stream) {
    const bool v6 = address.find(':') != std::string::npos;
    return (v6 ? "ipv6:[" + address + "]" : "ipv4:" + address) + ":web" + std::to_string(stream);
}

grpc::Status deadlineExceeded() {
    return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "the call's grpc-timeout passed");
}

// What a unary method does once its request parsed; the status to answer, the response filled when OK.
template <typename Request, typename Response>
using UnaryWork = grpc::Status (*)(ServiceContext &, const Request &, Response &);

// Writes need `authorization: Bearer <token>`, as the gRPC methods' metadata does.
std::optional<grpc::Status> authorize(const ServiceContext &context, const http::HttpRequest &request) {
    const auto header = request.headers.find("authorization");
    if (!header)
        return rpc::toGrpcStatus(DomainError{ErrorCode::Unauthenticated,
                                             "writes need the header `authorization: Bearer <token>`",
                                             {},
                                             "MISSING_CREDENTIALS"});
    if (!context.credentials.acceptsAuthorization(*header))
        return rpc::toGrpcStatus(DomainError{ErrorCode::Unauthenticated,
                                             "the bearer token in `authorization` is not accepted",
                                             {},
                                             "INVALID_CREDENTIALS"});
    return std::nullopt;
}

// Parses one framed message into `message` with gRPC's own parser, so a bad body answers the same BadRequest.
std::optional<grpc::Status> parseBody(const std::string &body, google::protobuf::Message &message) {
    auto framed = singleMessage(body);
    if (!framed.error.empty())
        return rpc::toGrpcStatus(rpc::invalidField("request", framed.error));
    grpc::Slice slice(framed.payload);
    const grpc::ByteBuffer bytes(&slice, 1);
    return rpc::parseRequest(bytes, message);
}

http::HttpResponse answerStatus(WebCall &call, const grpc::Status &status) {
    auto response = call.head();
    response.body = call.finish(status);
    return response;
}

// gRPC's deadline for a unary call: past it the client gets DEADLINE_EXCEEDED, not the answer, even if the work
// completed (as gRPC's own server does); already past, the work does not start.
template <typename Request, typename Response>
http::HttpResponse unary(Shared &shared, const http::HttpRequest &request, const std::string &body, WebCall &call,
                         UnaryWork<Request, Response> work, bool needsCredentials,
                         std::optional<Clock::time_point> deadline) {
    google::protobuf::Arena arena;
    auto *message = google::protobuf::Arena::CreateMessage<Request>(&arena);
    auto *answer = google::protobuf::Arena::CreateMessage<Response>(&arena);
    grpc::Status status;
    {
        auto scope = call.makeCurrent();
        if (auto refused = needsCredentials ? authorize(shared.context, request) : std::nullopt)
            status = *refused;
        else if (auto unparsed = parseBody(body, *message))
            status = *unparsed;
        else if (deadline && Clock::now() >= *deadline)
            status = deadlineExceeded();
        else
            status = work(shared.context, *message, *answer);
        if (status.ok() && deadline && Clock::now() > *deadline)
            status = deadlineExceeded();
    }
    auto response = call.head();
    if (status.ok())
        response.body = call.messageChunk(answer->SerializeAsString());
    response.body += call.finish(status);
    return response;
}

http::HttpResponse streamOrders(Shared &shared, const http::HttpRequest &request, const std::string &body,
                                std::unique_ptr<WebCall> call) {
    orders::v1::StreamOrdersRequest message;
    {
        auto scope = call->makeCurrent();
        if (auto unparsed = parseBody(body, message))
            return answerStatus(*call, *unparsed);
    }
    // A stream slot as a gRPC stream takes one, counted with them, for the stream's whole life.
    auto refusal = rpc::StreamSlots::Refusal::None;
    auto slot = shared.slots->tryAcquire(streamPeer(request.remoteAddress, ++shared.streams), &refusal);
    if (!slot)
        return answerStatus(*call, rpc::slotRefusal(shared.slots->shares(), refusal));
    // The slot and its pool go together (the slot released first), so the pool outlives the slot.
    struct HeldSlot {
        std::shared_ptr<rpc::StreamSlots> slots;
        rpc::StreamSlots::Slot slot;
    };
    auto held = std::make_shared<HeldSlot>(HeldSlot{shared.slots, std::move(slot)});
    return OrderFrameStream::open(shared.context, shared.scheduler, std::move(call), message,
                                  request.header("grpc-timeout"), std::move(held));
}

http::HttpResponse dispatch(Shared &shared, http::HttpRequest &request) {
    const auto encoding = encodingOf(request.header("Content-Type"));
    if (!encoding) {
        auto refused = http::problemResponse(
            415, "gRPC-Web calls are application/grpc-web, application/grpc-web+proto or application/grpc-web-text.");
        addCorsHeaders(request, refused.headers);
        return refused;
    }
    const std::string method(request.pathParam("method"));
    std::optional<Clock::time_point> deadline;
    if (const auto timeout = parseGrpcTimeout(request.header("grpc-timeout")))
        deadline = Clock::now() + *timeout;
    auto call = std::make_unique<WebCall>(shared.context.tracer, request, *encoding, method);
    // Read in place: the HTTP span records the body's size once the handler returns.
    std::string decoded;
    if (*encoding == Encoding::Text) {
        auto text = base64Decode(request.body);
        if (!text)
            return answerStatus(*call, rpc::toGrpcStatus(rpc::invalidField(
                                           "request", "the application/grpc-web-text body is not base64")));
        decoded = std::move(*text);
    }
    const std::string &body = *encoding == Encoding::Text ? decoded : request.body;
    call->addRequestBytes(body.size());
    namespace pb = orders::v1;
    if (method == "GetUser")
        return unary<pb::GetUserRequest, pb::User>(shared, request, body, *call, &rpc::getUser, false, deadline);
    if (method == "GetUserOrders")
        return unary<pb::UserRequest, pb::OrderList>(shared, request, body, *call, &rpc::getUserOrders, false,
                                                     deadline);
    if (method == "ListUsers")
        return unary<pb::ListUsersRequest, pb::UserList>(shared, request, body, *call, &rpc::listUsers, false,
                                                         deadline);
    if (method == "CreateOrder")
        return unary<pb::CreateOrderRequest, pb::Order>(shared, request, body, *call, &rpc::createOrder, true,
                                                        deadline);
    if (method == "CancelOrder")
        return unary<pb::CancelOrderRequest, pb::Order>(shared, request, body, *call, &rpc::cancelOrder, true,
                                                        deadline);
    if (method == "StreamOrders")
        return streamOrders(shared, request, body, std::move(call));
    if (method == "UploadOrders" || method == "TrackOrders")
        return answerStatus(*call, grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                                                "orders.v1.OrderService/" + method +
                                                    " streams from the client, which gRPC-Web cannot; call it "
                                                    "over gRPC"));
    return answerStatus(
        *call, grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "orders.v1.OrderService has no method " + method));
}

} // namespace

void addRoutes(http::Router &router, ServiceContext &context, std::shared_ptr<rpc::StreamSlots> slots) {
    auto shared = std::make_shared<Shared>(context, std::make_shared<http::Scheduler>(), std::move(slots));
    router.add("POST", "/orders.v1.OrderService/{method}",
               [shared](http::HttpRequest &request) { return dispatch(*shared, request); });
    router.add("OPTIONS", "/orders.v1.OrderService/{method}",
               [](http::HttpRequest &request) { return preflightAnswer(request); });
}

} // namespace triptych::grpcweb
