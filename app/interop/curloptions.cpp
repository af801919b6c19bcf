#include "app/interop/curloptions.h"

namespace triptych::interop::curloptions {

namespace {

struct Row {
    const char *longName;
    char shortName; // 0: none
    Option option;
    bool takesValue;
};

// The options curl's manual lists that browsers, API docs and people paste; anything else is reported as unknown.
constexpr Row kRows[] = {
    {"url", 0, Option::Url, true},
    {"request", 'X', Option::Request, true},
    {"header", 'H', Option::Header, true},
    {"data", 'd', Option::Data, true},
    {"data-ascii", 0, Option::Data, true},
    {"data-raw", 0, Option::DataRaw, true},
    {"data-binary", 0, Option::DataBinary, true},
    {"data-urlencode", 0, Option::DataUrlEncode, true},
    {"json", 0, Option::Json, true},
    {"form", 'F', Option::Form, true},
    {"form-string", 0, Option::FormString, true},
    {"user", 'u', Option::User, true},
    {"cookie", 'b', Option::Cookie, true},
    {"user-agent", 'A', Option::UserAgent, true},
    {"referer", 'e', Option::Referer, true},
    {"get", 'G', Option::Get, false},
    {"head", 'I', Option::Head, false},
    {"location", 'L', Option::Location, false},
    {"location-trusted", 0, Option::Location, false},
    {"insecure", 'k', Option::Insecure, false},
    {"compressed", 0, Option::Compressed, false},
    {"http1.1", 0, Option::Http11, false},
    {"http2", 0, Option::Http2, false},
    {"http2-prior-knowledge", 0, Option::Http2PriorKnowledge, false},
    {"proxy", 'x', Option::Proxy, true},
    {"cacert", 0, Option::CaCert, true},
    {"cert", 'E', Option::Cert, true},
    {"key", 0, Option::Key, true},
    {"max-time", 'm', Option::MaxTime, true},
    {"url-query", 0, Option::UrlQuery, true},
    {"oauth2-bearer", 0, Option::OAuth2Bearer, true},
    {"upload-file", 'T', Option::UploadFile, true},
    {"silent", 's', Option::OutputOnly, false},
    {"show-error", 'S', Option::OutputOnly, false},
    {"verbose", 'v', Option::OutputOnly, false},
    {"include", 'i', Option::OutputOnly, false},
    {"output", 'o', Option::OutputOnly, true},
    {"remote-name", 'O', Option::OutputOnly, false},
    {"progress-bar", '#', Option::OutputOnly, false},
    {"no-progress-meter", 0, Option::OutputOnly, false},
    {"fail", 'f', Option::OutputOnly, false},
    {"fail-with-body", 0, Option::OutputOnly, false},
    {"write-out", 'w', Option::OutputOnly, true},
    {"dump-header", 'D', Option::OutputOnly, true},
    {"trace", 0, Option::OutputOnly, true},
    {"trace-ascii", 0, Option::OutputOnly, true},
    {"stderr", 0, Option::OutputOnly, true},
    {"no-buffer", 'N', Option::OutputOnly, false},
    {"globoff", 'g', Option::NoEffect, false},
    {"basic", 0, Option::NoEffect, false},
    {"connect-timeout", 0, Option::Unsupported, true},
    {"max-redirs", 0, Option::Unsupported, true},
    {"resolve", 0, Option::Unsupported, true},
    {"connect-to", 0, Option::Unsupported, true},
    {"cookie-jar", 'c', Option::Unsupported, true},
    {"retry", 0, Option::Unsupported, true},
    {"limit-rate", 0, Option::Unsupported, true},
    {"config", 'K', Option::Unsupported, true},
    {"proxy-user", 'U', Option::Unsupported, true},
    {"range", 'r', Option::Unsupported, true},
    {"digest", 0, Option::Unsupported, false},
    {"ntlm", 0, Option::Unsupported, false},
    {"negotiate", 0, Option::Unsupported, false},
    {"http1.0", '0', Option::Unsupported, false},
    {"http3", 0, Option::Unsupported, false},
    {"path-as-is", 0, Option::Unsupported, false},
    {"tlsv1.2", 0, Option::Unsupported, false},
    {"tlsv1.3", 0, Option::Unsupported, false},
    {"ipv4", '4', Option::Unsupported, false},
    {"ipv6", '6', Option::Unsupported, false},
};

QHash<QString, Spec> buildTable() {
    QHash<QString, Spec> table;
    for (const Row &row : kRows) {
        table.insert(QStringLiteral("--") + QLatin1String(row.longName), {row.option, row.takesValue});
        if (row.shortName)
            table.insert(QStringLiteral("-") + QLatin1Char(row.shortName), {row.option, row.takesValue});
    }
    return table;
}

} // namespace

const QHash<QString, Spec> &table() {
    static const QHash<QString, Spec> instance = buildTable();
    return instance;
}

} // namespace triptych::interop::curloptions
