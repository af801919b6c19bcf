#include "server/rest/userjson.h"

#include "server/json/jsonappend.h"
#include "server/rest/orderjson.h"

#include <rapidjson/internal/itoa.h>

namespace triptych::rest::json {
namespace {

// A key with its punctuation, from a literal: `,"name":"` before text, `,"name":` before the rest.
template <std::size_t N> void key(std::string &out, const char (&name)[N]) {
    out.append(name, N - 1);
}

// Text after its opening quote (in the key literal), then the closing one.
void text(std::string &out, const std::string &value) {
    ::triptych::json::appendEscaped(out, value);
    out += '"';
}

void integer(std::string &out, std::int64_t value) {
    char digits[24];
    out.append(digits, static_cast<std::size_t>(rapidjson::internal::i64toa(value, digits) - digits));
}

void boolean(std::string &out, bool value) {
    out.append(value ? "true" : "false");
}

void timestamp(std::string &out, UnixSeconds seconds) {
    appendTimestamp(out, seconds);
    out += '"';
}

} // namespace

void appendUserJson(std::string &out, const User &u) {
    key(out, "{\"id\":"), integer(out, u.id);
    key(out, ",\"name\":\""), text(out, u.name);
    key(out, ",\"email\":\""), text(out, u.email);
    key(out, ",\"avatar_url\":\""), text(out, u.avatarUrl);
    key(out, ",\"bio\":\""), text(out, u.bio);
    key(out, ",\"phone\":\""), text(out, u.phone);
    key(out, ",\"locale\":\""), text(out, u.locale);
    key(out, ",\"timezone\":\""), text(out, u.timezone);
    key(out, ",\"company\":\""), text(out, u.company);
    key(out, ",\"job_title\":\""), text(out, u.jobTitle);
    key(out, ",\"website\":\""), text(out, u.website);
    key(out, ",\"street\":\""), text(out, u.street);
    key(out, ",\"city\":\""), text(out, u.city);
    key(out, ",\"postal_code\":\""), text(out, u.postalCode);
    key(out, ",\"country\":\""), text(out, u.country);
    key(out, ",\"date_of_birth\":\""), text(out, u.dateOfBirth);
    key(out, ",\"created_at\":\""), timestamp(out, u.createdAt);
    key(out, ",\"updated_at\":\""), timestamp(out, u.updatedAt);
    key(out, ",\"last_login_at\":\""), timestamp(out, u.lastLoginAt);
    key(out, ",\"is_active\":"), boolean(out, u.isActive);
    key(out, ",\"is_verified\":"), boolean(out, u.isVerified);
    key(out, ",\"two_factor_enabled\":"), boolean(out, u.twoFactorEnabled);
    key(out, ",\"loyalty_tier\":\""), text(out, u.loyaltyTier);
    key(out, ",\"loyalty_points\":"), integer(out, u.loyaltyPoints);
    key(out, ",\"marketing_opt_in\":"), boolean(out, u.marketingOptIn);
    key(out, ",\"preferred_currency\":\""), text(out, u.preferredCurrency);
    key(out, ",\"preferred_language\":\""), text(out, u.preferredLanguage);
    key(out, ",\"orders_count\":"), integer(out, u.ordersCount);
    key(out, ",\"lifetime_value_cents\":"), integer(out, u.lifetimeValueCents);
    key(out, ",\"notes\":\""), text(out, u.notes);
    out += '}';
}

} // namespace triptych::rest::json
