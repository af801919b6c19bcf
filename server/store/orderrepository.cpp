#include "server/store/orderrepository.h"

#include "server/store/database.h"

#include <string>

namespace triptych::store::repo {
namespace {

// The 30 user fields in contract order; the two derived totals are stored and kept current by every write.
#define TRIPTYCH_USER_COLUMNS                                                                                          \
    "u.id, u.name, u.email, u.avatar_url, u.bio, u.phone, u.locale, u.timezone, u.company, u.job_title, "              \
    "u.website, u.street, u.city, u.postal_code, u.country, u.date_of_birth, u.created_at, u.updated_at, "             \
    "u.last_login_at, u.is_active, u.is_verified, u.two_factor_enabled, u.loyalty_tier, u.loyalty_points, "            \
    "u.marketing_opt_in, u.preferred_currency, u.preferred_language, "                                                 \
    "u.orders_count, u.lifetime_value_cents, u.notes"
#define TRIPTYCH_ORDER_COLUMNS "o.id, o.user_id, o.product, o.quantity, o.total_cents, o.status, o.created_at"
// One user's orders: the user id is the statement's own parameter, so it is not read back from each row.
#define TRIPTYCH_USER_ORDER_COLUMNS "o.id, o.product, o.quantity, o.total_cents, o.status, o.created_at"
// Many ids travel as one JSON array parameter, so the batch statement's text is the same for any count.
#define TRIPTYCH_IDS_PARAMETER "(SELECT value FROM json_each(?))"

constexpr int kUserColumnCount = 30;

User readUser(const Statement &s, int first = 0) {
    User u;
    int i = first;
    u.id = s.int32At(i++);
    u.name = s.textAt(i++);
    u.email = s.textAt(i++);
    u.avatarUrl = s.textAt(i++);
    u.bio = s.textAt(i++);
    u.phone = s.textAt(i++);
    u.locale = s.textAt(i++);
    u.timezone = s.textAt(i++);
    u.company = s.textAt(i++);
    u.jobTitle = s.textAt(i++);
    u.website = s.textAt(i++);
    u.street = s.textAt(i++);
    u.city = s.textAt(i++);
    u.postalCode = s.textAt(i++);
    u.country = s.textAt(i++);
    u.dateOfBirth = s.textAt(i++);
    u.createdAt = s.int64At(i++);
    u.updatedAt = s.int64At(i++);
    u.lastLoginAt = s.int64At(i++);
    u.isActive = s.boolAt(i++);
    u.isVerified = s.boolAt(i++);
    u.twoFactorEnabled = s.boolAt(i++);
    u.loyaltyTier = s.textAt(i++);
    u.loyaltyPoints = s.int32At(i++);
    u.marketingOptIn = s.boolAt(i++);
    u.preferredCurrency = s.textAt(i++);
    u.preferredLanguage = s.textAt(i++);
    u.ordersCount = s.int32At(i++);
    u.lifetimeValueCents = s.int64At(i++);
    u.notes = s.textAt(i++);
    return u;
}

// Fills an order in place (a list's element), so a row costs no temporary Order and no move of it.
void readOrderInto(const Statement &s, Order &o) {
    o.id = s.int32At(0);
    o.userId = s.int32At(1);
    o.product = s.textViewAt(2);
    o.quantity = s.int32At(3);
    o.totalCents = s.int32At(4);
    o.status = orderStatusFromString(s.textViewAt(5)).value_or(OrderStatus::Pending);
    o.createdAt = s.int64At(6);
}

// A row of TRIPTYCH_USER_ORDER_COLUMNS: one column fewer to decode per order of a user's list.
void readUserOrderInto(const Statement &s, UserId userId, Order &o) {
    o.id = s.int32At(0);
    o.userId = userId;
    o.product = s.textViewAt(1);
    o.quantity = s.int32At(2);
    o.totalCents = s.int32At(3);
    o.status = orderStatusFromString(s.textViewAt(4)).value_or(OrderStatus::Pending);
    o.createdAt = s.int64At(5);
}

Order readOrder(const Statement &s) {
    Order o;
    readOrderInto(s, o);
    return o;
}

DomainError failure(const Statement &s) {
    return DomainError{ErrorCode::Internal, "database query failed: " + s.error(), {}, "DATABASE_ERROR"};
}

template <typename T, typename Read> Result<std::vector<T>> collect(Statement &s, Read read) {
    std::vector<T> rows;
    while (s.step())
        rows.push_back(read(s));
    if (s.failed())
        return failure(s);
    return rows;
}

// Rows read straight into the list's new last element.
template <typename Read> Result<std::vector<Order>> collectOrders(Statement &s, Read read) {
    std::vector<Order> rows;
    while (s.step())
        read(s, rows.emplace_back());
    if (s.failed())
        return failure(s);
    return rows;
}

std::string idsAsJson(std::span<const UserId> ids) {
    std::string json = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i)
            json += ',';
        json += std::to_string(ids[i]);
    }
    return json += ']';
}

} // namespace

Result<std::optional<User>> findUser(Connection &c, UserId id) {
    auto s = c.prepare("SELECT " TRIPTYCH_USER_COLUMNS " FROM users u WHERE u.id = ?");
    s.bind(1, id);
    if (s.step())
        return std::optional<User>(readUser(s));
    if (s.failed())
        return failure(s);
    return std::optional<User>();
}

Result<bool> userExists(Connection &c, UserId id) {
    auto s = c.prepare("SELECT 1 FROM users WHERE id = ?");
    s.bind(1, id);
    const bool found = s.step();
    if (s.failed())
        return failure(s);
    return found;
}

Result<std::int64_t> countUsers(Connection &c) {
    auto s = c.prepare("SELECT count(*) FROM users");
    if (!s.step())
        return failure(s);
    return s.int64At(0);
}

Result<std::vector<User>> usersPage(Connection &c, int limit, int offset) {
    auto s = c.prepare("SELECT " TRIPTYCH_USER_COLUMNS " FROM users u ORDER BY u.id LIMIT ? OFFSET ?");
    s.bind(1, limit).bind(2, offset);
    return collect<User>(s, [](const Statement &row) { return readUser(row); });
}

Result<std::vector<User>> usersAfter(Connection &c, UserId afterId, int limit) {
    auto s = c.prepare("SELECT " TRIPTYCH_USER_COLUMNS " FROM users u WHERE u.id > ? ORDER BY u.id LIMIT ?");
    s.bind(1, afterId).bind(2, limit + 1);
    return collect<User>(s, [](const Statement &row) { return readUser(row); });
}

Result<std::vector<User>> usersByIds(Connection &c, std::span<const UserId> ids) {
    auto s = c.prepare("SELECT " TRIPTYCH_USER_COLUMNS " FROM users u WHERE u.id IN " TRIPTYCH_IDS_PARAMETER
                       " ORDER BY u.id");
    s.bind(1, idsAsJson(ids));
    return collect<User>(s, [](const Statement &row) { return readUser(row); });
}

Result<std::optional<Order>> findOrder(Connection &c, OrderId id) {
    auto s = c.prepare("SELECT " TRIPTYCH_ORDER_COLUMNS " FROM orders o WHERE o.id = ?");
    s.bind(1, id);
    if (s.step())
        return std::optional<Order>(readOrder(s));
    if (s.failed())
        return failure(s);
    return std::optional<Order>();
}

Result<std::vector<Order>> ordersOfUser(Connection &c, UserId id, std::optional<OrderStatus> status, int limit) {
    auto s = c.prepare("SELECT " TRIPTYCH_USER_ORDER_COLUMNS " FROM orders o WHERE o.user_id = ?1 "
                       "AND (?2 IS NULL OR o.status = ?2) ORDER BY o.id LIMIT ?3");
    s.bind(1, id).bind(3, limit);
    if (status)
        s.bind(2, toString(*status));
    return collectOrders(s, [id](const Statement &row, Order &order) { readUserOrderInto(row, id, order); });
}

Result<std::vector<Order>> ordersOfUsers(Connection &c, std::span<const UserId> ids,
                                         std::optional<OrderStatus> status) {
    auto s = c.prepare("SELECT " TRIPTYCH_ORDER_COLUMNS " FROM orders o WHERE o.user_id IN " TRIPTYCH_IDS_PARAMETER
                       " AND (?2 IS NULL OR o.status = ?2) ORDER BY o.user_id, o.id");
    s.bind(1, idsAsJson(ids));
    if (status)
        s.bind(2, toString(*status));
    return collectOrders(s, readOrderInto);
}

Result<std::vector<Order>> ordersOfUserAfter(Connection &c, UserId id, OrderId afterId, int limit) {
    auto s = c.prepare("SELECT " TRIPTYCH_USER_ORDER_COLUMNS
                       " FROM orders o WHERE o.user_id = ? AND o.id > ? ORDER BY o.id LIMIT ?");
    s.bind(1, id).bind(2, afterId).bind(3, limit + 1);
    return collectOrders(s, [id](const Statement &row, Order &order) { readUserOrderInto(row, id, order); });
}

Result<std::vector<User>> friendsOf(Connection &c, UserId id, int limit) {
    auto s = c.prepare("SELECT " TRIPTYCH_USER_COLUMNS " FROM friends f JOIN users u ON u.id = f.friend_id "
                       "WHERE f.user_id = ? ORDER BY u.id LIMIT ?");
    s.bind(1, id).bind(2, limit);
    return collect<User>(s, [](const Statement &row) { return readUser(row); });
}

Result<std::vector<std::pair<UserId, User>>> friendsOfUsers(Connection &c, std::span<const UserId> ids) {
    auto s = c.prepare("SELECT " TRIPTYCH_USER_COLUMNS ", f.user_id FROM friends f JOIN users u ON u.id = f.friend_id "
                       "WHERE f.user_id IN " TRIPTYCH_IDS_PARAMETER " ORDER BY f.user_id, u.id");
    s.bind(1, idsAsJson(ids));
    return collect<std::pair<UserId, User>>(
        s, [](const Statement &row) { return std::pair(row.int32At(kUserColumnCount), readUser(row)); });
}

Result<Order> insertOrder(Connection &c, const Order &order) {
    auto s = c.prepare("INSERT INTO orders (user_id, product, quantity, total_cents, status, created_at) "
                       "VALUES (?,?,?,?,?,?) RETURNING id");
    s.bind(1, order.userId).bind(2, order.product).bind(3, order.quantity).bind(4, order.totalCents);
    s.bind(5, toString(order.status)).bind(6, order.createdAt);
    if (!s.step())
        return failure(s);
    Order created = order;
    created.id = s.int32At(0);
    while (s.step()) {
    }
    return created;
}

Status addToUserTotals(Connection &c, UserId id, int orders, std::int64_t valueCents) {
    auto s = c.prepare("UPDATE users SET orders_count = orders_count + ?, lifetime_value_cents = "
                       "lifetime_value_cents + ? WHERE id = ?");
    return s.bind(1, orders).bind(2, valueCents).bind(3, id).run();
}

Status updateOrderStatus(Connection &c, OrderId id, OrderStatus status) {
    auto s = c.prepare("UPDATE orders SET status = ? WHERE id = ?");
    return s.bind(1, toString(status)).bind(2, id).run();
}

Result<std::vector<User>> allUsers(Connection &c) {
    auto s = c.prepare("SELECT " TRIPTYCH_USER_COLUMNS " FROM users u ORDER BY u.id");
    return collect<User>(s, [](const Statement &row) { return readUser(row); });
}

Result<std::vector<Order>> allOrders(Connection &c) {
    auto s = c.prepare("SELECT " TRIPTYCH_ORDER_COLUMNS " FROM orders o ORDER BY o.id");
    return collectOrders(s, readOrderInto);
}

Result<std::vector<std::pair<UserId, UserId>>> allFriendships(Connection &c) {
    auto s = c.prepare("SELECT user_id, friend_id FROM friends ORDER BY user_id, friend_id");
    return collect<std::pair<UserId, UserId>>(
        s, [](const Statement &row) { return std::pair(row.int32At(0), row.int32At(1)); });
}

} // namespace triptych::store::repo
