#pragma once

#include <QString>

#include <memory>

namespace grpc {
class Channel;
}

namespace triptych::client {

// One channel per (target, TLS settings), kept for the process so that calls reuse their HTTP/2 connection.
std::shared_ptr<grpc::Channel> grpcChannel(const QString &target, bool tls, const QString &caFile);

} // namespace triptych::client
