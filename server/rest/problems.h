#pragma once

#include "server/domain/result.h"
#include "server/http/httpmessage.h"

#include <string>
#include <string_view>
#include <vector>

// The REST error answers: RFC 9457 problem+json with one `type` URI per kind of problem (docs/rest.md lists them).
namespace triptych::rest {

namespace problemtype {
inline constexpr std::string_view kValidation = "https://triptych.dev/problems/validation-failed";
inline constexpr std::string_view kNotFound = "https://triptych.dev/problems/not-found";
inline constexpr std::string_view kConflict = "https://triptych.dev/problems/order-not-cancellable";
inline constexpr std::string_view kUnauthenticated = "https://triptych.dev/problems/unauthenticated";
inline constexpr std::string_view kMalformedJson = "https://triptych.dev/problems/malformed-json";
inline constexpr std::string_view kUnsupportedMediaType = "https://triptych.dev/problems/unsupported-media-type";
inline constexpr std::string_view kRateLimited = "https://triptych.dev/problems/rate-limited";
inline constexpr std::string_view kUnavailable = "https://triptych.dev/problems/unavailable";
inline constexpr std::string_view kInternal = "https://triptych.dev/problems/internal";
} // namespace problemtype

// The one place a domain error becomes an HTTP status.
int httpStatus(ErrorCode code);
// The problem answer for a domain error: status from httpStatus, its type URI, violations as `errors`.
http::HttpResponse problemFor(const DomainError &error);

http::HttpResponse validationProblem(std::vector<FieldViolation> violations);
http::HttpResponse notFoundProblem(std::string detail);
// 401 with `WWW-Authenticate`; `offered` tells whether credentials were sent (and were wrong).
http::HttpResponse unauthenticatedProblem(bool offered);
http::HttpResponse malformedJsonProblem(std::string detail);
http::HttpResponse unsupportedMediaTypeProblem(std::string_view contentType);

} // namespace triptych::rest
