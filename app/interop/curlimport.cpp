#include "app/interop/curlimport.h"

#include "app/interop/curloptions.h"
#include "app/interop/shellwords.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace triptych::interop {

using curloptions::Option;
using workspace::BodyKind;
using workspace::Diagnostic;
using workspace::KeyValue;
using workspace::MultipartPart;

namespace {

struct DataPiece {
    Option kind; // Data, DataRaw, DataBinary, DataUrlEncode, Json
    QString value;
};

// Everything the command says, before it becomes a document.
struct CurlCommand {
    QString method;
    QStringList urls;
    QList<KeyValue> headers;
    QList<DataPiece> data;
    QList<MultipartPart> parts;
    QStringList cookies;
    QStringList urlQuery;
    QString uploadFile;
    bool form = false; // -F given, even when each field was left out
    bool get = false;
    bool head = false;
    workspace::RequestAuth auth;
    workspace::HttpOptions options;
};

class CurlReader {
public:
    explicit CurlReader(QString file)
        : m_file(std::move(file)) {
        m_command.options.followRedirects = false;
    }

    void warn(const QString &message) { m_diagnostics.append({Diagnostic::Severity::Warning, m_file, 0, 0, message}); }
    void error(const QString &message, int line = 0, int column = 0) {
        m_diagnostics.append({Diagnostic::Severity::Error, m_file, line, column, message});
    }

    bool read(const QStringList &words);
    CurlCommand &command() { return m_command; }
    workspace::Diagnostics &diagnostics() { return m_diagnostics; }

private:
    void apply(const QString &name, Option option, const QString &value);
    void applyBody(Option option, const QString &value);
    void applyHeader(const QString &value);
    void applyForm(const QString &value, bool literal);
    void applyUser(const QString &value);
    bool readShortCluster(const QStringList &words, qsizetype &i);

    QString m_file;
    CurlCommand m_command;
    workspace::Diagnostics m_diagnostics;
};

bool CurlReader::read(const QStringList &words) {
    const auto &table = curloptions::table();
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString &word = words[i];
        if (word == QLatin1String("--")) {
            m_command.urls += words.mid(i + 1);
            break;
        }
        if (!word.startsWith(QLatin1Char('-')) || word == QLatin1String("-")) {
            m_command.urls.append(word);
            continue;
        }
        if (!word.startsWith(QLatin1String("--"))) {
            if (!readShortCluster(words, i))
                return false;
            continue;
        }
        const auto spec = table.constFind(word);
        if (spec == table.constEnd()) {
            warn(QStringLiteral("%1 is not an option Triptych knows: left out (if it takes a value, that value was "
                                "read as a URL)")
                     .arg(word));
            continue;
        }
        if (spec->takesValue && i + 1 >= words.size()) {
            error(QStringLiteral("%1 needs a value").arg(word));
            return false;
        }
        apply(word, spec->option, spec->takesValue ? words[++i] : QString());
    }
    return true;
}

// "-sSL", "-XPOST", "-H" "Accept: x": letters are flags until one takes a value, which is the rest or the next word.
bool CurlReader::readShortCluster(const QStringList &words, qsizetype &i) {
    const QString word = words[i];
    const auto &table = curloptions::table();
    for (qsizetype at = 1; at < word.size(); ++at) {
        const QString name = QStringLiteral("-") + word[at];
        const auto spec = table.constFind(name);
        if (spec == table.constEnd()) {
            warn(QStringLiteral("%1 is not an option Triptych knows: left out").arg(name));
            continue;
        }
        if (!spec->takesValue) {
            apply(name, spec->option, {});
            continue;
        }
        QString value = word.mid(at + 1);
        if (value.isEmpty()) {
            if (i + 1 >= words.size()) {
                error(QStringLiteral("%1 needs a value").arg(name));
                return false;
            }
            value = words[++i];
        }
        apply(name, spec->option, value);
        return true;
    }
    return true;
}

void CurlReader::apply(const QString &name, Option option, const QString &value) {
    CurlCommand &c = m_command;
    switch (option) {
    case Option::Url:
        c.urls.append(value);
        break;
    case Option::Request:
        c.method = value;
        break;
    case Option::Header:
        applyHeader(value);
        break;
    case Option::Data:
    case Option::DataRaw:
    case Option::DataBinary:
    case Option::DataUrlEncode:
    case Option::Json:
        applyBody(option, value);
        break;
    case Option::Form:
    case Option::FormString:
        applyForm(value, option == Option::FormString);
        break;
    case Option::User:
        applyUser(value);
        break;
    case Option::Cookie:
        if (value.contains(QLatin1Char('=')))
            c.cookies.append(value);
        else
            warn(QStringLiteral("%1 %2: reading cookies from a file is not supported; left out").arg(name, value));
        break;
    case Option::UserAgent:
        c.headers.append({QStringLiteral("User-Agent"), value});
        break;
    case Option::Referer: {
        QString referer = value;
        if (referer.endsWith(QLatin1String(";auto"))) {
            referer.chop(5);
            warn(QStringLiteral("%1: ';auto' (a referer on redirects) is not supported; the referer is sent as given")
                     .arg(name));
        }
        if (!referer.isEmpty())
            c.headers.append({QStringLiteral("Referer"), referer});
        break;
    }
    case Option::Get:
        c.get = true;
        break;
    case Option::Head:
        c.head = true;
        break;
    case Option::Location:
        c.options.followRedirects = true;
        break;
    case Option::Insecure:
        c.options.tls.skipVerification = true;
        break;
    case Option::Compressed:
        c.options.acceptGzip = true;
        warn(QStringLiteral("%1: Triptych asks for gzip only (curl also offers deflate, br and zstd)").arg(name));
        break;
    case Option::Http11:
        c.options.httpVersion = workspace::HttpVersion::Http1_1;
        break;
    case Option::Http2:
        c.options.httpVersion = workspace::HttpVersion::Http2;
        warn(QStringLiteral("%1: Triptych uses HTTP/2 over TLS only; a plain http:// URL stays HTTP/1.1 (curl would "
                            "ask to upgrade with 'Upgrade: h2c')")
                 .arg(name));
        break;
    case Option::Http2PriorKnowledge:
        c.options.httpVersion = workspace::HttpVersion::Http2PriorKnowledge;
        break;
    case Option::Proxy:
        warn(QStringLiteral("%1 %2: a request has no proxy setting; sent directly instead").arg(name, value));
        break;
    case Option::CaCert:
        c.options.tls.caFile = value;
        break;
    case Option::Cert:
        c.options.tls.clientCertificate = value;
        break;
    case Option::Key:
        c.options.tls.clientKey = value;
        break;
    case Option::MaxTime: {
        bool ok = false;
        const double seconds = value.toDouble(&ok);
        if (ok && seconds > 0 && seconds < 86'400)
            c.options.timeoutMs = int(seconds * 1000);
        else
            warn(QStringLiteral("%1 %2: not a number of seconds; the default timeout is kept").arg(name, value));
        break;
    }
    case Option::UrlQuery:
        c.urlQuery.append(value);
        break;
    case Option::OAuth2Bearer:
        c.auth.kind = workspace::AuthKind::Bearer;
        c.auth.token = value;
        break;
    case Option::UploadFile:
        c.uploadFile = value;
        break;
    case Option::OutputOnly:
        warn(QStringLiteral("%1: ignored, it changes only what curl prints or writes").arg(name));
        break;
    case Option::NoEffect:
        break;
    case Option::Unsupported:
        warn(QStringLiteral("%1%2: not supported by Triptych; left out")
                 .arg(name, value.isEmpty() ? QString() : QLatin1Char(' ') + value));
        break;
    }
}

void CurlReader::applyHeader(const QString &value) {
    if (value.startsWith(QLatin1Char('@'))) {
        warn(QStringLiteral("-H %1: reading headers from a file is not supported; left out").arg(value));
        return;
    }
    const qsizetype colon = value.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
        if (value.endsWith(QLatin1Char(';')))
            warn(QStringLiteral("-H %1: an empty header is sent as a header removal").arg(value));
        else
            warn(QStringLiteral("-H %1: not a 'Name: value' header; left out").arg(value));
        if (value.endsWith(QLatin1Char(';')) && value.size() > 1)
            m_command.headers.append({value.chopped(1).trimmed(), QString()});
        return;
    }
    m_command.headers.append({value.left(colon).trimmed(), value.mid(colon + 1).trimmed()});
}

void CurlReader::applyBody(Option option, const QString &value) {
    m_command.data.append({option, value});
}

// "name=value", "name=@file;type=x;filename=y", "name=<file"; --form-string keeps the value as written.
void CurlReader::applyForm(const QString &value, bool literal) {
    m_command.form = true;
    const qsizetype equals = value.indexOf(QLatin1Char('='));
    if (equals <= 0) {
        warn(QStringLiteral("-F %1: not a 'name=value' field; left out").arg(value));
        return;
    }
    MultipartPart part;
    part.name = value.left(equals);
    QString content = value.mid(equals + 1);
    if (!literal) {
        QStringList pieces = content.split(QLatin1Char(';'));
        content = pieces.takeFirst();
        for (const QString &piece : pieces) {
            if (piece.startsWith(QLatin1String("type=")))
                part.contentType = piece.mid(5);
            else
                warn(QStringLiteral("-F %1: ';%2' is not supported; left out").arg(value, piece));
        }
        if (content.startsWith(QLatin1Char('<'))) {
            warn(QStringLiteral("-F %1: a field read from a file is not supported; left out").arg(value));
            return;
        }
        if (content.startsWith(QLatin1Char('@'))) {
            part.filePath = content.mid(1);
            content.clear();
        }
    }
    part.value = content;
    m_command.parts.append(part);
}

void CurlReader::applyUser(const QString &value) {
    workspace::RequestAuth &auth = m_command.auth;
    auth.kind = workspace::AuthKind::Basic;
    const qsizetype colon = value.indexOf(QLatin1Char(':'));
    auth.user = colon < 0 ? value : value.left(colon);
    auth.password = colon < 0 ? QString() : value.mid(colon + 1);
    if (colon < 0)
        warn(QStringLiteral("-u %1: no password given (curl would ask for one); an empty password is kept").arg(value));
}

// As curl 7.88 encodes for --data-urlencode and --url-query: unreserved characters kept, a space as '+'.
QString formEncoded(const QString &text) {
    return QString::fromLatin1(text.toUtf8().toPercentEncoding(" ").replace(' ', '+'));
}

// curl's --data-urlencode: "content", "=content", "name=content" (encoded after the '='); "name@file" reads a file.
QString urlEncodedPiece(const QString &value, CurlReader &reader) {
    const qsizetype at = value.indexOf(QRegularExpression(QStringLiteral("[@=]")));
    if (at >= 0 && value[at] == QLatin1Char('@')) {
        reader.warn(
            QStringLiteral("--data-urlencode %1: reading the value from a file is not supported; left out").arg(value));
        return {};
    }
    if (at < 0)
        return formEncoded(value);
    const QString encoded = formEncoded(value.mid(at + 1));
    return at == 0 ? encoded : value.left(at) + QLatin1Char('=') + encoded;
}

struct JoinedData {
    QString text;
    QString filePath;
    bool json = false;
};

// The pieces joined as curl joins them ('&', nothing between --json pieces); one "@file" alone becomes a file body.
JoinedData joinData(const QList<DataPiece> &pieces, CurlReader &reader) {
    JoinedData joined;
    QStringList texts;
    for (const DataPiece &piece : pieces) {
        joined.json = joined.json || piece.kind == Option::Json;
        const bool fromFile = piece.kind != Option::DataRaw && piece.kind != Option::DataUrlEncode &&
                              piece.value.startsWith(QLatin1Char('@'));
        if (fromFile && pieces.size() == 1) {
            joined.filePath = piece.value.mid(1);
            if (piece.kind == Option::Data)
                reader.warn(QStringLiteral("-d @%1: the file is sent as it is (curl -d would drop its line breaks; "
                                           "--data-binary keeps them)")
                                .arg(joined.filePath));
            return joined;
        }
        if (fromFile) {
            reader.warn(
                QStringLiteral("%1: a file among other data pieces is not supported; left out").arg(piece.value));
            continue;
        }
        texts.append(piece.kind == Option::DataUrlEncode ? urlEncodedPiece(piece.value, reader) : piece.value);
    }
    joined.text = texts.join(joined.json ? QString() : QStringLiteral("&"));
    return joined;
}

const KeyValue *findHeader(const QList<KeyValue> &headers, QStringView name) {
    for (const KeyValue &header : headers) {
        if (header.name.compare(name, Qt::CaseInsensitive) == 0)
            return &header;
    }
    return nullptr;
}

void appendQuery(QString &url, const QString &query) {
    if (query.isEmpty())
        return;
    const qsizetype fragment = url.indexOf(QLatin1Char('#'));
    const QString tail = fragment < 0 ? QString() : url.mid(fragment);
    url.truncate(fragment < 0 ? url.size() : fragment);
    url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + query + tail;
}

void buildBody(CurlCommand &command, workspace::HttpPart &http, CurlReader &reader) {
    if (command.form) {
        http.body.kind = BodyKind::Multipart;
        http.body.multipart = command.parts;
        return;
    }
    if (!command.uploadFile.isEmpty()) {
        http.body.kind = BodyKind::File;
        http.body.filePath = command.uploadFile;
        reader.warn(
            QStringLiteral("-T %1: sent as a file body; Triptych adds a form Content-Type that curl -T does not "
                           "send, unless a Content-Type header is given")
                .arg(command.uploadFile));
        return;
    }
    if (command.data.isEmpty())
        return;
    const JoinedData joined = joinData(command.data, reader);
    if (command.get) {
        appendQuery(http.url, joined.text);
        return;
    }
    if (!joined.filePath.isEmpty()) {
        http.body.kind = BodyKind::File;
        http.body.filePath = joined.filePath;
        return;
    }
    const KeyValue *contentType = findHeader(http.headers, u"Content-Type");
    http.body.text = joined.text;
    if (joined.json) {
        http.body.kind = BodyKind::Json;
        if (!findHeader(http.headers, u"Accept"))
            http.headers.append({QStringLiteral("Accept"), QStringLiteral("application/json")});
    } else if (contentType && contentType->value.startsWith(QLatin1String("application/json"))) {
        http.body.kind = BodyKind::Json;
    } else {
        http.body.kind = BodyKind::Raw;
        if (!contentType)
            http.body.contentType = QStringLiteral("application/x-www-form-urlencoded");
    }
}

QString defaultMethod(const CurlCommand &command) {
    if (command.head)
        return QStringLiteral("HEAD");
    if (command.get)
        return QStringLiteral("GET");
    if (!command.data.isEmpty() || command.form)
        return QStringLiteral("POST");
    return command.uploadFile.isEmpty() ? QStringLiteral("GET") : QStringLiteral("PUT");
}

// "GET users 42 orders" from the method and the URL's path.
QString requestName(const QString &method, const QString &url) {
    const QUrl parsed(url);
    QStringList segments = parsed.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty())
        segments.append(parsed.host());
    return safeRequestName(method + QLatin1Char(' ') + segments.join(QLatin1Char(' ')));
}

workspace::RequestDocument buildDocument(CurlCommand &command, CurlReader &reader) {
    workspace::RequestDocument document;
    workspace::HttpPart &http = document.http;
    QString url = command.urls.first();
    for (const QString &extra : command.urls.mid(1))
        reader.warn(QStringLiteral("%1: only the first URL is imported; this one is left out").arg(extra));
    if (!url.contains(QLatin1String("://")))
        url.prepend(QStringLiteral("http://"));
    for (const QString &query : command.urlQuery)
        appendQuery(url, urlEncodedPiece(query, reader));
    http.url = url;
    http.headers = command.headers;
    if (!command.cookies.isEmpty())
        http.headers.append({QStringLiteral("Cookie"), command.cookies.join(QLatin1Char(';'))});
    if (!command.data.isEmpty() && command.form)
        reader.error(QStringLiteral("-d and -F together: curl refuses to send both a body and a form"));
    buildBody(command, http, reader);
    http.method = command.method.isEmpty() ? defaultMethod(command) : command.method;
    http.auth = command.auth;
    http.options = command.options;
    document.name = requestName(http.method, http.url);
    return document;
}

} // namespace

bool looksLikeCurlCommand(QStringView text) {
    const QStringView trimmed = text.trimmed();
    return trimmed.startsWith(QLatin1String("curl ")) || trimmed.startsWith(QLatin1String("curl\t")) ||
           trimmed.startsWith(QLatin1String("curl\\\n"));
}

} // namespace triptych::interop

namespace triptych::interop {

ImportResult importCurl(const QString &command, const QString &file) {
    ImportResult result;
    result.collectionName = QStringLiteral("curl import");
    const ShellWords split = splitShellWords(command);
    CurlReader reader(file);
    if (!split.ok()) {
        const QStringView before = QStringView(command).left(split.offset);
        const int line = int(before.count(QLatin1Char('\n'))) + 1;
        const int column = int(split.offset - (before.lastIndexOf(QLatin1Char('\n')) + 1)) + 1;
        reader.error(split.error + QStringLiteral(" (column %1)").arg(column), line, column);
    } else if (split.words.isEmpty() || QFileInfo(split.words.first()).fileName() != QLatin1String("curl")) {
        reader.error(QStringLiteral("not a curl command: it does not start with 'curl'"), 1, 1);
    } else if (reader.read(split.words)) {
        if (reader.command().urls.isEmpty())
            reader.error(QStringLiteral("the command names no URL"));
        else
            result.requests.append({QString(), buildDocument(reader.command(), reader)});
    }
    result.diagnostics = reader.diagnostics();
    return result;
}

} // namespace triptych::interop
