#include "server/rest/orderjson.h"

#include "server/domain/timestamps.h"
#include "server/json/jsonappend.h"

#include <rapidjson/internal/itoa.h>

#include <chrono>

namespace triptych::rest::json {
namespace {

template <std::size_t N> void literal(std::string &out, const char (&text)[N]) {
    out.append(text, N - 1);
}

void integer(std::string &out, std::int32_t value) {
    char digits[16];
    const char *end = rapidjson::internal::i32toa(value, digits);
    out.append(digits, static_cast<std::size_t>(end - digits));
}

void twoDigits(char *at, unsigned value) {
    at[0] = static_cast<char>('0' + value / 10);
    at[1] = static_cast<char>('0' + value % 10);
}

} // namespace

void appendTimestamp(std::string &out, UnixSeconds seconds) {
    using namespace std::chrono;
    const auto day = floor<days>(sys_seconds(seconds * 1s));
    const year_month_day date(day);
    const int year = static_cast<int>(date.year());
    if (year < 0 || year > 9999)
        return appendRfc3339(out, seconds);
    const auto secondOfDay = static_cast<unsigned>(seconds - day.time_since_epoch().count() * 86400);
    char text[] = "0000-00-00T00:00:00Z";
    twoDigits(text, static_cast<unsigned>(year) / 100);
    twoDigits(text + 2, static_cast<unsigned>(year) % 100);
    twoDigits(text + 5, static_cast<unsigned>(date.month()));
    twoDigits(text + 8, static_cast<unsigned>(date.day()));
    twoDigits(text + 11, secondOfDay / 3600);
    twoDigits(text + 14, secondOfDay / 60 % 60);
    twoDigits(text + 17, secondOfDay % 60);
    out.append(text, sizeof text - 1);
}

void appendOrderJson(std::string &out, const Order &order) {
    literal(out, "{\"id\":");
    integer(out, order.id);
    literal(out, ",\"user_id\":");
    integer(out, order.userId);
    literal(out, ",\"product\":\"");
    ::triptych::json::appendEscaped(out, order.product);
    literal(out, "\",\"quantity\":");
    integer(out, order.quantity);
    literal(out, ",\"total_cents\":");
    integer(out, order.totalCents);
    literal(out, ",\"status\":\"");
    out += toString(order.status);
    literal(out, "\",\"created_at\":\"");
    appendTimestamp(out, order.createdAt);
    literal(out, "\"}");
}

} // namespace triptych::rest::json
