#include "server/tls/tlsmaterial.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>

namespace triptych::tls {
namespace {

constexpr long kValiditySeconds = 365L * 24 * 3600;
constexpr long kBackdateSeconds = 3600; // a client whose clock is a little behind still accepts the certificate
constexpr std::size_t kMaxPemFileBytes = 1024 * 1024;

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;

DomainError tlsError(const std::string &message) {
    return DomainError{ErrorCode::Internal, message, {}, "TLS_SETUP"};
}

Key newKey() {
    return Key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
}

std::string pemOf(X509 *certificate) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_X509(bio.get(), certificate);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

std::string pemOf(EVP_PKEY *key) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

bool addExtension(X509 *certificate, X509 *issuer, int nid, const char *value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

struct Profile {
    const char *commonName;
    bool authority = false;
    const char *extendedUsage = nullptr; // serverAuth / clientAuth
    const char *subjectAltNames = nullptr;
};

// A certificate for `key` issued by `issuer` (itself when null, for the CA), signed with `issuerKey`.
Certificate issue(const Profile &profile, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuerKey) {
    Certificate certificate(X509_new(), &X509_free);
    X509 *x = certificate.get();
    X509_set_version(x, 2); // v3
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f; // a positive serial number
    BIGNUM *number = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(x));
    BN_free(number);
    X509_gmtime_adj(X509_getm_notBefore(x), -kBackdateSeconds);
    X509_gmtime_adj(X509_getm_notAfter(x), kValiditySeconds);
    X509_set_pubkey(x, key);
    X509_NAME *name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("Triptych"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(profile.commonName),
                               -1, -1, 0);
    X509 *signer = issuer ? issuer : x;
    X509_set_issuer_name(x, X509_get_subject_name(signer));
    bool ok = addExtension(x, signer, NID_basic_constraints, profile.authority ? "critical,CA:TRUE" : "CA:FALSE") &&
              addExtension(x, signer, NID_subject_key_identifier, "hash") &&
              addExtension(x, signer, NID_authority_key_identifier, "keyid:always") &&
              addExtension(x, signer, NID_key_usage,
                           profile.authority ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature");
    if (ok && profile.extendedUsage)
        ok = addExtension(x, signer, NID_ext_key_usage, profile.extendedUsage);
    if (ok && profile.subjectAltNames)
        ok = addExtension(x, signer, NID_subject_alt_name, profile.subjectAltNames);
    if (!ok || X509_sign(x, issuerKey, EVP_sha256()) == 0)
        return Certificate(nullptr, &X509_free);
    return certificate;
}

Result<std::string> readPem(const std::string &option, const std::string &path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return tlsError(option + " cannot read '" + path + "'");
    std::ostringstream text;
    text << file.rdbuf();
    std::string pem = text.str();
    if (pem.size() > kMaxPemFileBytes || pem.find("-----BEGIN ") == std::string::npos)
        return tlsError(option + " needs a PEM file, and '" + path + "' is not one");
    return pem;
}

Status writePrivate(const std::filesystem::path &path, const std::string &text) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << text;
    if (!file)
        return tlsError("cannot write " + path.string());
    std::error_code ignored;
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 ignored);
    return Done{};
}

Result<std::filesystem::path> materialDirectory(const std::string &wanted) {
    std::error_code error;
    std::filesystem::path directory = wanted;
    if (directory.empty()) {
        std::string pattern = (std::filesystem::temp_directory_path(error) / "triptych-tls-XXXXXX").string();
        if (!mkdtemp(pattern.data())) // mode 0700: only this user reads the keys
            return tlsError("cannot create a directory for the generated certificates in " + pattern);
        return std::filesystem::path(pattern);
    }
    std::filesystem::create_directories(directory, error);
    if (error)
        return tlsError("cannot create " + directory.string() + ": " + error.message());
    return directory;
}

} // namespace

Result<TlsMaterial> generateTlsMaterial() {
    Key caKey = newKey(), serverKey = newKey(), clientKey = newKey();
    if (!caKey || !serverKey || !clientKey)
        return tlsError("OpenSSL could not generate a key");
    Certificate ca = issue({"Triptych local CA", true}, caKey.get(), nullptr, caKey.get());
    if (!ca)
        return tlsError("OpenSSL could not create the CA certificate");
    Certificate server = issue({"localhost", false, "serverAuth", "DNS:localhost,IP:127.0.0.1,IP:::1"}, serverKey.get(),
                               ca.get(), caKey.get());
    Certificate client = issue({"triptych-client", false, "clientAuth"}, clientKey.get(), ca.get(), caKey.get());
    if (!server || !client)
        return tlsError("OpenSSL could not issue the server or client certificate");
    TlsMaterial material;
    material.caPem = pemOf(ca.get());
    material.server = {pemOf(server.get()) + material.caPem, pemOf(serverKey.get())};
    material.client = {pemOf(client.get()), pemOf(clientKey.get())};
    return material;
}

Result<TlsMaterial> prepareTlsMaterial(const TlsOptions &options) {
    TlsMaterial material;
    if (!options.certificateFile.empty() || !options.keyFile.empty()) {
        if (options.certificateFile.empty() || options.keyFile.empty())
            return tlsError("--tls-cert and --tls-key go together");
        auto certificate = readPem("--tls-cert", options.certificateFile);
        if (!certificate)
            return certificate.error();
        auto key = readPem("--tls-key", options.keyFile);
        if (!key)
            return key.error();
        material.server = {*certificate, *key};
    } else {
        auto generated = generateTlsMaterial();
        if (!generated)
            return generated.error();
        material = std::move(*generated);
        auto directory = materialDirectory(options.directory);
        if (!directory)
            return directory.error();
        material.caFile = (*directory / "ca.pem").string();
        material.clientCertificateFile = (*directory / "client.pem").string();
        material.clientKeyFile = (*directory / "client-key.pem").string();
        for (const auto &[path, text] : {std::pair{material.caFile, material.caPem},
                                         std::pair{material.clientCertificateFile, material.client.certificatePem},
                                         std::pair{material.clientKeyFile, material.client.keyPem}}) {
            if (auto written = writePrivate(path, text); !written)
                return written.error();
        }
    }
    if (options.clientCaFile == kGeneratedClientCa) {
        if (material.caPem.empty())
            return tlsError("--tls-client-ca generated needs the generated certificates (no --tls-cert)");
        material.clientCaPem = material.caPem;
    } else if (!options.clientCaFile.empty()) {
        auto clientCa = readPem("--tls-client-ca", options.clientCaFile);
        if (!clientCa)
            return clientCa.error();
        material.clientCaPem = *clientCa;
    }
    return material;
}

} // namespace triptych::tls
