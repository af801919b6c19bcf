#include "server/core/orderservice.h"

#include "server/core/eventbus.h"
#include "server/domain/catalog.h"
#include "server/domain/limits.h"
#include "server/domain/timestamps.h"
#include "server/store/database.h"
#include "server/store/orderrepository.h"
#include "server/tracing/tracer.h"

#include <string>

namespace triptych {
namespace {

namespace repo = store::repo;

DomainError invalid(std::string field, std::string message) {
    std::string summary = field + ": " + message;
    return DomainError{ErrorCode::InvalidArgument, std::move(summary), {{std::move(field), std::move(message)}}};
}

DomainError userNotFound(UserId id) {
    return DomainError{ErrorCode::NotFound, "user " + std::to_string(id) + " does not exist", {}, "USER_NOT_FOUND"};
}

DomainError orderNotFound(OrderId id) {
    return DomainError{ErrorCode::NotFound, "order " + std::to_string(id) + " does not exist", {}, "ORDER_NOT_FOUND"};
}

std::string pageRange() {
    return "must be between " + std::to_string(limits::kMinPageSize) + " and " + std::to_string(limits::kMaxPageSize);
}

std::vector<UserId> distinct(std::span<const UserId> ids) {
    std::vector<UserId> unique(ids.begin(), ids.end());
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    return unique;
}

// NOT_FOUND unless the user exists: every per-user read and write checks this first.
Status requireUser(store::Connection &c, UserId id) {
    auto exists = repo::userExists(c, id);
    if (!exists)
        return exists.error();
    if (!*exists)
        return userNotFound(id);
    return Done{};
}

Result<std::optional<OrderStatus>> decideCancel(const Order &order) {
    if (isFinal(order.status))
        return DomainError{ErrorCode::FailedPrecondition,
                           "order " + std::to_string(order.id) + " is already " + std::string(toString(order.status)) +
                               " and cannot be cancelled",
                           {},
                           order.status == OrderStatus::Delivered ? "ORDER_ALREADY_DELIVERED"
                                                                  : "ORDER_ALREADY_CANCELLED"};
    return std::optional<OrderStatus>(OrderStatus::Cancelled);
}

Result<std::optional<OrderStatus>> decideAdvance(const Order &order) {
    return nextLifecycleStatus(order.status);
}

} // namespace

// Every public function borrows one pooled connection for its statements.
#define TRIPTYCH_LEASE(name)                                                                                           \
    auto name##Lease = m_database.connection();                                                                        \
    if (!name##Lease)                                                                                                  \
        return name##Lease.error();                                                                                    \
    store::Connection &name = **name##Lease

OrderService::OrderService(store::Database &database, EventBus &events)
    : m_database(database)
    , m_events(events) {}

Result<UserPage> OrderService::listUsers(int limit, int offset) {
    tracing::ScopedSpan span("OrderService.listUsers");
    if (limit < limits::kMinPageSize || limit > limits::kMaxPageSize)
        return invalid("limit", pageRange());
    if (offset < 0)
        return invalid("offset", "must be 0 or more");
    TRIPTYCH_LEASE(c);
    auto items = repo::usersPage(c, limit, offset);
    if (!items)
        return items.error();
    auto total = repo::countUsers(c);
    if (!total)
        return total.error();
    return UserPage{std::move(*items), *total, limit, offset};
}

Result<UserSlice> OrderService::usersAfter(UserId afterId, int first, bool withTotal) {
    tracing::ScopedSpan span("OrderService.usersAfter");
    if (first < 0 || first > limits::kMaxPageSize)
        return invalid("first", "must be between 0 and " + std::to_string(limits::kMaxPageSize));
    TRIPTYCH_LEASE(c);
    auto users = repo::usersAfter(c, afterId, first);
    if (!users)
        return users.error();
    UserSlice slice;
    slice.hasNextPage = static_cast<int>(users->size()) > first;
    users->resize(std::min<std::size_t>(users->size(), static_cast<std::size_t>(first)));
    slice.users = std::move(*users);
    if (withTotal) {
        auto total = repo::countUsers(c);
        if (!total)
            return total.error();
        slice.totalCount = *total;
    }
    return slice;
}

Result<User> OrderService::user(UserId id) {
    tracing::ScopedSpan span("OrderService.user");
    TRIPTYCH_LEASE(c);
    auto found = repo::findUser(c, id);
    if (!found)
        return found.error();
    if (!*found)
        return userNotFound(id);
    return std::move(**found);
}

Result<std::vector<User>> OrderService::usersByIds(std::span<const UserId> ids) {
    tracing::ScopedSpan span("OrderService.usersByIds");
    TRIPTYCH_LEASE(c);
    return repo::usersByIds(c, distinct(ids));
}

Result<std::vector<Order>> OrderService::userOrders(UserId id, std::optional<OrderStatus> status, int first) {
    tracing::ScopedSpan span("OrderService.userOrders");
    TRIPTYCH_LEASE(c);
    if (auto known = requireUser(c, id); !known)
        return known.error();
    return repo::ordersOfUser(c, id, status, first);
}

Result<OrderSlice> OrderService::userOrdersAfter(UserId id, OrderId afterId, int limit) {
    tracing::ScopedSpan span("OrderService.userOrdersAfter");
    if (limit < limits::kMinPageSize || limit > limits::kMaxPageSize)
        return invalid("limit", pageRange());
    TRIPTYCH_LEASE(c);
    if (auto known = requireUser(c, id); !known)
        return known.error();
    auto orders = repo::ordersOfUserAfter(c, id, afterId, limit);
    if (!orders)
        return orders.error();
    OrderSlice slice;
    slice.hasNextPage = static_cast<int>(orders->size()) > limit;
    orders->resize(std::min<std::size_t>(orders->size(), static_cast<std::size_t>(limit)));
    slice.orders = std::move(*orders);
    return slice;
}

Result<std::map<UserId, std::vector<Order>>> OrderService::ordersOfUsers(std::span<const UserId> ids,
                                                                         std::optional<OrderStatus> status) {
    tracing::ScopedSpan span("OrderService.ordersOfUsers");
    TRIPTYCH_LEASE(c);
    const auto unique = distinct(ids);
    auto orders = repo::ordersOfUsers(c, unique, status);
    if (!orders)
        return orders.error();
    std::map<UserId, std::vector<Order>> byUser;
    for (UserId id : unique)
        byUser[id];
    for (auto &order : *orders)
        byUser[order.userId].push_back(std::move(order));
    return byUser;
}

Result<std::vector<User>> OrderService::friends(UserId id, int first) {
    tracing::ScopedSpan span("OrderService.friends");
    TRIPTYCH_LEASE(c);
    if (auto known = requireUser(c, id); !known)
        return known.error();
    return repo::friendsOf(c, id, first);
}

Result<std::map<UserId, std::vector<User>>> OrderService::friendsOfUsers(std::span<const UserId> ids) {
    tracing::ScopedSpan span("OrderService.friendsOfUsers");
    TRIPTYCH_LEASE(c);
    const auto unique = distinct(ids);
    auto pairs = repo::friendsOfUsers(c, unique);
    if (!pairs)
        return pairs.error();
    std::map<UserId, std::vector<User>> byUser;
    for (UserId id : unique)
        byUser[id];
    for (auto &[userId, friendUser] : *pairs)
        byUser[userId].push_back(std::move(friendUser));
    return byUser;
}

Result<Order> OrderService::order(OrderId id) {
    tracing::ScopedSpan span("OrderService.order");
    TRIPTYCH_LEASE(c);
    auto found = repo::findOrder(c, id);
    if (!found)
        return found.error();
    if (!*found)
        return orderNotFound(id);
    return std::move(**found);
}

std::vector<FieldViolation> OrderService::validate(const CreateOrderInput &input) {
    std::vector<FieldViolation> violations;
    if (input.userId <= 0)
        violations.push_back({"user_id", "must be a positive user id"});
    if (input.product.empty())
        violations.push_back({"product", "is required"});
    else if (!catalog::findProduct(input.product))
        violations.push_back({"product", "'" + input.product + "' is not a product of the catalog"});
    if (input.quantity < limits::kMinOrderQuantity || input.quantity > limits::kMaxOrderQuantity)
        violations.push_back({"quantity", "must be an integer between " + std::to_string(limits::kMinOrderQuantity) +
                                              " and " + std::to_string(limits::kMaxOrderQuantity)});
    return violations;
}

Result<Order> OrderService::createOrder(const CreateOrderInput &input) {
    tracing::ScopedSpan span("OrderService.createOrder");
    if (auto violations = validate(input); !violations.empty()) {
        std::string message = violations.front().field + ": " + violations.front().message;
        return DomainError{ErrorCode::InvalidArgument, std::move(message), std::move(violations)};
    }
    return insertValidated(input);
}

Result<Order> OrderService::insertValidated(const CreateOrderInput &input) {
    Order created;
    {
        TRIPTYCH_LEASE(c);
        // One IMMEDIATE transaction: the order and the user's stored totals change together.
        store::Transaction transaction(c, /*immediate=*/true);
        if (!transaction.begun())
            return transaction.begun().error();
        if (auto known = requireUser(c, input.userId); !known)
            return known.error();
        const auto product = catalog::findProduct(input.product);
        Order order{0,
                    input.userId,
                    input.product,
                    input.quantity,
                    input.quantity * product->unitPriceCents,
                    OrderStatus::Pending,
                    nowSeconds()};
        auto inserted = repo::insertOrder(c, order);
        if (!inserted)
            return inserted.error();
        if (auto ok = repo::addToUserTotals(c, order.userId, 1, order.totalCents); !ok)
            return ok.error();
        if (auto ok = transaction.commit(); !ok)
            return ok.error();
        created = std::move(*inserted);
    }
    m_events.publish(OrderEvent{created, std::nullopt, created.createdAt});
    return created;
}

Result<Order> OrderService::cancelOrder(OrderId id) {
    tracing::ScopedSpan span("OrderService.cancelOrder");
    auto changed = transition(id, decideCancel);
    if (!changed)
        return changed.error();
    return std::move(**changed);
}

Result<std::optional<Order>> OrderService::advanceOrder(OrderId id) {
    tracing::ScopedSpan span("OrderService.advanceOrder");
    return transition(id, decideAdvance);
}

Result<std::optional<Order>> OrderService::transition(OrderId id, Decide decide) {
    OrderEvent event;
    {
        TRIPTYCH_LEASE(c);
        store::Transaction transaction(c, /*immediate=*/true);
        if (!transaction.begun())
            return transaction.begun().error();
        auto found = repo::findOrder(c, id);
        if (!found)
            return found.error();
        if (!*found)
            return orderNotFound(id);
        auto next = decide(**found);
        if (!next)
            return next.error();
        if (!*next)
            return std::optional<Order>();
        event.previousStatus = (*found)->status;
        event.order = std::move(**found);
        event.order.status = **next;
        if (auto ok = repo::updateOrderStatus(c, id, event.order.status); !ok)
            return ok.error();
        if (event.order.status == OrderStatus::Cancelled) {
            if (auto ok = repo::addToUserTotals(c, event.order.userId, 0, -std::int64_t(event.order.totalCents)); !ok)
                return ok.error();
        }
        if (auto ok = transaction.commit(); !ok)
            return ok.error();
    }
    event.at = nowSeconds();
    m_events.publish(event);
    return std::optional<Order>(std::move(event.order));
}

Result<UploadSummary> OrderService::uploadOrders(std::span<const CreateOrderInput> items) {
    tracing::ScopedSpan span("OrderService.uploadOrders");
    UploadSummary summary;
    summary.receivedCount = static_cast<int>(items.size());
    for (std::size_t index = 0; index < items.size(); ++index) {
        auto created = createOrder(items[index]);
        if (created) {
            summary.created.push_back(std::move(*created));
            continue;
        }
        const auto &error = created.error();
        if (error.code == ErrorCode::Internal)
            return error;
        const std::string field = error.violations.empty() ? "user_id" : error.violations.front().field;
        const std::string reason = error.violations.empty() ? error.message : error.violations.front().message;
        summary.rejected.push_back({static_cast<int>(index), field, reason});
    }
    return summary;
}

Result<DatasetSnapshot> OrderService::snapshot() {
    tracing::ScopedSpan span("OrderService.snapshot");
    TRIPTYCH_LEASE(c);
    // One read transaction, so the three lists describe the same moment.
    store::Transaction transaction(c);
    DatasetSnapshot snapshot;
    auto users = repo::allUsers(c);
    if (!users)
        return users.error();
    auto orders = repo::allOrders(c);
    if (!orders)
        return orders.error();
    auto friends = repo::allFriendships(c);
    if (!friends)
        return friends.error();
    return DatasetSnapshot{std::move(*users), std::move(*orders), std::move(*friends)};
}

} // namespace triptych
