#include "app/interop/importformat.h"

#include "app/interop/curlimport.h"
#include "app/interop/har.h"
#include "app/interop/insomnia.h"
#include "app/interop/limits.h"
#include "app/interop/openapi.h"
#include "app/interop/postman.h"
#include "app/interop/protoset.h"

#include <QFile>
#include <QFileInfo>

#include <array>
#include <utility>

namespace triptych::interop {

using workspace::Diagnostic;

namespace {

constexpr std::array kNames{
    std::pair{ImportFormat::Curl, u"curl"},
    std::pair{ImportFormat::Postman, u"postman"},
    std::pair{ImportFormat::PostmanEnvironment, u"postman-environment"},
    std::pair{ImportFormat::Insomnia, u"insomnia"},
    std::pair{ImportFormat::OpenApi, u"openapi"},
    std::pair{ImportFormat::Har, u"har"},
    std::pair{ImportFormat::Protoset, u"protoset"},
};

ImportResult failed(const QString &file, const QString &message) {
    ImportResult result;
    result.diagnostics.append({Diagnostic::Severity::Error, file, 0, 0, message});
    return result;
}

// The first bytes without leading blanks and a UTF-8 byte order mark: enough to tell JSON, YAML and a command apart.
QByteArray head(const QByteArray &bytes) {
    QByteArray start = bytes.left(4096);
    if (start.startsWith("\xEF\xBB\xBF"))
        start.remove(0, 3);
    return start.trimmed();
}

std::optional<ImportFormat> detectJson(const QByteArray &bytes) {
    if (looksLikePostmanCollection(bytes))
        return ImportFormat::Postman;
    if (looksLikePostmanEnvironment(bytes))
        return ImportFormat::PostmanEnvironment;
    const QByteArray start = bytes.left(64 * 1024);
    if (start.contains("\"_type\"") && start.contains("\"__export_format\""))
        return ImportFormat::Insomnia;
    if (start.contains("\"openapi\"") || start.contains("\"swagger\""))
        return ImportFormat::OpenApi;
    if (start.contains("\"log\"") && start.contains("\"entries\""))
        return ImportFormat::Har;
    return std::nullopt;
}

} // namespace

QString importFormatName(ImportFormat format) {
    for (const auto &[value, name] : kNames) {
        if (value == format)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<ImportFormat> importFormatFromName(QStringView name) {
    for (const auto &[value, text] : kNames) {
        if (name.compare(QStringView(text), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

QString importFormatNames() {
    QStringList names;
    for (const auto &entry : kNames)
        names.append(QString::fromUtf16(entry.second));
    return names.join(QStringLiteral(", "));
}

std::optional<ImportFormat> detectImportFormat(const QByteArray &bytes, const QString &fileName) {
    const QByteArray start = head(bytes);
    if (start.startsWith('{')) {
        if (auto json = detectJson(bytes))
            return json;
    } else if (looksLikeCurlCommand(QString::fromUtf8(start.left(256)))) {
        return ImportFormat::Curl;
    } else if (start.startsWith("openapi:") || start.contains("\nopenapi:") || start.startsWith("swagger:")) {
        return ImportFormat::OpenApi;
    }
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("har"))
        return ImportFormat::Har;
    if (suffix == QLatin1String("protoset") || suffix == QLatin1String("pb") || suffix == QLatin1String("desc"))
        return ImportFormat::Protoset;
    if (suffix == QLatin1String("curl") || suffix == QLatin1String("sh"))
        return ImportFormat::Curl;
    return std::nullopt;
}

ImportResult importBytes(ImportFormat format, const QByteArray &bytes, const QString &file) {
    switch (format) {
    case ImportFormat::Curl:
        return importCurl(QString::fromUtf8(bytes), file);
    case ImportFormat::Postman:
        return importPostmanCollection(bytes, file);
    case ImportFormat::PostmanEnvironment:
        return importPostmanEnvironment(bytes, file);
    case ImportFormat::OpenApi:
        return importOpenApi(bytes, file);
    case ImportFormat::Har:
        return importHar(bytes, file);
    case ImportFormat::Insomnia:
        return importInsomnia(bytes, file);
    case ImportFormat::Protoset:
        return importProtoset(bytes, file);
    }
    return failed(file, QStringLiteral("unknown import format"));
}

ImportResult importFile(const QString &path, std::optional<ImportFormat> format, ImportFormat *used) {
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(path, QStringLiteral("cannot be read: %1").arg(file.errorString()));
    if (file.size() > limits::kMaxImportBytes)
        return failed(path, QStringLiteral("the file is %1 MB; files over %2 MB are not imported")
                                .arg(file.size() / (1024 * 1024))
                                .arg(limits::kMaxImportBytes / (1024 * 1024)));
    const QByteArray bytes = file.readAll();
    if (!format)
        format = detectImportFormat(bytes, name);
    if (!format)
        return failed(path, QStringLiteral("the format could not be told from the file; name it with --format (%1)")
                                .arg(importFormatNames()));
    if (used)
        *used = *format;
    // A descriptor set is named by its path in the requests, so the path is made absolute.
    ImportResult result =
        importBytes(*format, bytes, *format == ImportFormat::Protoset ? QFileInfo(path).absoluteFilePath() : path);
    if (result.collectionName.isEmpty())
        result.collectionName = safeRequestName(QFileInfo(path).completeBaseName());
    return result;
}

} // namespace triptych::interop
