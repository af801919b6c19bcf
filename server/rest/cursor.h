#pragma once

#include "server/domain/domain.h"

#include <optional>
#include <string>
#include <string_view>

// The opaque v2 paging cursor: base64url (no padding) of "orders:v2:<last order id>". Clients pass it back as it
// is; its form may change without notice, which is why it is opaque.
namespace triptych::rest::cursor {

std::string encode(OrderId lastId);
// The last order id of the previous page, or none when the text is not a cursor of ours.
std::optional<OrderId> decode(std::string_view text);

} // namespace triptych::rest::cursor
