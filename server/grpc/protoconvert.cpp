#include "server/grpc/protoconvert.h"

namespace triptych::rpc {
namespace {

void setTimestamp(UnixSeconds seconds, google::protobuf::Timestamp &out) {
    out.set_seconds(seconds);
}

} // namespace

orders::v1::OrderStatus toProto(OrderStatus status) {
    switch (status) {
    case OrderStatus::Pending:
        return orders::v1::PENDING;
    case OrderStatus::Paid:
        return orders::v1::PAID;
    case OrderStatus::Shipped:
        return orders::v1::SHIPPED;
    case OrderStatus::Delivered:
        return orders::v1::DELIVERED;
    case OrderStatus::Cancelled:
        return orders::v1::CANCELLED;
    }
    return orders::v1::ORDER_STATUS_UNSPECIFIED;
}

void toProto(const User &user, orders::v1::User &out) {
    out.set_id(user.id);
    out.set_name(user.name);
    out.set_email(user.email);
    out.set_avatar_url(user.avatarUrl);
    out.set_bio(user.bio);
    out.set_phone(user.phone);
    out.set_locale(user.locale);
    out.set_timezone(user.timezone);
    out.set_company(user.company);
    out.set_job_title(user.jobTitle);
    out.set_website(user.website);
    out.set_street(user.street);
    out.set_city(user.city);
    out.set_postal_code(user.postalCode);
    out.set_country(user.country);
    out.set_date_of_birth(user.dateOfBirth);
    setTimestamp(user.createdAt, *out.mutable_created_at());
    setTimestamp(user.updatedAt, *out.mutable_updated_at());
    setTimestamp(user.lastLoginAt, *out.mutable_last_login_at());
    out.set_is_active(user.isActive);
    out.set_is_verified(user.isVerified);
    out.set_two_factor_enabled(user.twoFactorEnabled);
    out.set_loyalty_tier(user.loyaltyTier);
    out.set_loyalty_points(user.loyaltyPoints);
    out.set_marketing_opt_in(user.marketingOptIn);
    out.set_preferred_currency(user.preferredCurrency);
    out.set_preferred_language(user.preferredLanguage);
    out.set_orders_count(user.ordersCount);
    out.set_lifetime_value_cents(user.lifetimeValueCents);
    out.set_notes(user.notes);
    out.set_avatar_thumbnail_url(user.avatarUrl + "?size=64");
}

void toProto(const Order &order, orders::v1::Order &out) {
    out.set_id(order.id);
    out.set_user_id(order.userId);
    out.set_product(order.product);
    out.set_quantity(order.quantity);
    out.set_total_cents(order.totalCents);
    out.set_status(toProto(order.status));
    setTimestamp(order.createdAt, *out.mutable_created_at());
}

void toProto(std::span<const Order> orders, orders::v1::OrderList &out) {
    out.mutable_orders()->Reserve(static_cast<int>(orders.size()));
    for (const auto &order : orders)
        toProto(order, *out.add_orders());
}

void toProto(const OrderEvent &event, orders::v1::OrderEvent &out) {
    toProto(event.order, *out.mutable_order());
    if (event.previousStatus)
        out.set_previous_status(toProto(*event.previousStatus));
    setTimestamp(event.at, *out.mutable_at());
}

void toProto(const UploadSummary &summary, orders::v1::UploadSummary &out) {
    out.set_received_count(summary.receivedCount);
    out.set_created_count(static_cast<std::int32_t>(summary.created.size()));
    for (const auto &order : summary.created)
        toProto(order, *out.add_created());
    for (const auto &rejection : summary.rejected) {
        auto *item = out.add_rejected();
        item->set_index(rejection.index);
        item->set_field(rejection.field);
        item->set_reason(rejection.reason);
    }
}

CreateOrderInput fromProto(const orders::v1::CreateOrderRequest &request) {
    return CreateOrderInput{request.user_id(), request.product(), request.quantity()};
}

} // namespace triptych::rpc
