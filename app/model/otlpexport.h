#pragma once

#include "app/client/callrecord.h"

#include <QByteArray>

namespace triptych::model {

// One call's merged trace as OTLP/JSON (resourceSpans → scopeSpans → spans), for File ▸ Export trace…: the client's
// total and phases as the resource "triptych", the server's spans as "triptych-server", all in one trace. The
// client's total takes the span id it sent in traceparent, so the server's root hangs under it in any OTLP viewer.
QByteArray traceToOtlpJson(const client::CallRecord &record);

} // namespace triptych::model
