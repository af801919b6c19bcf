#include "app/client/grpctls.h"

#include <QFile>

#include <grpcpp/client_context.h>
#include <grpcpp/security/auth_context.h>
#include <grpcpp/security/tls_certificate_provider.h>
#include <grpcpp/security/tls_certificate_verifier.h>
#include <grpcpp/security/tls_credentials_options.h>

namespace triptych::client {

namespace {

constexpr qint64 kMaxPemBytes = 1024 * 1024;

std::string readPem(const QString &path) {
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return file.read(kMaxPemBytes).toStdString();
}

std::shared_ptr<grpc::ChannelCredentials> unverified(const GrpcTlsSettings &tls) {
    grpc::experimental::TlsChannelCredentialsOptions options;
    options.set_verify_server_certs(false);
    options.set_check_call_host(false);
    options.set_certificate_verifier(std::make_shared<grpc::experimental::NoOpCertificateVerifier>());
    if (!tls.clientCertificate.isEmpty()) {
        std::vector<grpc::experimental::IdentityKeyCertPair> pairs{
            {readPem(tls.clientKey), readPem(tls.clientCertificate)}};
        options.set_certificate_provider(std::make_shared<grpc::experimental::StaticDataCertificateProvider>(pairs));
        options.watch_identity_key_cert_pairs();
    }
    return grpc::experimental::TlsCredentials(options);
}

} // namespace

QString GrpcTlsSettings::key() const {
    if (!enabled)
        return QStringLiteral("plaintext");
    return QStringList{QStringLiteral("tls"),
                       caFile,
                       clientCertificate,
                       clientKey,
                       authority,
                       skipVerification ? QStringLiteral("unverified") : QStringLiteral("verified")}
        .join(QChar(0x1f));
}

QString grpcTlsProblem(const GrpcTlsSettings &tls) {
    if (!tls.enabled)
        return {};
    if (tls.clientCertificate.isEmpty() != tls.clientKey.isEmpty())
        return QStringLiteral("A client certificate needs its key, and a key its certificate");
    for (const QString &path : {tls.caFile, tls.clientCertificate, tls.clientKey}) {
        if (path.isEmpty())
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("Cannot read the TLS file %1: %2").arg(path, file.errorString());
        if (!file.read(kMaxPemBytes).contains("-----BEGIN "))
            return QStringLiteral("The TLS file %1 is not PEM").arg(path);
    }
    return {};
}

GrpcChannelSetup grpcChannelSetup(const GrpcTlsSettings &tls) {
    GrpcChannelSetup setup;
    if (!tls.enabled) {
        setup.credentials = grpc::InsecureChannelCredentials();
        return setup;
    }
    if (!tls.authority.isEmpty()) {
        setup.arguments.SetSslTargetNameOverride(tls.authority.toStdString());
        setup.arguments.SetString(GRPC_ARG_DEFAULT_AUTHORITY, tls.authority.toStdString());
    }
    if (tls.skipVerification) {
        setup.credentials = unverified(tls);
        return setup;
    }
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = readPem(tls.caFile);
    options.pem_cert_chain = readPem(tls.clientCertificate);
    options.pem_private_key = readPem(tls.clientKey);
    setup.credentials = grpc::SslCredentials(options);
    return setup;
}

void collectGrpcTls(const grpc::ClientContext &context, const GrpcTlsSettings &tls, CallRecord &record) {
    if (!tls.enabled)
        return;
    record.tls.secured = true;
    record.tls.verified = !tls.skipVerification;
    if (tls.skipVerification)
        record.warnings.append(QStringLiteral("TLS certificate verification is off: anyone on the path could read "
                                              "and change this call"));
    record.tls.note = QStringLiteral("gRPC 1.51 reports neither the TLS version nor the cipher: its auth context "
                                     "holds only the peer's certificates and names, the security type and level and "
                                     "whether the TLS session was resumed. The TLS phase is the channel's whole "
                                     "connect (TCP and handshake)");
    auto &timings = record.timings;
    if (timings.connectUs) {
        timings.tlsUs = timings.connectUs;
        timings.connectUs.reset();
    } else {
        record.tls.sessionReused = true; // the channel was connected: its handshake belongs to an earlier call
    }
    const auto auth = context.auth_context();
    if (!auth)
        return;
    for (const char *name : {GRPC_TRANSPORT_SECURITY_TYPE_PROPERTY_NAME, GRPC_TRANSPORT_SECURITY_LEVEL_PROPERTY_NAME,
                             GRPC_SSL_SESSION_REUSED_PROPERTY}) {
        const auto values = auth->FindPropertyValues(name);
        if (!values.empty())
            record.tls.properties.append({QString::fromLatin1(name),
                                          QString::fromUtf8(values.front().data(), qsizetype(values.front().size()))});
    }
    auto pem = auth->FindPropertyValues(GRPC_X509_PEM_CERT_CHAIN_PROPERTY_NAME);
    if (pem.empty())
        pem = auth->FindPropertyValues(GRPC_X509_PEM_CERT_PROPERTY_NAME);
    if (!pem.empty())
        record.tls.chain = certificatesFromPem(QByteArray(pem.front().data(), qsizetype(pem.front().size())));
}

void explainGrpcTlsFailure(const GrpcTlsSettings &tls, CallRecord &record) {
    if (!tls.enabled || !tls.clientCertificate.isEmpty() || record.error.kind != ErrorKind::Refused ||
        !record.grpcMessage.contains(QLatin1String("Socket closed")))
        return;
    record.error = {ErrorKind::Tls,
                    QStringLiteral("%1 closed the connection during the TLS handshake: it most likely requires a "
                                   "client certificate (mutual TLS) (%2)")
                        .arg(record.url, record.grpcMessage),
                    QStringLiteral("set a client certificate and key issued by a CA the server trusts (the embedded "
                                   "server writes client.pem and client-key.pem beside ca.pem)")};
}

} // namespace triptych::client
