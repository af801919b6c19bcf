#include "app/interop/curlexport.h"

#include "app/interop/shellwords.h"
#include "app/workspace/requestconversion.h"

#include <QUrl>
#include <QUrlQuery>

namespace triptych::interop {

namespace {

// curl adds "Expect: 100-continue" to bodies from 1 MiB on; the engine turns it off (app/client/curltransfer.cpp).
constexpr qsizetype kCurlExpectThresholdBytes = 1024 * 1024;

// As the engine builds it: the query items added through QUrlQuery, the whole URL encoded by QUrl.
QString urlWithQuery(const client::RestRequest &request) {
    QUrl url(request.url);
    if (!request.query.isEmpty()) {
        QUrlQuery query(url);
        for (const auto &[key, value] : request.query)
            query.addQueryItem(QString::fromUtf8(key), QString::fromUtf8(value));
        url.setQuery(query);
    }
    return QString::fromLatin1(url.toEncoded());
}

bool hasHeader(const client::HeaderList &headers, const QByteArray &name) {
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Inside -F's double quotes, curl reads \" and \\ as escapes.
QString formQuoted(const QString &text) {
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool isUnreserved(const QByteArray &text) {
    return !text.isEmpty() && text.toPercentEncoding() == text;
}

class CommandBuilder {
public:
    void add(const QString &option, const QString &value = {}) {
        m_lines.append(value.isNull() ? option : option + QLatin1Char(' ') + quoteShellWord(value));
    }
    // URLs, headers and credentials are quoted even when plain, as browsers write them: safe to edit in a shell.
    void addQuoted(const QString &option, const QString &value) {
        const QString quoted = quoteShellWord(value);
        m_lines.append(
            option + QLatin1Char(' ') +
            (quoted.startsWith(QLatin1Char('\'')) ? quoted : QLatin1Char('\'') + quoted + QLatin1Char('\'')));
    }
    QString text() const { return m_lines.join(QStringLiteral(" \\\n  ")); }

private:
    QStringList m_lines;
};

void addBody(const client::RestRequest &request, CommandBuilder &out) {
    switch (request.bodyKind) {
    case client::BodyKind::Json:
    case client::BodyKind::Raw:
        out.add(QStringLiteral("--data-raw"), QString::fromUtf8(request.body));
        break;
    case client::BodyKind::Form:
        for (const auto &[name, value] : request.form) {
            const QByteArray encoded = name.toPercentEncoding() + '=' + value.toPercentEncoding();
            // curl encodes a space as '+', the engine as %20: such values go as they are sent.
            if (isUnreserved(name) && !value.contains(' '))
                out.add(QStringLiteral("--data-urlencode"), QString::fromUtf8(name + '=' + value));
            else
                out.add(QStringLiteral("--data-raw"), QString::fromLatin1(encoded));
        }
        break;
    case client::BodyKind::File:
        out.add(QStringLiteral("--data-binary"), QLatin1Char('@') + request.filePath);
        break;
    case client::BodyKind::Multipart:
        for (const client::MultipartField &field : request.multipart) {
            const QString name = QString::fromUtf8(field.name);
            const QString type = field.contentType.isEmpty()
                                     ? QString()
                                     : QStringLiteral(";type=") + QString::fromUtf8(field.contentType);
            if (!field.filePath.isEmpty())
                out.add(QStringLiteral("-F"), name + QStringLiteral("=@") + formQuoted(field.filePath) + type);
            else if (type.isEmpty())
                out.add(QStringLiteral("--form-string"), name + QLatin1Char('=') + QString::fromUtf8(field.value));
            else
                out.add(QStringLiteral("-F"),
                        name + QLatin1Char('=') + formQuoted(QString::fromUtf8(field.value)) + type);
        }
        break;
    case client::BodyKind::None:
        break;
    }
}

// The headers in the engine's order: the request's, the body's Content-Type when it has none, then the auth header.
client::HeaderList headersAsSent(const client::RestRequest &request) {
    client::HeaderList headers = request.headers;
    if (request.bodyKind == client::BodyKind::Json && !hasHeader(headers, "Content-Type"))
        headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
    if (request.bodyKind == client::BodyKind::Raw && !request.contentType.isEmpty() &&
        !hasHeader(headers, "Content-Type"))
        headers.append({"Content-Type", request.contentType});
    const client::AuthSettings &auth = request.auth;
    if (auth.kind == client::AuthKind::Bearer)
        headers.append({"Authorization", "Bearer " + auth.token.toUtf8()});
    else if (auth.kind == client::AuthKind::ApiKey)
        headers.append({auth.apiKeyHeader, auth.token.toUtf8()});
    else if (auth.kind == client::AuthKind::Basic && auth.user.contains(QLatin1Char(':')))
        headers.append(
            {"Authorization", "Basic " + (auth.user + QLatin1Char(':') + auth.password).toUtf8().toBase64()});
    const bool bigBody = request.body.size() >= kCurlExpectThresholdBytes ||
                         request.bodyKind == client::BodyKind::File || request.bodyKind == client::BodyKind::Multipart;
    if (bigBody)
        headers.append({QByteArray("Expect"), QByteArray()});
    return headers;
}

void addOptions(const client::RestRequest &request, CommandBuilder &out) {
    if (request.followRedirects)
        out.add(QStringLiteral("-L"));
    if (request.acceptGzip) {
        // --compressed decodes the answer; the header narrows what is asked for to what the engine asks.
        out.add(QStringLiteral("--compressed"));
        out.addQuoted(QStringLiteral("-H"), QStringLiteral("Accept-Encoding: gzip"));
    }
    if (request.httpVersion == client::HttpVersion::Http1_1)
        out.add(QStringLiteral("--http1.1"));
    else if (request.httpVersion == client::HttpVersion::Http2)
        out.add(QStringLiteral("--http2"));
    else if (request.httpVersion == client::HttpVersion::Http2PriorKnowledge)
        out.add(QStringLiteral("--http2-prior-knowledge"));
    if (!request.tls.caFile.isEmpty())
        out.add(QStringLiteral("--cacert"), request.tls.caFile);
    if (!request.tls.clientCertificate.isEmpty())
        out.add(QStringLiteral("--cert"), request.tls.clientCertificate);
    if (!request.tls.clientKey.isEmpty())
        out.add(QStringLiteral("--key"), request.tls.clientKey);
    if (request.tls.skipVerification)
        out.add(QStringLiteral("-k"));
    if (request.timeoutMs != client::restlimits::kDefaultTimeoutMs)
        out.add(QStringLiteral("--max-time"), QString::number(request.timeoutMs / 1000.0));
}

} // namespace

QString toCurlCommand(const client::RestRequest &request) {
    CommandBuilder out;
    const bool hasBody = request.bodyKind != client::BodyKind::None;
    QString first = QStringLiteral("curl");
    if (request.method == "HEAD")
        first += QStringLiteral(" --head");
    else if (!(request.method == "GET" && !hasBody) && !(request.method == "POST" && hasBody))
        first += QStringLiteral(" -X ") + quoteShellWord(QString::fromLatin1(request.method));
    out.addQuoted(first, urlWithQuery(request));
    for (const auto &[name, value] : headersAsSent(request))
        out.addQuoted(QStringLiteral("-H"), QString::fromUtf8(value.isEmpty() ? name + ':' : name + ": " + value));
    if (request.auth.kind == client::AuthKind::Basic && !request.auth.user.contains(QLatin1Char(':')))
        out.addQuoted(QStringLiteral("-u"), request.auth.user + QLatin1Char(':') + request.auth.password);
    addBody(request, out);
    addOptions(request, out);
    return out.text();
}

QString toCurlCommand(const workspace::RequestDocument &resolved) {
    switch (resolved.style) {
    case workspace::RequestStyle::Rest:
        return toCurlCommand(workspace::toRestRequest(resolved));
    case workspace::RequestStyle::GraphQL:
        if (workspace::usesWebSocket(resolved))
            return {};
        return toCurlCommand(client::GraphQLCaller::toHttpRequest(workspace::toGraphQLRequest(resolved), true));
    case workspace::RequestStyle::Grpc:
        break;
    }
    return {};
}

} // namespace triptych::interop
