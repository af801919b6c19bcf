#include "app/interop/urlimport.h"

#include "app/interop/limits.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace triptych::interop {

using workspace::Diagnostic;

namespace {

constexpr int kFetchTimeoutMs = 30'000;
constexpr int kCancelPollMs = 50;

ImportResult failed(const QString &url, const QString &message) {
    ImportResult result;
    result.diagnostics.append({Diagnostic::Severity::Error, url, 0, 0, message});
    return result;
}

// The body of a GET, or an error: a status other than 2xx, a body over the limit, a timeout, a cancel.
std::optional<QByteArray> fetch(const QUrl &url, const std::atomic_bool *cancel, QString *error) {
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader("Accept", "application/json, application/yaml;q=0.9, */*;q=0.8");
    request.setTransferTimeout(kFetchTimeoutMs);
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // The size is checked as the body comes, so a never-ending answer costs at most the limit.
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [reply, error](qint64 received, qint64) {
        if (received > limits::kMaxImportBytes) {
            *error = QStringLiteral("the answer is over %1 MB; files over that are not imported")
                         .arg(limits::kMaxImportBytes / (1024 * 1024));
            reply->abort();
        }
    });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [reply, cancel, error] {
        if (cancel && cancel->load()) {
            *error = QStringLiteral("cancelled");
            reply->abort();
        }
    });
    poll.start(kCancelPollMs);
    loop.exec();
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString networkText = reply->errorString();
    delete reply;
    if (!error->isEmpty())
        return std::nullopt;
    if (networkError != QNetworkReply::NoError && status == 0) {
        *error = QStringLiteral("cannot be fetched: %1").arg(networkText);
        return std::nullopt;
    }
    if (status < 200 || status > 299) {
        *error = QStringLiteral("the server answered %1, not the document").arg(status);
        return std::nullopt;
    }
    return body;
}

} // namespace

bool isImportUrl(const QString &text) {
    return text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

ImportResult importUrl(const QUrl &url, std::optional<ImportFormat> format, ImportFormat *used,
                       const std::atomic_bool *cancel) {
    const QString label = url.toDisplayString();
    if (!url.isValid() || !isImportUrl(url.toString()))
        return failed(label, QStringLiteral("not an http:// or https:// URL"));
    QString error;
    const auto bytes = fetch(url, cancel, &error);
    if (!bytes)
        return failed(label, error);
    const QString name = url.fileName();
    if (!format)
        format = detectImportFormat(*bytes, name);
    if (!format)
        return failed(label, QStringLiteral("the format could not be told from the answer; name it with --format (%1)")
                                 .arg(importFormatNames()));
    if (used)
        *used = *format;
    if (*format == ImportFormat::Protoset) // its requests name the set's file, which a URL is not
        return failed(label, QStringLiteral("a descriptor set is imported from a file: save it first"));
    ImportResult result = importBytes(*format, *bytes, label);
    if (result.collectionName.isEmpty())
        result.collectionName = safeRequestName(name.isEmpty() ? url.host() : QFileInfo(name).completeBaseName());
    return result;
}

} // namespace triptych::interop
