#include "app/session/buildinfo.h"

#include "triptych/version.h"

#include <QtGlobal>

#include <curl/curl.h>
#include <google/protobuf/stubs/common.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/version_info.h>
#include <sqlite3.h>

namespace triptych::session {

namespace {

QString protobufVersion() {
    return QString::fromStdString(google::protobuf::internal::VersionString(GOOGLE_PROTOBUF_VERSION));
}

} // namespace

QString BuildInfo::toText() const {
    QString text = QStringLiteral("Triptych %1 (%2 licence, %3)\n").arg(version, licence, homepage);
    for (const auto &component : components) {
        text +=
            component.running == component.builtWith
                ? QStringLiteral("%1 %2\n").arg(component.name, component.running)
                : QStringLiteral("%1 %2 (built with %3)\n").arg(component.name, component.running, component.builtWith);
    }
    return text;
}

BuildInfo buildInfo() {
    BuildInfo info;
    info.version = QLatin1String(kVersion);
    info.licence = QLatin1String(kLicence);
    info.homepage = QLatin1String(kHomepageUrl);
    const auto *curl = curl_version_info(CURLVERSION_NOW);
    // libprotobuf refuses at start to run with headers of another version (GOOGLE_PROTOBUF_VERIFY_VERSION), so the
    // headers' version is the running one.
    info.components = {
        {QStringLiteral("Qt"), QLatin1String(qVersion()), QStringLiteral(QT_VERSION_STR)},
        {QStringLiteral("gRPC"), QString::fromStdString(grpc::Version()), QStringLiteral(GRPC_CPP_VERSION_STRING)},
        {QStringLiteral("Protobuf"), protobufVersion(), protobufVersion()},
        {QStringLiteral("libcurl"), QLatin1String(curl->version), QStringLiteral(LIBCURL_VERSION)},
        {QStringLiteral("SQLite"), QLatin1String(sqlite3_libversion()), QStringLiteral(SQLITE_VERSION)},
    };
    return info;
}

} // namespace triptych::session
