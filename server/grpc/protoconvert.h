#pragma once

#include "server/domain/domain.h"

#include "orders/v1/orders.pb.h"

#include <span>

// Domain values ↔ orders.v1 messages; the only place that knows the field numbers' meaning.
namespace triptych::rpc {

void toProto(const User &user, orders::v1::User &out);
void toProto(const Order &order, orders::v1::Order &out);
void toProto(std::span<const Order> orders, orders::v1::OrderList &out);
void toProto(const OrderEvent &event, orders::v1::OrderEvent &out);
void toProto(const UploadSummary &summary, orders::v1::UploadSummary &out);
orders::v1::OrderStatus toProto(OrderStatus status);
CreateOrderInput fromProto(const orders::v1::CreateOrderRequest &request);

} // namespace triptych::rpc
