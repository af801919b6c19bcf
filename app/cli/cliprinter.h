#pragma once

#include "app/client/callrecord.h"

#include <QString>

class QIODevice;

namespace triptych::cli {

// Human output: the body on `out`, a one-line summary (status, time, bytes, trace) and with -i the headers and
// phases on `err`, so that `triptych-cli rest GET … | jq` works. The devices are stdout and stderr in the
// executable and buffers in tests; bytes go out unchanged (a body need not be text).
class CliPrinter {
public:
    CliPrinter(QIODevice &out, QIODevice &err);

    // The process's stdout and stderr, written unbuffered so streamed messages appear as they arrive.
    static CliPrinter &standard();

    // streamed: the messages were already printed as they came, so the body is not printed again.
    void printRecord(const client::CallRecord &record, bool json, bool verbose, bool streamed);
    void printStreamMessage(const client::StreamMessage &message);
    // A GraphQL WebSocket message: direction, time, size and type on err; the payload of next/data/error on out.
    void printWebSocketMessage(const client::StreamMessage &message);
    void printError(const QString &text);
    void printOut(const QString &text);

private:
    void printDetails(const client::CallRecord &record);

    QIODevice &m_out;
    QIODevice &m_err;
};

// The printer behind printError/printOut below: CliPrinter::standard() unless another one is routed there.
CliPrinter &currentPrinter();
// nullptr routes the free functions back to the standard streams.
void setCurrentPrinter(CliPrinter *printer);
void printError(const QString &text);
void printOut(const QString &text);

QString formatDuration(qint64 micros);
QString formatBytes(qint64 bytes);

} // namespace triptych::cli
