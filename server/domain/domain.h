#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The order domain as plain values, shared by the store and every transport.
namespace triptych {

using UserId = std::int32_t;
using OrderId = std::int32_t;
// Seconds since the Unix epoch, UTC; every transport prints it as RFC 3339 (or google.protobuf.Timestamp).
using UnixSeconds = std::int64_t;

enum class OrderStatus { Pending, Paid, Shipped, Delivered, Cancelled };

std::string_view toString(OrderStatus status);
std::optional<OrderStatus> orderStatusFromString(std::string_view text);
// The status an order moves to in its lifecycle; none once delivered or cancelled.
std::optional<OrderStatus> nextLifecycleStatus(OrderStatus status);
bool isFinal(OrderStatus status);

// The full user object of the contract: 30 fields.
struct User {
    UserId id = 0;
    std::string name;
    std::string email;
    std::string avatarUrl;
    std::string bio;
    std::string phone;
    std::string locale;
    std::string timezone;
    std::string company;
    std::string jobTitle;
    std::string website;
    std::string street;
    std::string city;
    std::string postalCode;
    std::string country;
    std::string dateOfBirth; // YYYY-MM-DD
    UnixSeconds createdAt = 0;
    UnixSeconds updatedAt = 0;
    UnixSeconds lastLoginAt = 0;
    bool isActive = true;
    bool isVerified = false;
    bool twoFactorEnabled = false;
    std::string loyaltyTier;
    std::int32_t loyaltyPoints = 0;
    bool marketingOptIn = false;
    std::string preferredCurrency;
    std::string preferredLanguage;
    std::int32_t ordersCount = 0;        // derived from the orders table
    std::int64_t lifetimeValueCents = 0; // derived: total of the user's orders that are not cancelled
    std::string notes;
};

struct Order {
    OrderId id = 0;
    UserId userId = 0;
    std::string product;
    std::int32_t quantity = 0;
    std::int32_t totalCents = 0;
    OrderStatus status = OrderStatus::Pending;
    UnixSeconds createdAt = 0;
};

// A new order or a status change; previousStatus is empty for a new order.
struct OrderEvent {
    Order order;
    std::optional<OrderStatus> previousStatus;
    UnixSeconds at = 0;
};

struct CreateOrderInput {
    UserId userId = 0;
    std::string product;
    std::int32_t quantity = 0;
};

struct UserPage {
    std::vector<User> items;
    std::int64_t total = 0;
    int limit = 0;
    int offset = 0;
};

// A page of users after a keyset cursor (GraphQL connections).
struct UserSlice {
    std::vector<User> users;
    bool hasNextPage = false;
    std::int64_t totalCount = 0;
};

// A page of one user's orders after a keyset cursor (REST v2).
struct OrderSlice {
    std::vector<Order> orders;
    bool hasNextPage = false;
};

struct UploadRejection {
    int index = 0;
    std::string field;
    std::string reason;
};

struct UploadSummary {
    int receivedCount = 0;
    std::vector<Order> created;
    std::vector<UploadRejection> rejected;
};

// The whole data set as it is now, for /debug/dataset.
struct DatasetSnapshot {
    std::vector<User> users;
    std::vector<Order> orders;
    std::vector<std::pair<UserId, UserId>> friends;
};

} // namespace triptych
