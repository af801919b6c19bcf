#pragma once

#include "app/client/callrecord.h"

#include <QUrl>

namespace triptych::client {

// The embedded server's default ports (docs/contract.md), named in hints when nothing answers.
constexpr int kEmbeddedHttpPort = 8080;
constexpr int kEmbeddedGrpcPort = 50051;

// Turns a libcurl result into what failed and what to check.
CallError describeCurlError(int curlCode, const QUrl &url, const QString &detail, int timeoutMs);
// An HTTP status of 400 or more: the call worked, the server said no. `url` tells whether a 404's path held an id.
CallError describeHttpStatus(int status, const QByteArray &body, const QUrl &url = {});
// A gRPC status other than OK, with the target for context.
CallError describeGrpcStatus(int code, const QString &message, const QString &target, int deadlineMs);

} // namespace triptych::client
