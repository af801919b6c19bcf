#include "app/client/grpcchannels.h"

#include <QFile>

#include <grpcpp/grpcpp.h>

#include <map>
#include <mutex>

namespace triptych::client {

std::shared_ptr<grpc::Channel> grpcChannel(const QString &target, bool tls, const QString &caFile) {
    static std::mutex mutex;
    static std::map<QString, std::shared_ptr<grpc::Channel>> channels;
    const QString key = target + (tls ? QStringLiteral("|tls|") + caFile : QString());
    std::lock_guard lock(mutex);
    auto &channel = channels[key];
    if (!channel) {
        std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
        if (tls) {
            grpc::SslCredentialsOptions options;
            QFile roots(caFile);
            if (!caFile.isEmpty() && roots.open(QIODevice::ReadOnly))
                options.pem_root_certs = roots.readAll().toStdString();
            credentials = grpc::SslCredentials(options);
        }
        channel = grpc::CreateChannel(target.toStdString(), credentials);
    }
    return channel;
}

} // namespace triptych::client
