#pragma once

#include "app/client/callrecord.h"

#include <QString>

namespace triptych::cli {

// Human output: the body on stdout, a one-line summary (status, time, bytes, trace) and with -i the headers and
// phases on stderr, so that `triptych-cli rest GET … | jq` works.
// streamed: the messages were already printed as they came, so the body is not printed again.
void printRecord(const client::CallRecord &record, bool json, bool verbose, bool streamed);
void printStreamMessage(const client::StreamMessage &message);
// A GraphQL WebSocket message: direction, time, size and type on stderr; the payload of next/data/error on stdout.
void printWebSocketMessage(const client::StreamMessage &message);
void printError(const QString &text);
void printOut(const QString &text);

QString formatDuration(qint64 micros);
QString formatBytes(qint64 bytes);

} // namespace triptych::cli
