#include "app/interop/har.h"
#include "app/interop/structuredinput.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>

namespace triptych::interop {

using workspace::BodyKind;
using workspace::Diagnostic;

namespace {

// Headers the engine writes itself from the URL and the body, and HTTP/2's pseudo-headers: left out of the request.
const QSet<QString> kEngineHeaders{QStringLiteral("host"), QStringLiteral("content-length"),
                                   QStringLiteral("connection"), QStringLiteral("transfer-encoding")};

void readPostData(const QJsonObject &postData, workspace::RequestBody &body) {
    const QString mimeType = postData.value(QLatin1String("mimeType")).toString();
    const QString type = mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    const QJsonArray params = postData.value(QLatin1String("params")).toArray();
    const QString text = postData.value(QLatin1String("text")).toString();
    if (type == QLatin1String("application/x-www-form-urlencoded") && !params.isEmpty()) {
        body.kind = BodyKind::Form;
        for (const QJsonValue &param : params)
            body.form.append({param[QLatin1String("name")].toString(), param[QLatin1String("value")].toString(), true});
        return;
    }
    if (type == QLatin1String("multipart/form-data") && !params.isEmpty()) {
        body.kind = BodyKind::Multipart;
        for (const QJsonValue &param : params)
            body.multipart.append({param[QLatin1String("name")].toString(), param[QLatin1String("value")].toString(),
                                   param[QLatin1String("fileName")].toString(),
                                   param[QLatin1String("contentType")].toString(), true});
        return;
    }
    // JSON is sent with application/json by the engine; any other type, +json ones included, is kept as it was.
    body.kind = type == QLatin1String("application/json") ? BodyKind::Json : BodyKind::Raw;
    body.text = text;
    if (body.kind == BodyKind::Raw)
        body.contentType = mimeType;
}

} // namespace

ImportResult importHar(const QByteArray &bytes, const QString &file) {
    ImportResult result;
    const std::optional<QJsonObject> root = parseJsonObject(bytes, file, result.diagnostics);
    if (!root)
        return result;
    const QJsonObject log = root->value(QLatin1String("log")).toObject();
    const QString version = log.value(QLatin1String("version")).toString();
    if (log.isEmpty() || !log.value(QLatin1String("entries")).isArray()) {
        result.diagnostics.append(
            {Diagnostic::Severity::Error, file, 0, 0, QStringLiteral("not a HAR file: there is no log with entries")});
        return result;
    }
    if (!version.isEmpty() && version != QLatin1String("1.1") && version != QLatin1String("1.2"))
        result.diagnostics.append(
            {Diagnostic::Severity::Warning, file, 0, 0, QStringLiteral("HAR version %1 is read as 1.2").arg(version)});
    result.collectionName = QStringLiteral("HAR import");
    const QJsonArray entries = log.value(QLatin1String("entries")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject request = entries.at(i).toObject().value(QLatin1String("request")).toObject();
        const QString place = QStringLiteral("log.entries[%1]").arg(i);
        const QUrl url(request.value(QLatin1String("url")).toString());
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            result.diagnostics.append(
                {Diagnostic::Severity::Warning, file, 0, 0,
                 QStringLiteral("%1: %2 is not an http(s) URL; skipped").arg(place, url.toString().left(80))});
            continue;
        }
        ImportedRequest imported;
        imported.folder = safeRequestName(url.host());
        workspace::HttpPart &http = imported.document.http;
        http.method = request.value(QLatin1String("method")).toString(QStringLiteral("GET")).toUpper();
        http.url = url.toString(QUrl::FullyEncoded);
        for (const QJsonValue &header : request.value(QLatin1String("headers")).toArray()) {
            const QString name = header[QLatin1String("name")].toString();
            if (!name.startsWith(QLatin1Char(':')) && !kEngineHeaders.contains(name.toLower()))
                http.headers.append({name, header[QLatin1String("value")].toString(), true});
        }
        if (request.contains(QLatin1String("postData")))
            readPostData(request.value(QLatin1String("postData")).toObject(), http.body);
        http.options.followRedirects = false; // a browser's capture lists each hop as an entry of its own
        imported.document.name = safeRequestName(http.method + QLatin1Char(' ') + url.path());
        imported.document.notes = QStringLiteral("From %1, entry %2 (%3).\n")
                                      .arg(file.section(QLatin1Char('/'), -1), QString::number(i),
                                           entries.at(i).toObject().value(QLatin1String("startedDateTime")).toString());
        result.requests.append(imported);
    }
    return result;
}

} // namespace triptych::interop
