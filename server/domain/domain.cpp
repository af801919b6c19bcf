#include "server/domain/domain.h"
#include "server/domain/result.h"

#include <array>
#include <utility>

namespace triptych {
namespace {

constexpr std::array<std::pair<OrderStatus, std::string_view>, 5> kStatusNames{{
    {OrderStatus::Pending, "PENDING"},
    {OrderStatus::Paid, "PAID"},
    {OrderStatus::Shipped, "SHIPPED"},
    {OrderStatus::Delivered, "DELIVERED"},
    {OrderStatus::Cancelled, "CANCELLED"},
}};

} // namespace

std::string_view toString(OrderStatus status) {
    for (const auto &[value, name] : kStatusNames) {
        if (value == status)
            return name;
    }
    return "PENDING";
}

std::optional<OrderStatus> orderStatusFromString(std::string_view text) {
    // Size and first letter before the comparison: the store parses one per order read (1,000 in a large list).
    for (const auto &[value, name] : kStatusNames) {
        if (name.size() == text.size() && name.front() == text.front() && name == text)
            return value;
    }
    return std::nullopt;
}

std::optional<OrderStatus> nextLifecycleStatus(OrderStatus status) {
    switch (status) {
    case OrderStatus::Pending:
        return OrderStatus::Paid;
    case OrderStatus::Paid:
        return OrderStatus::Shipped;
    case OrderStatus::Shipped:
        return OrderStatus::Delivered;
    case OrderStatus::Delivered:
    case OrderStatus::Cancelled:
        break;
    }
    return std::nullopt;
}

bool isFinal(OrderStatus status) {
    return status == OrderStatus::Delivered || status == OrderStatus::Cancelled;
}

std::string_view toString(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return "INVALID_ARGUMENT";
    case ErrorCode::NotFound:
        return "NOT_FOUND";
    case ErrorCode::FailedPrecondition:
        return "FAILED_PRECONDITION";
    case ErrorCode::Unauthenticated:
        return "UNAUTHENTICATED";
    case ErrorCode::ResourceExhausted:
        return "RESOURCE_EXHAUSTED";
    case ErrorCode::Unavailable:
        return "UNAVAILABLE";
    case ErrorCode::Internal:
        break;
    }
    return "INTERNAL";
}

} // namespace triptych
