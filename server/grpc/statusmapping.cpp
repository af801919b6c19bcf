#include "server/grpc/statusmapping.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace triptych::rpc {
namespace {

grpc::StatusCode codeOf(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return grpc::StatusCode::INVALID_ARGUMENT;
    case ErrorCode::NotFound:
        return grpc::StatusCode::NOT_FOUND;
    case ErrorCode::FailedPrecondition:
        return grpc::StatusCode::FAILED_PRECONDITION;
    case ErrorCode::Unauthenticated:
        return grpc::StatusCode::UNAUTHENTICATED;
    case ErrorCode::ResourceExhausted:
        return grpc::StatusCode::RESOURCE_EXHAUSTED;
    case ErrorCode::Unavailable:
        return grpc::StatusCode::UNAVAILABLE;
    case ErrorCode::Internal:
        break;
    }
    return grpc::StatusCode::INTERNAL;
}

// A reason for ErrorInfo even when the service layer gave none: the code's name, e.g. "UNAUTHENTICATED".
std::string reasonOf(const DomainError &error) {
    return error.reason.empty() ? std::string(toString(error.code)) : error.reason;
}

void addErrorInfo(google::rpc::Status &status, const DomainError &error) {
    google::rpc::ErrorInfo info;
    info.set_reason(reasonOf(error));
    info.set_domain(kErrorDomain);
    status.add_details()->PackFrom(info);
}

void addBadRequest(google::rpc::Status &status, const DomainError &error) {
    google::rpc::BadRequest badRequest;
    for (const auto &violation : error.violations) {
        auto *field = badRequest.add_field_violations();
        field->set_field(violation.field);
        field->set_description(violation.message);
    }
    status.add_details()->PackFrom(badRequest);
}

void addRetryInfo(google::rpc::Status &status, std::chrono::milliseconds delay) {
    google::rpc::RetryInfo retry;
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(delay);
    retry.mutable_retry_delay()->set_seconds(seconds.count());
    retry.mutable_retry_delay()->set_nanos(static_cast<std::int32_t>((delay - seconds).count() * 1'000'000));
    status.add_details()->PackFrom(retry);
}

} // namespace

grpc::Status toGrpcStatus(const DomainError &error, std::optional<std::chrono::milliseconds> retryDelay) {
    const grpc::StatusCode code = codeOf(error.code);
    google::rpc::Status status;
    status.set_code(static_cast<std::int32_t>(code));
    status.set_message(error.message);
    if (error.code == ErrorCode::InvalidArgument) {
        addBadRequest(status, error);
    } else {
        addErrorInfo(status, error);
        if (error.code == ErrorCode::ResourceExhausted)
            addRetryInfo(status, retryDelay.value_or(std::chrono::milliseconds(0)));
    }
    return grpc::Status(code, error.message, status.SerializeAsString());
}

DomainError invalidField(std::string field, std::string message) {
    std::string summary = field + ": " + message;
    return DomainError{ErrorCode::InvalidArgument, std::move(summary), {{std::move(field), std::move(message)}}};
}

DomainError exhausted(std::string message, std::string reason) {
    return DomainError{ErrorCode::ResourceExhausted, std::move(message), {}, std::move(reason)};
}

} // namespace triptych::rpc
