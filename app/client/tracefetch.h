#pragma once

#include "app/client/callrecord.h"
#include "app/client/restrequest.h"

#include <QUrl>

namespace triptych::client {

// After a call, every caller asks the server for the call's spans the same way: GET /debug/traces/{id} on the
// server's HTTP side, without a traceparent of its own and without fetching a trace of the fetch.
// `server` is any URL of that server (http, https, ws or wss; path and query are replaced).
RestRequest traceFetchRequest(QUrl server, const QString &traceId);

// Merges the spans of a trace fetch's answer into the call's record; false when the answer had none (not 200, not
// OTLP/JSON, or an empty trace), so the caller can fall back to Server-Timing.
bool mergeFetchedTrace(CallRecord &record, const CallRecord &fetch);

} // namespace triptych::client
