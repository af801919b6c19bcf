#include "app/client/grpcchannels.h"

#include <QFile>

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

const Connection &connection(const QString &target, bool tls, const QString &caFile) {
    static std::mutex mutex;
    static std::map<QString, Connection> connections; // entries are never erased, so references stay valid
    const QString key = tls ? target + QStringLiteral("|tls|") + caFile : target;
    std::lock_guard lock(mutex);
    auto &entry = connections[key];
    if (!entry.channel) {
        std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
        if (tls) {
            grpc::SslCredentialsOptions options;
            QFile roots(caFile);
            if (!caFile.isEmpty() && roots.open(QIODevice::ReadOnly))
                options.pem_root_certs = roots.readAll().toStdString();
            credentials = grpc::SslCredentials(options);
        }
        entry.channel = grpc::CreateChannel(target.toStdString(), credentials);
        entry.stub = std::make_shared<grpc::GenericStub>(entry.channel);
    }
    return entry;
}

} // namespace

std::shared_ptr<grpc::Channel> grpcChannel(const QString &target, bool tls, const QString &caFile) {
    return connection(target, tls, caFile).channel;
}

std::shared_ptr<grpc::GenericStub> grpcGenericStub(const QString &target, bool tls, const QString &caFile) {
    return connection(target, tls, caFile).stub;
}

} // namespace triptych::client
