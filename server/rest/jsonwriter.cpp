#include "server/rest/jsonwriter.h"

#include "server/domain/timestamps.h"
#include "server/json/writer.h"
#include "server/rest/orderjson.h"
#include "server/rest/userjson.h"

#include <rapidjson/stringbuffer.h>

namespace triptych::rest::json {
namespace {

using Buffer = rapidjson::StringBuffer;
using Writer = triptych::json::Writer<Buffer>;

// Measured sizes of one serialized value, so a list reserves its buffer once.
constexpr std::size_t kOrderJsonBytes = 160;
constexpr std::size_t kUserJsonBytes = 1024;
constexpr std::string_view kCurrency = "USD";

// Writes a key from a literal without measuring it at run time.
template <std::size_t N> void key(Writer &writer, const char (&name)[N]) {
    writer.Key(name, static_cast<rapidjson::SizeType>(N - 1));
}

void text(Writer &writer, std::string_view value) {
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void timestamp(Writer &writer, std::string &scratch, UnixSeconds seconds) {
    scratch.clear();
    appendTimestamp(scratch, seconds);
    text(writer, scratch);
}

void writeUserProfile(Writer &w, const User &u) {
    key(w, "name"), text(w, u.name);
    key(w, "email"), text(w, u.email);
    key(w, "avatar_url"), text(w, u.avatarUrl);
    key(w, "bio"), text(w, u.bio);
    key(w, "phone"), text(w, u.phone);
    key(w, "locale"), text(w, u.locale);
    key(w, "timezone"), text(w, u.timezone);
    key(w, "company"), text(w, u.company);
    key(w, "job_title"), text(w, u.jobTitle);
    key(w, "website"), text(w, u.website);
    key(w, "street"), text(w, u.street);
    key(w, "city"), text(w, u.city);
    key(w, "postal_code"), text(w, u.postalCode);
    key(w, "country"), text(w, u.country);
    key(w, "date_of_birth"), text(w, u.dateOfBirth);
}

void writeUser(Writer &w, std::string &scratch, const User &u) {
    w.StartObject();
    key(w, "id"), w.Int(u.id);
    writeUserProfile(w, u);
    key(w, "created_at"), timestamp(w, scratch, u.createdAt);
    key(w, "updated_at"), timestamp(w, scratch, u.updatedAt);
    key(w, "last_login_at"), timestamp(w, scratch, u.lastLoginAt);
    key(w, "is_active"), w.Bool(u.isActive);
    key(w, "is_verified"), w.Bool(u.isVerified);
    key(w, "two_factor_enabled"), w.Bool(u.twoFactorEnabled);
    key(w, "loyalty_tier"), text(w, u.loyaltyTier);
    key(w, "loyalty_points"), w.Int(u.loyaltyPoints);
    key(w, "marketing_opt_in"), w.Bool(u.marketingOptIn);
    key(w, "preferred_currency"), text(w, u.preferredCurrency);
    key(w, "preferred_language"), text(w, u.preferredLanguage);
    key(w, "orders_count"), w.Int(u.ordersCount);
    key(w, "lifetime_value_cents"), w.Int64(u.lifetimeValueCents);
    key(w, "notes"), text(w, u.notes);
    w.EndObject();
}

// The fields every version shares; v1 adds total_cents, v2 a total object.
void writeOrderFields(Writer &w, const Order &o) {
    key(w, "id"), w.Int(o.id);
    key(w, "user_id"), w.Int(o.userId);
    key(w, "product"), text(w, o.product);
    key(w, "quantity"), w.Int(o.quantity);
}

void writeOrderV2(Writer &w, std::string &scratch, const Order &o) {
    w.StartObject();
    writeOrderFields(w, o);
    key(w, "total");
    w.StartObject();
    key(w, "amount_cents"), w.Int(o.totalCents);
    key(w, "currency"), text(w, kCurrency);
    w.EndObject();
    key(w, "status"), text(w, toString(o.status));
    key(w, "created_at"), timestamp(w, scratch, o.createdAt);
    w.EndObject();
}

// One buffer, one writer and one scratch string per answer.
struct Output {
    explicit Output(std::size_t reserveBytes)
        : buffer(nullptr, reserveBytes + 64)
        , writer(buffer) {}
    std::string take() const { return {buffer.GetString(), buffer.GetSize()}; }
    Buffer buffer;
    Writer writer;
    std::string scratch;
};

} // namespace

std::string user(const User &value) {
    std::string out;
    out.reserve(kUserJsonBytes);
    appendUserJson(out, value);
    return out;
}

std::string users(std::span<const User> values) {
    Output out(kUserJsonBytes * values.size());
    out.writer.StartArray();
    for (const auto &value : values)
        writeUser(out.writer, out.scratch, value);
    out.writer.EndArray();
    return out.take();
}

std::string order(const Order &value) {
    std::string out;
    out.reserve(kOrderJsonBytes);
    appendOrderJson(out, value);
    return out;
}

std::string orders(std::span<const Order> values) {
    std::size_t bound = 2 + values.size(); // brackets and commas
    for (const auto &value : values)
        bound += orderJsonBound(value);
    std::string out(bound, '\0'); // one fill of the bound, then every byte is stored without a check
    char *to = out.data();
    *to++ = '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            *to++ = ',';
        to = writeOrderJson(to, values[i]);
    }
    *to++ = ']';
    out.resize(static_cast<std::size_t>(to - out.data()));
    return out;
}

std::string userPage(const UserPage &page) {
    Output out(kUserJsonBytes * page.items.size());
    auto &w = out.writer;
    w.StartObject();
    key(w, "items");
    w.StartArray();
    for (const auto &value : page.items)
        writeUser(w, out.scratch, value);
    w.EndArray();
    key(w, "total"), w.Int64(page.total);
    key(w, "limit"), w.Int(page.limit);
    key(w, "offset"), w.Int(page.offset);
    w.EndObject();
    return out.take();
}

std::string ordersV2(std::span<const Order> values, const std::optional<std::string> &nextCursor) {
    Output out(kOrderJsonBytes * values.size());
    auto &w = out.writer;
    w.StartObject();
    key(w, "items");
    w.StartArray();
    for (const auto &value : values)
        writeOrderV2(w, out.scratch, value);
    w.EndArray();
    key(w, "next_cursor");
    if (nextCursor)
        text(w, *nextCursor);
    else
        w.Null();
    w.EndObject();
    return out.take();
}

std::string dataset(const DatasetSnapshot &snapshot) {
    Output out(kUserJsonBytes * snapshot.users.size() + kOrderJsonBytes * snapshot.orders.size() +
               16 * snapshot.friends.size());
    auto &w = out.writer;
    w.StartObject();
    key(w, "users");
    w.StartArray();
    for (const auto &value : snapshot.users)
        writeUser(w, out.scratch, value);
    w.EndArray();
    key(w, "orders");
    const std::string ordersJson = orders(snapshot.orders);
    w.RawValue(ordersJson.data(), ordersJson.size(), rapidjson::kArrayType);
    key(w, "friends");
    w.StartArray();
    for (const auto &[userId, friendId] : snapshot.friends) {
        w.StartArray();
        w.Int(userId);
        w.Int(friendId);
        w.EndArray();
    }
    w.EndArray();
    w.EndObject();
    return out.take();
}

} // namespace triptych::rest::json
