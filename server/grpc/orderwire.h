#pragma once

#include "server/domain/domain.h"

#include <grpcpp/support/byte_buffer.h>

#include <cstddef>
#include <span>

// orders.v1.Order and OrderList in protobuf's wire format, written straight from domain orders: the bytes protobuf
// writes for the message toProto builds (test_orderwire compares them), without building and sizing a message per
// order first. GetUserOrders answers 1,000 orders and StreamOrders sends one message each.
namespace triptych::rpc::wire {

// The exact size of an order's encoding, and the encoder, which writes that many bytes at `to` and returns the end.
std::size_t orderSize(const Order &order);
std::byte *writeOrder(std::byte *to, const Order &order);

// One gRPC message holding one Order, or an OrderList of `orders`, in a single slice sized exactly.
grpc::ByteBuffer orderMessage(const Order &order);
grpc::ByteBuffer orderListMessage(std::span<const Order> orders);

} // namespace triptych::rpc::wire
