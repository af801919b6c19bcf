#include "app/client/tracefetch.h"

#include "app/client/tracemerge.h"

namespace triptych::client {
namespace {

constexpr int kTraceFetchTimeoutMs = 5'000;

} // namespace

RestRequest traceFetchRequest(QUrl server, const QString &traceId) {
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
