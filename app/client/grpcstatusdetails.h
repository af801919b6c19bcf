#pragma once

#include <QByteArray>

#include <string>

namespace triptych::client {

// The google.rpc.Status carried in grpc-status-details-bin, as JSON with its Any details resolved (BadRequest,
// ErrorInfo, RetryInfo …) through the library's own copy of error_details.proto; empty when absent or unreadable.
QByteArray decodeStatusDetails(const std::string &serializedStatus);

} // namespace triptych::client
