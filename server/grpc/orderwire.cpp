#include "server/grpc/orderwire.h"

#include "server/grpc/protoconvert.h"

#include <grpc/slice.h>
#include <grpcpp/support/slice.h>

#include <cstring>

namespace triptych::rpc::wire {
namespace {

// Field keys (number << 3 | wire type) of orders.v1.Order, OrderList and google.protobuf.Timestamp.
constexpr std::byte kOrderId{0x08}, kOrderUserId{0x10}, kOrderProduct{0x1a}, kOrderQuantity{0x20};
constexpr std::byte kOrderTotalCents{0x28}, kOrderStatus{0x30}, kOrderCreatedAt{0x3a};
constexpr std::byte kListOrders{0x0a}, kTimestampSeconds{0x08};

std::size_t varintSize(std::uint64_t value) {
    std::size_t size = 1;
    for (; value >= 0x80; value >>= 7)
        ++size;
    return size;
}

std::byte *writeVarint(std::byte *to, std::uint64_t value) {
    for (; value >= 0x80; value >>= 7)
        *to++ = static_cast<std::byte>(value | 0x80);
    *to++ = static_cast<std::byte>(value);
    return to;
}

// proto3 leaves a scalar that holds its default out; int32 and enums are sign-extended to 64 bits on the wire.
std::size_t int32FieldSize(std::int32_t value) {
    return value == 0 ? 0 : 1 + varintSize(static_cast<std::uint64_t>(static_cast<std::int64_t>(value)));
}

std::byte *writeInt32Field(std::byte *to, std::byte key, std::int32_t value) {
    if (value == 0)
        return to;
    *to++ = key;
    return writeVarint(to, static_cast<std::uint64_t>(static_cast<std::int64_t>(value)));
}

// created_at is always set (toProto sets it), so the Timestamp is written even when it is empty.
std::size_t timestampSize(UnixSeconds seconds) {
    return seconds == 0 ? 0 : 1 + varintSize(static_cast<std::uint64_t>(seconds));
}

grpc::ByteBuffer single(grpc_slice slice) {
    grpc::Slice owned(slice, grpc::Slice::STEAL_REF);
    return grpc::ByteBuffer(&owned, 1);
}

} // namespace

std::size_t orderSize(const Order &order) {
    const std::size_t timestamp = timestampSize(order.createdAt);
    std::size_t size = int32FieldSize(order.id) + int32FieldSize(order.userId) + int32FieldSize(order.quantity) +
                       int32FieldSize(order.totalCents) + int32FieldSize(toProto(order.status)) + 1 +
                       varintSize(timestamp) + timestamp;
    if (!order.product.empty())
        size += 1 + varintSize(order.product.size()) + order.product.size();
    return size;
}

std::byte *writeOrder(std::byte *to, const Order &order) {
    to = writeInt32Field(to, kOrderId, order.id);
    to = writeInt32Field(to, kOrderUserId, order.userId);
    if (!order.product.empty()) {
        *to++ = kOrderProduct;
        to = writeVarint(to, order.product.size());
        std::memcpy(to, order.product.data(), order.product.size());
        to += order.product.size();
    }
    to = writeInt32Field(to, kOrderQuantity, order.quantity);
    to = writeInt32Field(to, kOrderTotalCents, order.totalCents);
    to = writeInt32Field(to, kOrderStatus, toProto(order.status));
    *to++ = kOrderCreatedAt;
    to = writeVarint(to, timestampSize(order.createdAt));
    if (order.createdAt != 0) {
        *to++ = kTimestampSeconds;
        to = writeVarint(to, static_cast<std::uint64_t>(order.createdAt));
    }
    return to;
}

grpc::ByteBuffer orderMessage(const Order &order) {
    grpc_slice slice = grpc_slice_malloc(orderSize(order));
    writeOrder(reinterpret_cast<std::byte *>(GRPC_SLICE_START_PTR(slice)), order);
    return single(slice);
}

grpc::ByteBuffer orderListMessage(std::span<const Order> orders) {
    std::size_t total = 0;
    for (const Order &order : orders) {
        const std::size_t size = orderSize(order);
        total += 1 + varintSize(size) + size;
    }
    grpc_slice slice = grpc_slice_malloc(total);
    auto *to = reinterpret_cast<std::byte *>(GRPC_SLICE_START_PTR(slice));
    for (const Order &order : orders) {
        *to++ = kListOrders;
        to = writeVarint(to, orderSize(order));
        to = writeOrder(to, order);
    }
    return single(slice);
}

} // namespace triptych::rpc::wire
