#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace triptych {

// Transport-neutral error kinds; each transport maps them in exactly one function.
enum class ErrorCode {
    InvalidArgument,    // REST 422, GraphQL BAD_USER_INPUT, gRPC INVALID_ARGUMENT
    NotFound,           // 404, NOT_FOUND, NOT_FOUND
    FailedPrecondition, // 409, FAILED_PRECONDITION, FAILED_PRECONDITION
    Unauthenticated,    // 401, UNAUTHENTICATED, UNAUTHENTICATED
    ResourceExhausted,  // 429, RESOURCE_EXHAUSTED, RESOURCE_EXHAUSTED
    Unavailable,        // 503, INTERNAL_SERVER_ERROR, UNAVAILABLE
    Internal,           // 500, INTERNAL_SERVER_ERROR, INTERNAL
};

std::string_view toString(ErrorCode code);

struct FieldViolation {
    std::string field; // the request field as the contract spells it in snake_case, e.g. "quantity"
    std::string message;
    bool operator==(const FieldViolation &) const = default;
};

struct DomainError {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::vector<FieldViolation> violations;
    // A machine-readable reason for ErrorInfo-style details, e.g. "ORDER_ALREADY_DELIVERED".
    std::string reason;
};

// A value or a domain error; the service layer never throws.
template <typename T> class Result {
public:
    Result(T value)
        : m_state(std::move(value)) {}
    Result(DomainError error)
        : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<T>(m_state); }
    const T &value() const { return std::get<T>(m_state); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const DomainError &error() const { return std::get<DomainError>(m_state); }

private:
    std::variant<T, DomainError> m_state;
};

struct Done {};
using Status = Result<Done>;

} // namespace triptych
