#pragma once

// Shared by the gRPC tests: an in-process OrderServer on free ports, clients with deadlines, decoded error details.
#include "server/core/eventbus.h"
#include "server/host/orderserver.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "orders/v1/orders.grpc.pb.h"

#include <QString>
#include <QStringList>

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <optional>

namespace triptych::testing {

inline constexpr std::chrono::milliseconds kCallDeadline{5000};
inline constexpr const char *kDemoToken = "demo-token";

inline ServerOptions grpcTestOptions(int rateLimitPerSecond = 0) {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.users = 100;
    options.rateLimitPerSecond = rateLimitPerSecond;
    return options;
}

inline std::shared_ptr<grpc::Channel> channelTo(const OrderServer &server) {
    return grpc::CreateChannel("127.0.0.1:" + std::to_string(server.grpcPort()), grpc::InsecureChannelCredentials());
}

// Every call of the tests has a deadline, so a broken server fails a test instead of hanging it.
inline std::unique_ptr<grpc::ClientContext> callContext(const std::string &token = {},
                                                        std::chrono::milliseconds deadline = kCallDeadline) {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + deadline);
    if (!token.empty())
        context->AddMetadata("authorization", "Bearer " + token);
    return context;
}

// What grpc-status-details-bin said, flattened for QCOMPARE.
struct DecodedStatus {
    int code = 0;
    bool detailsPresent = false;
    int detailsCode = -1;
    QStringList violationFields;
    QString reason;
    QString domain;
    std::optional<std::chrono::milliseconds> retryDelay;
};

inline DecodedStatus decode(const grpc::Status &status) {
    DecodedStatus decoded;
    decoded.code = int(status.error_code());
    google::rpc::Status details;
    if (status.error_details().empty() || !details.ParseFromString(status.error_details()))
        return decoded;
    decoded.detailsPresent = true;
    decoded.detailsCode = details.code();
    for (const auto &any : details.details()) {
        google::rpc::BadRequest badRequest;
        google::rpc::ErrorInfo info;
        google::rpc::RetryInfo retry;
        if (any.UnpackTo(&badRequest)) {
            for (const auto &violation : badRequest.field_violations())
                decoded.violationFields << QString::fromStdString(violation.field());
        } else if (any.UnpackTo(&info)) {
            decoded.reason = QString::fromStdString(info.reason());
            decoded.domain = QString::fromStdString(info.domain());
        } else if (any.UnpackTo(&retry)) {
            decoded.retryDelay = std::chrono::milliseconds(retry.retry_delay().seconds() * 1000 +
                                                           retry.retry_delay().nanos() / 1'000'000);
        }
    }
    return decoded;
}

} // namespace triptych::testing
