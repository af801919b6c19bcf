#pragma once

#include "server/domain/domain.h"
#include "server/domain/result.h"

#include <map>
#include <optional>
#include <span>
#include <vector>

namespace triptych {

namespace store {
class Database;
}
class EventBus;

// The one service layer: REST handlers, GraphQL resolvers and gRPC methods all call these functions, which
// validate their input, run SQL and publish events. Safe to call from many threads at once.
class OrderService {
public:
    OrderService(store::Database &database, EventBus &events);

    // limit 1..100, offset >= 0 (field violations name "limit" / "offset").
    Result<UserPage> listUsers(int limit, int offset);
    // Users after a keyset position (0 = from the start), first 0..100; the total is counted only when asked.
    Result<UserSlice> usersAfter(UserId afterId, int first, bool withTotal);
    Result<User> user(UserId id);
    Result<std::vector<User>> usersByIds(std::span<const UserId> ids);

    // NOT_FOUND for an unknown user; an empty list for a user without orders. first < 0: all.
    Result<std::vector<Order>> userOrders(UserId id, std::optional<OrderStatus> status = {}, int first = -1);
    // Orders of one user after a keyset position, for cursor paging (REST v2).
    Result<OrderSlice> userOrdersAfter(UserId id, OrderId afterId, int limit);
    // Batch for DataLoaders: every given user's orders, in one SQL statement; users without orders map to [].
    Result<std::map<UserId, std::vector<Order>>> ordersOfUsers(std::span<const UserId> ids,
                                                               std::optional<OrderStatus> status = {});

    Result<std::vector<User>> friends(UserId id, int first = -1);
    Result<std::map<UserId, std::vector<User>>> friendsOfUsers(std::span<const UserId> ids);

    Result<Order> order(OrderId id);

    // quantity 1..1000 and a product of the catalog, else INVALID_ARGUMENT naming the field.
    Result<Order> createOrder(const CreateOrderInput &input);
    // FAILED_PRECONDITION when the order is already delivered or cancelled.
    Result<Order> cancelOrder(OrderId id);
    // Creates every valid item; the invalid ones are reported by index, never created.
    Result<UploadSummary> uploadOrders(std::span<const CreateOrderInput> items);
    // Moves an order one lifecycle step (PENDING → PAID → SHIPPED → DELIVERED); none when it is final.
    Result<std::optional<Order>> advanceOrder(OrderId id);

    Result<DatasetSnapshot> snapshot();

    // Checks done before any SQL; shared by createOrder and uploadOrders.
    static std::vector<FieldViolation> validate(const CreateOrderInput &input);

private:
    // Decides an order's next status from its current one: a status, none (leave it), or an error.
    using Decide = Result<std::optional<OrderStatus>> (*)(const Order &);
    // Reads, decides and writes in one IMMEDIATE transaction, so concurrent changes cannot interleave; publishes
    // the event after the commit.
    Result<std::optional<Order>> transition(OrderId id, Decide decide);
    Result<Order> insertValidated(const CreateOrderInput &input);

    store::Database &m_database;
    EventBus &m_events;
};

} // namespace triptych
