#include "server/tls/tlscontext.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/ssl/context.hpp>

namespace triptych::tls {
namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;

DomainError setupError(const std::string &message) {
    return DomainError{ErrorCode::Unavailable, message, {}, "TLS_SETUP"};
}

// HTTP/1.1 only: the HTTP server speaks no HTTP/2, so ALPN offers nothing else.
int selectHttp11(SSL *, const unsigned char **out, unsigned char *outLength, const unsigned char *in, unsigned inLength,
                 void *) {
    static const unsigned char http11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    unsigned char *selected = nullptr;
    if (SSL_select_next_proto(&selected, outLength, http11, sizeof http11, in, inLength) != OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_NOACK;
    *out = selected;
    return SSL_TLSEXT_ERR_OK;
}

} // namespace

Result<std::shared_ptr<ssl::context>> makeServerContext(const TlsMaterial &material) {
    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    boost::system::error_code ec;
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                             ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1,
                         ec);
    context->use_certificate_chain(net::buffer(material.server.certificatePem), ec);
    if (ec)
        return setupError("the TLS certificate cannot be used: " + ec.message());
    context->use_private_key(net::buffer(material.server.keyPem), ssl::context::pem, ec);
    if (ec)
        return setupError("the TLS key cannot be used (does it belong to the certificate?): " + ec.message());
    if (!material.clientCaPem.empty()) {
        context->add_certificate_authority(net::buffer(material.clientCaPem), ec);
        if (ec)
            return setupError("the client CA cannot be used: " + ec.message());
        context->set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
    }
    SSL_CTX_set_alpn_select_cb(context->native_handle(), selectHttp11, nullptr);
    return context;
}

} // namespace triptych::tls
