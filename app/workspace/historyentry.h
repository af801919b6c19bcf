#pragma once

#include "app/workspace/requestdocument.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <optional>

namespace triptych::client {
struct CallRecord;
}

// One call of the persistent history (docs/workspace.md, "History"): the request as it was sent, after variables, and
// what came back.
namespace triptych::workspace {

namespace historylimits {
constexpr qint64 kInlineBodyBytes = 256 * 1024;       // a response body up to this size is kept in the database
constexpr qint64 kFileBodyBytes = 16LL * 1024 * 1024; // up to this size in a file beside it; beyond, truncated
constexpr qint64 kRequestBodyBytes = 1024 * 1024;     // a request body is kept up to this size, then truncated
constexpr qint64 kIndexedTextBytes = 64 * 1024;       // of each body, this much is searchable as text
} // namespace historylimits

using TextPairs = QList<QPair<QString, QString>>;

struct HistoryEntry {
    qint64 id = 0; // given by the store
    qint64 startedAtMs = 0;
    RequestStyle style = RequestStyle::Rest;
    QString method; // HTTP method; SUBSCRIPTION, QUERY … for GraphQL over WebSocket; "/pkg.Service/Method" for gRPC
    QString url;    // URL, or the gRPC target
    TextPairs requestHeaders;
    QByteArray requestBody;
    bool requestBodyTruncated = false;
    int status = 0;     // HTTP status, or the gRPC status code; -1 when no answer came
    QString statusText; // "200 OK", "NOT_FOUND", "refused" …
    QString error;      // what failed; empty when the call worked
    qint64 durationUs = 0;
    qint64 dnsUs = -1, connectUs = -1, tlsUs = -1, firstByteUs = -1; // -1: the phase did not happen
    qint64 requestBytes = 0;
    qint64 responseBytes = 0;
    TextPairs responseHeaders;
    QByteArray responseBody;      // what was kept (see historylimits)
    qint64 responseBodyBytes = 0; // the body's full size
    bool responseBodyTruncated = false;
    QString traceId;
    bool operator==(const HistoryEntry &) const = default;
};

// A history list row, without headers and bodies.
struct HistorySummary {
    qint64 id = 0;
    qint64 startedAtMs = 0;
    RequestStyle style = RequestStyle::Rest;
    QString method;
    QString url;
    int status = 0;
    QString statusText;
    QString error;
    qint64 durationUs = 0;
    qint64 responseBytes = 0;
};

// Search results, newest day first, each day's calls newest first.
struct HistoryDay {
    QDate day; // local time
    QList<HistorySummary> entries;
};

struct HistoryQuery {
    QString text;   // words found anywhere: URL, method, headers, bodies (each body's first 64 KiB), status, error
    QString url;    // a piece of the URL or target
    QString method; // exactly, any case
    std::optional<RequestStyle> style;
    int statusFrom = -1; // a status range, e.g. 400..499; -1 for none
    int statusTo = -1;
    qint64 fromMs = 0; // started at or after; 0 for any
    qint64 toMs = 0;   // started before; 0 for any
    int limit = 500;   // the newest this many
};

// What the user lets the history keep; the oldest calls go first. 0 means no limit of that kind.
struct HistoryLimits {
    int maxEntries = 10'000;
    int maxAgeDays = 90;
    qint64 maxBytes = 512LL * 1024 * 1024;
    bool operator==(const HistoryLimits &) const = default;
};

// The history entry of a finished call, as the client recorded it.
HistoryEntry historyEntryFromCall(const client::CallRecord &record);

// "Save to collection": a saved request that sends the same call again. Headers the client adds itself (Host,
// Content-Length, traceparent …) are left out; a URL's query becomes params; a GraphQL body becomes its document,
// variables and operation name.
RequestDocument toRequestDocument(const HistoryEntry &entry);

QList<HistoryDay> groupByDay(const QList<HistorySummary> &newestFirst);

} // namespace triptych::workspace

Q_DECLARE_METATYPE(triptych::workspace::HistoryEntry)
Q_DECLARE_METATYPE(triptych::workspace::HistoryDay)
