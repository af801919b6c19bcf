#include "server/rest/orderjson.h"

#include "server/domain/timestamps.h"
#include "server/json/jsonappend.h"

#include <rapidjson/internal/itoa.h>

#include <chrono>
#include <cstring>

namespace triptych::rest::json {
namespace {

// The literal keys and punctuation of one order (86 bytes), four int32 (11 each), the longest status (9) and a
// timestamp (20, up to 32 outside years 0–9999), rounded up.
constexpr std::size_t kOrderFixedBytes = 176;
constexpr std::size_t kTimestampBytes = 20;

template <std::size_t N> char *literal(char *to, const char (&text)[N]) {
    std::memcpy(to, text, N - 1);
    return to + (N - 1);
}

void twoDigits(char *at, unsigned value) {
    at[0] = static_cast<char>('0' + value / 10);
    at[1] = static_cast<char>('0' + value % 10);
}

// Years 0–9999 by hand; any other year through the general formatter. Returns the end.
char *writeTimestamp(char *to, UnixSeconds seconds) {
    using namespace std::chrono;
    const auto day = floor<days>(sys_seconds(seconds * 1s));
    const year_month_day date(day);
    const int year = static_cast<int>(date.year());
    if (year < 0 || year > 9999) {
        const std::string text = formatRfc3339(seconds);
        std::memcpy(to, text.data(), text.size());
        return to + text.size();
    }
    const auto secondOfDay = static_cast<unsigned>(seconds - day.time_since_epoch().count() * 86400);
    std::memcpy(to, "0000-00-00T00:00:00Z", kTimestampBytes);
    twoDigits(to, static_cast<unsigned>(year) / 100);
    twoDigits(to + 2, static_cast<unsigned>(year) % 100);
    twoDigits(to + 5, static_cast<unsigned>(date.month()));
    twoDigits(to + 8, static_cast<unsigned>(date.day()));
    twoDigits(to + 11, secondOfDay / 3600);
    twoDigits(to + 14, secondOfDay / 60 % 60);
    twoDigits(to + 17, secondOfDay % 60);
    return to + kTimestampBytes;
}

} // namespace

void appendTimestamp(std::string &out, UnixSeconds seconds) {
    char text[32];
    out.append(text, static_cast<std::size_t>(writeTimestamp(text, seconds) - text));
}

std::size_t orderJsonBound(const Order &order) {
    return kOrderFixedBytes + ::triptych::json::escapedSizeBound(order.product);
}

char *writeOrderJson(char *to, const Order &order) {
    to = literal(to, "{\"id\":");
    to = rapidjson::internal::i32toa(order.id, to);
    to = literal(to, ",\"user_id\":");
    to = rapidjson::internal::i32toa(order.userId, to);
    to = literal(to, ",\"product\":\"");
    to = ::triptych::json::writeEscaped(to, order.product);
    to = literal(to, "\",\"quantity\":");
    to = rapidjson::internal::i32toa(order.quantity, to);
    to = literal(to, ",\"total_cents\":");
    to = rapidjson::internal::i32toa(order.totalCents, to);
    to = literal(to, ",\"status\":\"");
    const std::string_view status = toString(order.status);
    std::memcpy(to, status.data(), status.size());
    to += status.size();
    to = literal(to, "\",\"created_at\":\"");
    to = writeTimestamp(to, order.createdAt);
    return literal(to, "\"}");
}

void appendOrderJson(std::string &out, const Order &order) {
    const std::size_t used = out.size();
    out.resize(used + orderJsonBound(order));
    out.resize(static_cast<std::size_t>(writeOrderJson(out.data() + used, order) - out.data()));
}

} // namespace triptych::rest::json
