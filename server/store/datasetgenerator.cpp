#include "server/store/datasetgenerator.h"

#include "server/domain/catalog.h"
#include "server/domain/domain.h"
#include "server/domain/limits.h"
#include "server/domain/timestamps.h"
#include "server/store/database.h"
#include "server/store/random.h"
#include "server/store/userprofiles.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

namespace triptych::store {
namespace {

// The data set's clock: everything happens between 2019 and mid-2024, never "now", so runs are identical.
constexpr UnixSeconds kEpochStart = 1546300800; // 2019-01-01T00:00:00Z
constexpr UnixSeconds kEpochEnd = 1717200000;   // 2024-06-01T00:00:00Z
constexpr UserId kUserWithManyOrders = 42;
constexpr UserId kUserWithoutOrders = 7;

struct GeneratedOrder {
    UserId userId;
    int productIndex;
    int quantity;
    UnixSeconds createdAt;
};

std::string slug(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    }
    return out;
}

User makeUser(UserId id, DeterministicRandom &random) {
    using namespace profiles;
    User user;
    user.id = id;
    const auto first = random.pick(kFirstNames);
    const auto last = random.pick(kLastNames);
    const auto &place = random.pick(kPlaces);
    const auto company = random.pick(kCompanies);
    user.name = std::string(first) + " " + std::string(last);
    user.email = slug(first) + "." + slug(last) + std::to_string(id) + "@example.com";
    user.avatarUrl = "https://avatars.example.com/u/" + std::to_string(id) + ".png";
    user.jobTitle = std::string(random.pick(kJobTitles));
    user.company = std::string(company);
    user.bio = user.jobTitle + " at " + user.company + ". " + std::string(random.pick(kBioEndings));
    char phone[32];
    std::snprintf(phone, sizeof phone, "%s 555 %04d", std::string(place.phonePrefix).c_str(),
                  static_cast<int>(random.below(10000)));
    user.phone = phone;
    user.locale = std::string(place.locale);
    user.timezone = std::string(place.timezone);
    user.website = "https://" + slug(first) + slug(last) + ".example.org";
    user.street = std::to_string(random.between(1, 240)) + " " + std::string(random.pick(kStreets));
    user.city = std::string(place.city);
    char postal[16];
    std::snprintf(postal, sizeof postal, "%05d", static_cast<int>(random.between(1000, 99999)));
    user.postalCode = postal;
    user.country = std::string(place.country);
    char birth[16];
    std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", static_cast<int>(random.between(1950, 2004)),
                  static_cast<int>(random.between(1, 12)), static_cast<int>(random.between(1, 28)));
    user.dateOfBirth = birth;
    user.createdAt = random.between(kEpochStart, kEpochEnd - 86400 * 60);
    user.updatedAt = random.between(user.createdAt, kEpochEnd - 86400);
    user.lastLoginAt = random.between(user.updatedAt, kEpochEnd);
    user.isActive = random.chance(92);
    user.isVerified = random.chance(75);
    user.twoFactorEnabled = random.chance(35);
    user.loyaltyPoints = static_cast<std::int32_t>(random.below(20000));
    user.loyaltyTier = user.loyaltyPoints >= 15000  ? "platinum"
                       : user.loyaltyPoints >= 8000 ? "gold"
                       : user.loyaltyPoints >= 3000 ? "silver"
                                                    : "bronze";
    user.marketingOptIn = random.chance(40);
    user.preferredCurrency = std::string(place.currency);
    user.preferredLanguage = std::string(place.language);
    user.notes = std::string(random.pick(kNotes));
    return user;
}

Status insertUser(Connection &connection, const User &u) {
    auto insert =
        connection.prepare("INSERT INTO users VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,0)");
    insert.bind(1, u.id);
    insert.bind(2, u.name);
    insert.bind(3, u.email);
    insert.bind(4, u.avatarUrl);
    insert.bind(5, u.bio);
    insert.bind(6, u.phone);
    insert.bind(7, u.locale);
    insert.bind(8, u.timezone);
    insert.bind(9, u.company);
    insert.bind(10, u.jobTitle);
    insert.bind(11, u.website);
    insert.bind(12, u.street);
    insert.bind(13, u.city);
    insert.bind(14, u.postalCode);
    insert.bind(15, u.country);
    insert.bind(16, u.dateOfBirth);
    insert.bind(17, u.createdAt);
    insert.bind(18, u.updatedAt);
    insert.bind(19, u.lastLoginAt);
    insert.bind(20, u.isActive);
    insert.bind(21, u.isVerified);
    insert.bind(22, u.twoFactorEnabled);
    insert.bind(23, u.loyaltyTier);
    insert.bind(24, u.loyaltyPoints);
    insert.bind(25, u.marketingOptIn);
    insert.bind(26, u.preferredCurrency);
    insert.bind(27, u.preferredLanguage);
    insert.bind(28, u.notes);
    return insert.run();
}

int orderCountFor(UserId id, DeterministicRandom &random) {
    if (id == kUserWithManyOrders)
        return limits::kOrdersOfUser42;
    if (id == kUserWithoutOrders)
        return 0;
    return static_cast<int>(random.below(limits::kMaxOrdersPerOtherUser + 1));
}

// Old orders are mostly delivered, recent ones still on their way: what a real shop's table looks like.
OrderStatus statusFor(UnixSeconds createdAt, DeterministicRandom &random) {
    if (random.chance(6))
        return OrderStatus::Cancelled;
    const UnixSeconds age = kEpochEnd - createdAt;
    if (age > 86400 * 14)
        return OrderStatus::Delivered;
    static constexpr std::array<OrderStatus, 4> kRecent{OrderStatus::Pending, OrderStatus::Paid, OrderStatus::Shipped,
                                                        OrderStatus::Delivered};
    return random.pick(kRecent);
}

Status insertOrders(Connection &connection, std::vector<GeneratedOrder> orders, DeterministicRandom &random) {
    // Ids follow creation time, as an auto-increment column would have given them.
    std::stable_sort(orders.begin(), orders.end(),
                     [](const GeneratedOrder &a, const GeneratedOrder &b) { return a.createdAt < b.createdAt; });
    OrderId id = 0;
    for (const auto &order : orders) {
        const auto &product = catalog::kProducts[static_cast<std::size_t>(order.productIndex)];
        auto insert = connection.prepare("INSERT INTO orders VALUES (?,?,?,?,?,?,?)");
        insert.bind(1, ++id).bind(2, order.userId).bind(3, product.name).bind(4, order.quantity);
        insert.bind(5, std::int64_t(order.quantity) * product.unitPriceCents);
        insert.bind(6, toString(statusFor(order.createdAt, random))).bind(7, order.createdAt);
        if (auto ok = insert.run(); !ok)
            return ok;
    }
    return Done{};
}

Status insertFriends(Connection &connection, int users, DeterministicRandom &random) {
    const int friends = std::min(limits::kFriendsPerUser, users - 1);
    for (UserId id = 1; id <= users; ++id) {
        std::vector<UserId> chosen;
        while (static_cast<int>(chosen.size()) < friends) {
            const auto candidate = static_cast<UserId>(random.between(1, users));
            if (candidate != id && std::find(chosen.begin(), chosen.end(), candidate) == chosen.end())
                chosen.push_back(candidate);
        }
        std::sort(chosen.begin(), chosen.end());
        for (UserId friendId : chosen) {
            auto insert = connection.prepare("INSERT INTO friends VALUES (?,?)");
            if (auto ok = insert.bind(1, id).bind(2, friendId).run(); !ok)
                return ok;
        }
    }
    return Done{};
}

} // namespace

Status generateDataset(Connection &connection, int users, std::uint64_t seed) {
    if (users < limits::kMinUsers || users > limits::kMaxUsers)
        return DomainError{ErrorCode::InvalidArgument,
                           "--users must be between " + std::to_string(limits::kMinUsers) + " and " +
                               std::to_string(limits::kMaxUsers) + " (user 42 is part of the data set)",
                           {{"users", "out of range"}}};
    Transaction transaction(connection);
    if (!transaction.begun())
        return transaction.begun();
    DeterministicRandom random(seed);
    std::vector<GeneratedOrder> orders;
    for (UserId id = 1; id <= users; ++id) {
        const User user = makeUser(id, random);
        if (auto ok = insertUser(connection, user); !ok)
            return ok;
        const int count = orderCountFor(id, random);
        for (int n = 0; n < count; ++n) {
            orders.push_back({id, static_cast<int>(random.below(catalog::kProducts.size())),
                              static_cast<int>(random.between(1, 5)), random.between(user.createdAt, kEpochEnd)});
        }
    }
    if (auto ok = insertOrders(connection, std::move(orders), random); !ok)
        return ok;
    if (auto ok = insertFriends(connection, users, random); !ok)
        return ok;
    // The stored totals that user reads return; writes keep them current from here on.
    if (auto ok = connection.exec("UPDATE users SET orders_count = (SELECT count(*) FROM orders o WHERE o.user_id = "
                                  "users.id), lifetime_value_cents = (SELECT coalesce(sum(o.total_cents), 0) FROM "
                                  "orders o WHERE o.user_id = users.id AND o.status <> 'CANCELLED')");
        !ok)
        return ok;
    auto meta = connection.prepare("INSERT INTO meta VALUES ('seed', ?), ('users', ?)");
    if (auto ok = meta.bind(1, std::to_string(seed)).bind(2, std::to_string(users)).run(); !ok)
        return ok;
    return transaction.commit();
}

} // namespace triptych::store
