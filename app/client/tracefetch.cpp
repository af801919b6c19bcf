#include "app/client/tracefetch.h"

#include "app/client/embeddedtls.h"
#include "app/client/tracemerge.h"

#include <QHostAddress>

namespace triptych::client {
namespace {

constexpr int kTraceFetchTimeoutMs = 5'000;

bool isLoopback(const QString &host) {
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback();
}

} // namespace

RestRequest traceFetchRequest(QUrl server, const QString &traceId, const HeaderList &callHeaders) {
    if (server.scheme() == QLatin1String("ws"))
        server.setScheme(QStringLiteral("http"));
    else if (server.scheme() == QLatin1String("wss"))
        server.setScheme(QStringLiteral("https"));
    server.setPath(QStringLiteral("/debug/traces/") + traceId);
    server.setQuery(QString());
    RestRequest fetch;
    fetch.url = server.toString();
    fetch.sendTraceparent = false;
    fetch.fetchServerTrace = false;
    fetch.timeoutMs = kTraceFetchTimeoutMs;
    trustEmbeddedServer(fetch);
    if (isLoopback(server.host()))
        return fetch;
    for (const auto &[name, value] : callHeaders) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            fetch.headers.append({QByteArray("Authorization"), value});
        else if (name.compare("X-API-Key", Qt::CaseInsensitive) == 0)
            fetch.headers.append({QByteArray("X-API-Key"), value});
    }
    return fetch;
}

bool mergeFetchedTrace(CallRecord &record, const CallRecord &fetch) {
    auto spans = fetch.httpStatus == 200 ? spansFromOtlp(fetch.body, record.startedAtUnixNs) : QList<TraceSpan>{};
    if (spans.isEmpty())
        return false;
    mergeTrace(record, std::move(spans), TraceSource::DebugTraces);
    return true;
}

} // namespace triptych::client
