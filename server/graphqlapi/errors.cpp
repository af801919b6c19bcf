#include "server/graphqlapi/errors.h"

#include "server/graphqlapi/limits.h"

#include <charconv>

namespace triptych::graphqlapi {

std::string_view graphqlCode(ErrorCode error) {
    switch (error) {
    case ErrorCode::InvalidArgument:
        return code::kBadUserInput;
    case ErrorCode::NotFound:
        return "NOT_FOUND";
    case ErrorCode::FailedPrecondition:
        return "FAILED_PRECONDITION";
    case ErrorCode::Unauthenticated:
        return code::kUnauthenticated;
    case ErrorCode::ResourceExhausted:
        return "RESOURCE_EXHAUSTED";
    case ErrorCode::Unavailable:
    case ErrorCode::Internal:
        break;
    }
    return "INTERNAL_SERVER_ERROR";
}

graphql::Value codeExtensions(std::string_view code) {
    return graphql::Value::fromObject({{"code", graphql::Value::fromString(std::string(code))}});
}

graphql::Resolved fieldError(const DomainError &error) {
    return graphql::Resolved::error(error.message, codeExtensions(graphqlCode(error.code)));
}

graphql::Resolved badUserInput(std::string message) {
    return graphql::Resolved::error(std::move(message), codeExtensions(code::kBadUserInput));
}

std::optional<std::int32_t> parseId(const graphql::Value *id) {
    if (!id || id->kind() != graphql::Value::Kind::String)
        return std::nullopt;
    const std::string &text = id->asString();
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    if (value > INT32_MAX)
        return std::nullopt;
    return value <= 0 ? 0 : static_cast<std::int32_t>(value);
}

std::optional<int> parseFirst(const graphql::Value *first) {
    if (!first || first->isNull())
        return -1;
    const std::int64_t value = first->asInt();
    if (value < 0 || value > limits::kMaxFirst)
        return std::nullopt;
    return static_cast<int>(value);
}

} // namespace triptych::graphqlapi
