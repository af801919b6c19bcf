#pragma once

#include "server/domain/domain.h"

#include <optional>
#include <span>
#include <string>

// The REST JSON of the domain values, written straight from the structs with RapidJSON's Writer (no DOM):
// snake_case keys, integers for ids, quantities, counts and cents, RFC 3339 UTC timestamps.
namespace triptych::rest::json {

std::string user(const User &user);
std::string users(std::span<const User> users);
std::string order(const Order &order);
std::string orders(std::span<const Order> orders);
// {"items":[User…],"total":N,"limit":..,"offset":..}
std::string userPage(const UserPage &page);
// {"items":[{…,"total":{"amount_cents":..,"currency":"USD"}}],"next_cursor":..}; null cursor on the last page.
std::string ordersV2(std::span<const Order> orders, const std::optional<std::string> &nextCursor);
// {"users":[User…],"orders":[Order…],"friends":[[user_id,friend_id]…]}
std::string dataset(const DatasetSnapshot &snapshot);

} // namespace triptych::rest::json
