#include "server/rest/problems.h"

#include "server/http/problem.h"

namespace triptych::rest {
namespace {

std::string_view typeOf(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return problemtype::kValidation;
    case ErrorCode::NotFound:
        return problemtype::kNotFound;
    case ErrorCode::FailedPrecondition:
        return problemtype::kConflict;
    case ErrorCode::Unauthenticated:
        return problemtype::kUnauthenticated;
    case ErrorCode::ResourceExhausted:
        return problemtype::kRateLimited;
    case ErrorCode::Unavailable:
        return problemtype::kUnavailable;
    case ErrorCode::Internal:
        break;
    }
    return problemtype::kInternal;
}

http::HttpResponse answer(int status, std::string_view type, std::string detail,
                          std::vector<FieldViolation> violations = {}) {
    http::Problem problem;
    problem.status = status;
    problem.type = std::string(type);
    problem.detail = std::move(detail);
    problem.errors = std::move(violations);
    auto response = http::problemResponse(problem);
    response.headers.set("Cache-Control", "no-store");
    return response;
}

std::string describe(const std::vector<FieldViolation> &violations) {
    std::string detail;
    for (const auto &violation : violations)
        detail += (detail.empty() ? "" : "; ") + violation.field + ": " + violation.message;
    return detail.empty() ? "The request is not valid." : detail + ".";
}

} // namespace

int httpStatus(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return 422;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::FailedPrecondition:
        return 409;
    case ErrorCode::Unauthenticated:
        return 401;
    case ErrorCode::ResourceExhausted:
        return 429;
    case ErrorCode::Unavailable:
        return 503;
    case ErrorCode::Internal:
        break;
    }
    return 500;
}

http::HttpResponse problemFor(const DomainError &error) {
    const int status = httpStatus(error.code);
    if (status == 401)
        return unauthenticatedProblem(false);
    std::string detail = error.message.empty() ? std::string(http::reasonPhrase(status)) : error.message;
    if (!detail.empty() && detail.back() != '.')
        detail += '.';
    return answer(status, typeOf(error.code), std::move(detail), error.violations);
}

http::HttpResponse validationProblem(std::vector<FieldViolation> violations) {
    auto detail = describe(violations);
    return answer(422, problemtype::kValidation, std::move(detail), std::move(violations));
}

http::HttpResponse notFoundProblem(std::string detail) {
    return answer(404, problemtype::kNotFound, std::move(detail));
}

http::HttpResponse unauthenticatedProblem(bool offered) {
    auto response = answer(401, problemtype::kUnauthenticated,
                           offered ? "The credentials are not valid; send `Authorization: Bearer <token>` or "
                                     "`X-API-Key: <key>` with the server's demo credentials."
                                   : "This request changes data and needs credentials: send `Authorization: Bearer "
                                     "<token>` or `X-API-Key: <key>` (triptych-server --help shows them).");
    response.headers.set("WWW-Authenticate",
                         offered ? R"(Bearer realm="triptych", error="invalid_token")" : R"(Bearer realm="triptych")");
    return response;
}

http::HttpResponse malformedJsonProblem(std::string detail) {
    return answer(400, problemtype::kMalformedJson, std::move(detail));
}

http::HttpResponse unsupportedMediaTypeProblem(std::string_view contentType) {
    auto response = answer(415, problemtype::kUnsupportedMediaType,
                           contentType.empty() ? std::string("The body needs `Content-Type: application/json`.")
                                               : "The body is `" + std::string(contentType) +
                                                     "`; send it as `Content-Type: application/json`.");
    response.headers.set("Accept-Post", "application/json");
    return response;
}

} // namespace triptych::rest
