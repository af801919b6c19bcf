#include "app/session/locustproject.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

#include <google/protobuf/descriptor.h>

#include <functional>

// The locustfile and launchers are compiled in (app/session/locust.qrc) from scripts/locust/; a static library's
// resources must be registered by name.
static void initLocustResources() {
    Q_INIT_RESOURCE(locust);
}

namespace triptych::session {

using namespace triptych::client;

namespace {

QJsonObject headerObject(const HeaderList &headers) {
    QJsonObject object;
    for (const auto &[name, value] : headers)
        object.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    return object;
}

// The headers and query the engine would add for the request's auth.
void applyAuth(const AuthSettings &auth, HeaderList &headers, QUrlQuery &query, const QString &apiKeyQueryName) {
    switch (auth.kind) {
    case AuthKind::Basic:
        headers.append(
            {"Authorization", "Basic " + (auth.user + QLatin1Char(':') + auth.password).toUtf8().toBase64()});
        break;
    case AuthKind::Bearer:
        headers.append({"Authorization", "Bearer " + auth.token.toUtf8()});
        break;
    case AuthKind::ApiKey:
        if (!apiKeyQueryName.isEmpty())
            query.addQueryItem(apiKeyQueryName, auth.token);
        else
            headers.append({auth.apiKeyHeader, auth.token.toUtf8()});
        break;
    case AuthKind::None:
        break;
    }
}

} // namespace

LocustProject::LocustProject() {
    initLocustResources();
}

std::optional<QString> LocustProject::addHttp(const QString &name, const RestRequest &request,
                                              const std::optional<QJsonObject> &graphql,
                                              const QString &apiKeyQueryName) {
    if (!graphql && request.bodyKind != BodyKind::None && request.bodyKind != BodyKind::Json &&
        request.bodyKind != BodyKind::Raw) {
        const QString why = QStringLiteral("form, multipart and file bodies are not exported yet");
        skip(name, why);
        return why;
    }
    QUrl url(request.url);
    QUrlQuery query(url);
    for (const auto &[key, value] : request.query)
        query.addQueryItem(QString::fromUtf8(key), QString::fromUtf8(value));
    HeaderList headers = request.headers;
    applyAuth(request.auth, headers, query, apiKeyQueryName);
    url.setQuery(query);
    if (m_host.isEmpty())
        m_host = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
    QJsonObject entry{{QStringLiteral("style"), graphql ? QStringLiteral("graphql") : QStringLiteral("rest")},
                      {QStringLiteral("name"), name},
                      {QStringLiteral("url"), url.toString()},
                      {QStringLiteral("headers"), headerObject(headers)}};
    if (graphql) {
        entry.insert(QStringLiteral("graphql"), *graphql);
    } else {
        entry.insert(QStringLiteral("method"), QString::fromUtf8(request.method));
        if (request.bodyKind == BodyKind::Json || request.bodyKind == BodyKind::Raw) {
            entry.insert(QStringLiteral("body"), QString::fromUtf8(request.body));
            QJsonObject withType = entry.value(QStringLiteral("headers")).toObject();
            if (!withType.contains(QStringLiteral("Content-Type")))
                withType.insert(QStringLiteral("Content-Type"), request.bodyKind == BodyKind::Json
                                                                    ? QStringLiteral("application/json")
                                                                    : QString::fromUtf8(request.contentType));
            entry.insert(QStringLiteral("headers"), withType);
        }
    }
    m_requests.append(entry);
    return std::nullopt;
}

void LocustProject::addGrpc(const QString &name, const GrpcRequest &request,
                            const google::protobuf::MethodDescriptor *method) {
    // The method's file and what it imports, as .proto text; the well-known types come with protoc.
    std::function<void(const google::protobuf::FileDescriptor *)> addFile =
        [&](const google::protobuf::FileDescriptor *file) {
            if (file->name().rfind("google/protobuf/", 0) == 0 || !m_writtenFiles.insert(file->name()).second)
                return;
            for (int i = 0; i < file->dependency_count(); ++i)
                addFile(file->dependency(i));
            m_protoTexts.append({QString::fromStdString(file->name()), QByteArray::fromStdString(file->DebugString())});
        };
    const std::string fileName = method->file()->name();
    const bool first = !m_writtenFiles.count(fileName);
    addFile(method->file());
    if (first)
        m_protoFiles.append(QString::fromStdString(fileName));
    QJsonArray metadata;
    for (const auto &[key, value] : request.metadata)
        metadata.append(QJsonArray{QString::fromUtf8(key).toLower(), QString::fromUtf8(value)});
    m_requests.append(QJsonObject{
        {QStringLiteral("style"), QStringLiteral("grpc")},
        {QStringLiteral("name"), name},
        {QStringLiteral("target"), request.target},
        {QStringLiteral("method"), QString::fromStdString(method->service()->full_name() + '/' + method->name())},
        {QStringLiteral("message"), QString::fromUtf8(request.messages.value(0, "{}"))},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("deadlineMs"), request.deadlineMs}});
}

void LocustProject::skip(const QString &name, const QString &why) {
    m_skipped.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("why"), why}});
}

bool LocustProject::write(const QString &folder, QString *error) const {
    const QString out = QDir(folder).absolutePath();
    const auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
    if (!QDir().mkpath(out + QStringLiteral("/protos")))
        return fail(QStringLiteral("Cannot create %1").arg(out));
    for (const auto &[name, text] : m_protoTexts) {
        const QString target = out + QStringLiteral("/protos/") + name;
        QDir().mkpath(QFileInfo(target).path());
        QFile file(target);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
            return fail(QStringLiteral("Cannot write %1").arg(target));
    }
    const QJsonObject exported{
        {QStringLiteral("host"), m_host.isEmpty() ? QStringLiteral("http://127.0.0.1:8080") : m_host},
        {QStringLiteral("requests"), m_requests},
        {QStringLiteral("protoFiles"), m_protoFiles},
        {QStringLiteral("skipped"), m_skipped}};
    QFile requests(out + QStringLiteral("/requests.json"));
    if (!requests.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(QStringLiteral("Cannot write %1").arg(requests.fileName()));
    requests.write(QJsonDocument(exported).toJson(QJsonDocument::Indented));
    requests.close();
    for (const QString &name :
         {QStringLiteral("locustfile.py"), QStringLiteral("triptych_locust.py"), QStringLiteral("run-distributed")}) {
        const QString target = out + QLatin1Char('/') + name;
        QFile::remove(target);
        if (!QFile::copy(QStringLiteral(":/triptych/locust/") + name, target))
            return fail(QStringLiteral("Cannot write %1").arg(target));
        QFile::setPermissions(
            target, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther |
                        (name.endsWith(QLatin1String(".py"))
                             ? QFileDevice::Permissions()
                             : QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther));
    }
    return true;
}

QString LocustProject::runHint(const QString &folder) {
    return QStringLiteral("%1/run-distributed -w 2 --headless -u 20 -r 10 -t 30s --csv %1/stats").arg(folder);
}

} // namespace triptych::session
