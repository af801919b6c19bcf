#pragma once

#include "server/domain/credentials.h"
#include "server/domain/domain.h"
#include "server/domain/result.h"
#include "server/http/httpmessage.h"

#include <optional>
#include <string_view>
#include <variant>
#include <vector>

// Reading what a client sent: path ids, query parameters, credentials and JSON bodies. Every check answers with a
// value (a violation or a ready problem answer), never an exception.
namespace triptych::rest {

// A path {id}: decimal digits naming 1..2^31-1; anything else names nothing (404).
std::optional<std::int32_t> parseId(std::string_view text);

// An integer query parameter in [min, max], its default when absent or empty; a violation naming it otherwise.
int queryInt(const http::HttpRequest &request, std::string_view name, int fallback, int min, int max,
             std::vector<FieldViolation> &violations);

// The problem answer when the request carries no accepted `Authorization: Bearer` or `X-API-Key`.
std::optional<http::HttpResponse> checkCredentials(const http::HttpRequest &request, const Credentials &credentials);

// `application/json`, with or without parameters such as charset.
bool isJsonMediaType(std::string_view contentType);

// The body of POST /v1/users/{id}/orders: the order to create, or the 415 / 400 / 422 answer.
std::variant<CreateOrderInput, http::HttpResponse> parseCreateOrder(const http::HttpRequest &request, UserId userId);

} // namespace triptych::rest
