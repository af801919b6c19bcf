#pragma once

#include "server/domain/domain.h"
#include "server/domain/result.h"

#include <optional>
#include <span>
#include <vector>

namespace triptych::store {

class Connection;

// Every SQL statement of the order domain. Each function runs exactly one statement, so a trace (and the
// N+1 lesson) counts what it sees. Lists come in ascending id order.
namespace repo {

Result<std::optional<User>> findUser(Connection &c, UserId id);
Result<bool> userExists(Connection &c, UserId id);
Result<std::int64_t> countUsers(Connection &c);
Result<std::vector<User>> usersPage(Connection &c, int limit, int offset);
// Users with id > afterId; asks for one more than limit so the caller knows whether a next page exists.
Result<std::vector<User>> usersAfter(Connection &c, UserId afterId, int limit);
Result<std::vector<User>> usersByIds(Connection &c, std::span<const UserId> ids);

Result<std::optional<Order>> findOrder(Connection &c, OrderId id);
// A user's orders; limit < 0 means all of them.
Result<std::vector<Order>> ordersOfUser(Connection &c, UserId id, std::optional<OrderStatus> status, int limit);
// The orders of many users in one statement (the DataLoader's batch), ordered by user then id.
Result<std::vector<Order>> ordersOfUsers(Connection &c, std::span<const UserId> ids, std::optional<OrderStatus> status);
Result<std::vector<Order>> ordersOfUserAfter(Connection &c, UserId id, OrderId afterId, int limit);

// A user's friends as users; limit < 0 means all of them.
Result<std::vector<User>> friendsOf(Connection &c, UserId id, int limit);
// (user id, friend) pairs for many users in one statement, ordered by user then friend id.
Result<std::vector<std::pair<UserId, User>>> friendsOfUsers(Connection &c, std::span<const UserId> ids);

Result<Order> insertOrder(Connection &c, const Order &order);
Status updateOrderStatus(Connection &c, OrderId id, OrderStatus status);
// Keeps the user's stored orders_count and lifetime_value_cents in step with a write.
Status addToUserTotals(Connection &c, UserId id, int orders, std::int64_t valueCents);

Result<std::vector<User>> allUsers(Connection &c);
Result<std::vector<Order>> allOrders(Connection &c);
Result<std::vector<std::pair<UserId, UserId>>> allFriendships(Connection &c);

} // namespace repo
} // namespace triptych::store
