#pragma once

#include "app/client/callrecord.h"
#include "app/client/restrequest.h"

#include <QUrl>

namespace triptych::client {

// After a call, every caller asks the server for the call's spans the same way: GET /debug/traces/{id} on the
// server's HTTP side, without a traceparent of its own and without fetching a trace of the fetch.
// `server` is any URL of that server (http, https, ws or wss; path and query are replaced). A server bound to an
// address other than loopback wants credentials for /debug/* (docs/contract.md): the call's own `Authorization` and
// `X-API-Key` (`callHeaders`, any case) go with the fetch then, to the host they were already sent to.
RestRequest traceFetchRequest(QUrl server, const QString &traceId, const HeaderList &callHeaders = {});

// Merges the spans of a trace fetch's answer into the call's record; false when the answer had none (not 200, not
// OTLP/JSON, or an empty trace), so the caller can fall back to Server-Timing.
bool mergeFetchedTrace(CallRecord &record, const CallRecord &fetch);

} // namespace triptych::client
