#include "app/client/grpcchannels.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <map>
#include <mutex>

namespace triptych::client {

namespace {

struct Connection {
    std::shared_ptr<grpc::Channel> channel;
    std::shared_ptr<grpc::GenericStub> stub;
};

const Connection &connection(const QString &target, const GrpcTlsSettings &tls) {
    static std::mutex mutex;
    static std::map<QString, Connection> connections; // entries are never erased, so references stay valid
    const QString key = target + QChar(0x1e) + tls.key();
    std::lock_guard lock(mutex);
    auto &entry = connections[key];
    if (!entry.channel) {
        const GrpcChannelSetup setup = grpcChannelSetup(tls);
        entry.channel = grpc::CreateCustomChannel(target.toStdString(), setup.credentials, setup.arguments);
        entry.stub = std::make_shared<grpc::GenericStub>(entry.channel);
    }
    return entry;
}

} // namespace

std::shared_ptr<grpc::Channel> grpcChannel(const QString &target, const GrpcTlsSettings &tls) {
    return connection(target, tls).channel;
}

std::shared_ptr<grpc::GenericStub> grpcGenericStub(const QString &target, const GrpcTlsSettings &tls) {
    return connection(target, tls).stub;
}

} // namespace triptych::client
