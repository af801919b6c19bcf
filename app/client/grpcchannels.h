#pragma once

#include "app/client/grpctls.h"

#include <QString>

#include <grpcpp/generic/generic_stub.h>

#include <memory>

namespace triptych::client {

// One channel per (target, TLS settings), kept for the process so that calls reuse their HTTP/2 connection.
std::shared_ptr<grpc::Channel> grpcChannel(const QString &target, const GrpcTlsSettings &tls);
// The generic stub over that channel, shared too: a stub is thread-safe and costs an allocation per call otherwise.
std::shared_ptr<grpc::GenericStub> grpcGenericStub(const QString &target, const GrpcTlsSettings &tls);

} // namespace triptych::client
