#include "server/grpc/unaryhandlers.h"

#include "server/core/orderservice.h"
#include "server/core/servicecontext.h"
#include "server/domain/limits.h"
#include "server/grpc/orderwire.h"
#include "server/grpc/protoconvert.h"
#include "server/grpc/readmask.h"
#include "server/grpc/statusmapping.h"
#include "server/tracing/tracer.h"

#include <optional>

namespace triptych::rpc {
namespace {

std::optional<grpc::Status> checkId(std::int32_t id, const char *field, const char *what) {
    if (id > 0)
        return std::nullopt;
    return toGrpcStatus(invalidField(field, std::string("must be a positive ") + what + " id"));
}

// The serialization span of a unary answer: building the message from domain values and sizing it (the sizes are
// cached for the bytes written next; bench/grpc times that step alone).
template <typename Build> void serialize(Build &&build, const google::protobuf::Message &response) {
    tracing::recordSerialization("serialize protobuf", build, [&] { return response.ByteSizeLong(); });
}

} // namespace

grpc::Status getUser(ServiceContext &context, const orders::v1::GetUserRequest &request, orders::v1::User &response) {
    if (auto invalid = checkId(request.user_id(), "user_id", "user"))
        return *invalid;
    const auto fields = readMaskFields(request.read_mask(), *orders::v1::User::descriptor()); // before any SQL
    if (!fields)
        return toGrpcStatus(fields.error());
    auto user = context.service.user(request.user_id());
    if (!user)
        return toGrpcStatus(user.error());
    serialize(
        [&] {
            orders::v1::User full;
            toProto(*user, full);
            moveMaskedFields(full, response, *fields);
        },
        response);
    return grpc::Status::OK;
}

grpc::Status getUserOrders(ServiceContext &context, const orders::v1::UserRequest &request,
                           orders::v1::OrderList &response) {
    if (auto invalid = checkId(request.user_id(), "user_id", "user"))
        return *invalid;
    auto orders = context.service.userOrders(request.user_id());
    if (!orders)
        return toGrpcStatus(orders.error());
    serialize([&] { toProto(*orders, response); }, response);
    return grpc::Status::OK;
}

grpc::Status getUserOrdersWire(ServiceContext &context, const orders::v1::UserRequest &request,
                               grpc::ByteBuffer &response) {
    if (auto invalid = checkId(request.user_id(), "user_id", "user"))
        return *invalid;
    auto orders = context.service.userOrders(request.user_id());
    if (!orders)
        return toGrpcStatus(orders.error());
    tracing::recordSerialization(
        "serialize protobuf", [&] { response = wire::orderListMessage(*orders); }, [&] { return response.Length(); });
    return grpc::Status::OK;
}

grpc::Status listUsers(ServiceContext &context, const orders::v1::ListUsersRequest &request,
                       orders::v1::UserList &response) {
    const int first = request.first() == 0 ? triptych::limits::kDefaultPageSize : request.first();
    if (first < triptych::limits::kMinPageSize || first > triptych::limits::kMaxPageSize)
        return toGrpcStatus(invalidField("first", "must be from 1 to 100 (0: 20)"));
    const auto fields = readMaskFields(request.read_mask(), *orders::v1::User::descriptor()); // before any SQL
    if (!fields)
        return toGrpcStatus(fields.error());
    auto slice = context.service.usersAfter(0, first, false);
    if (!slice)
        return toGrpcStatus(slice.error());
    serialize(
        [&] {
            orders::v1::User full;
            for (const auto &user : slice->users) {
                full.Clear();
                toProto(user, full);
                moveMaskedFields(full, *response.add_users(), *fields);
            }
        },
        response);
    return grpc::Status::OK;
}

grpc::Status createOrder(ServiceContext &context, const orders::v1::CreateOrderRequest &request,
                         orders::v1::Order &response) {
    auto created = context.service.createOrder(fromProto(request));
    if (!created)
        return toGrpcStatus(created.error());
    serialize([&] { toProto(*created, response); }, response);
    return grpc::Status::OK;
}

grpc::Status cancelOrder(ServiceContext &context, const orders::v1::CancelOrderRequest &request,
                         orders::v1::Order &response) {
    if (auto invalid = checkId(request.order_id(), "order_id", "order"))
        return *invalid;
    auto cancelled = context.service.cancelOrder(request.order_id());
    if (!cancelled)
        return toGrpcStatus(cancelled.error());
    serialize([&] { toProto(*cancelled, response); }, response);
    return grpc::Status::OK;
}

} // namespace triptych::rpc
