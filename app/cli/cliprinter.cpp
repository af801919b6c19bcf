#include "app/cli/cliprinter.h"

#include "app/model/jsonpretty.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cstdio>

namespace triptych::cli {

using namespace triptych::client;

namespace {

CliPrinter *g_current = nullptr;

// Indented in the server's key order (QJsonDocument would sort the keys); anything else as received.
QByteArray pretty(const QByteArray &body) {
    auto indented = model::prettyPrintJson(body);
    return indented.ok ? indented.text + '\n' : body;
}

QString statusText(const CallRecord &record) {
    if (record.grpcCode >= 0)
        return grpcCodeName(record.grpcCode);
    if (record.httpStatus > 0)
        return QStringLiteral("%1 %2").arg(record.httpVersion).arg(record.httpStatus);
    return toString(record.error.kind).toUpper();
}

QString traceText(const CallRecord &record) {
    if (record.traceId.isEmpty())
        return {};
    const QString source = record.traceSource == TraceSource::DebugTraces    ? QStringLiteral("/debug/traces")
                           : record.traceSource == TraceSource::ServerTiming ? QStringLiteral("Server-Timing")
                                                                             : QStringLiteral("none");
    return QStringLiteral("  trace %1 (%2 server spans from %3)")
        .arg(record.traceId)
        .arg(record.serverSpanCount())
        .arg(source);
}

} // namespace

CliPrinter::CliPrinter(QIODevice &out, QIODevice &err)
    : m_out(out)
    , m_err(err) {}

CliPrinter &CliPrinter::standard() {
    // On the file descriptors and unbuffered: every write reaches the terminal or pipe at once, with no stdio buffer.
    static QFile out;
    static QFile err;
    static CliPrinter printer = [] {
        out.open(fileno(stdout), QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
        err.open(fileno(stderr), QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
        return CliPrinter(out, err);
    }();
    return printer;
}

QString formatDuration(qint64 micros) {
    const double ms = double(micros) / 1000.0;
    return ms < 10.0 ? QString::number(ms, 'f', 2) + QStringLiteral(" ms")
                     : QString::number(ms, 'f', 1) + QStringLiteral(" ms");
}

QString formatBytes(qint64 bytes) {
    if (bytes < 0)
        return QStringLiteral("?");
    if (bytes < 1024)
        return QString::number(bytes) + QStringLiteral(" B");
    if (bytes < 1024 * 1024)
        return QString::number(double(bytes) / 1024.0, 'f', 1) + QStringLiteral(" KB");
    return QString::number(double(bytes) / 1024.0 / 1024.0, 'f', 1) + QStringLiteral(" MB");
}

void CliPrinter::printDetails(const CallRecord &record) {
    QString text;
    for (const auto &[name, value] : record.responseHeaders)
        text += QStringLiteral("< %1: %2\n").arg(QString::fromUtf8(name), QString::fromUtf8(value));
    for (const auto &[name, value] : record.trailers)
        text += QStringLiteral("< (trailer) %1: %2\n").arg(QString::fromUtf8(name), QString::fromUtf8(value));
    for (const auto &redirect : record.redirects)
        text += QStringLiteral("redirect %1\n").arg(redirect);
    for (const auto &span : record.spans) {
        text += QStringLiteral("%1 %2 +%3 %4\n")
                    .arg(span.fromServer ? QStringLiteral("  server") : QStringLiteral("  client"), span.name,
                         formatDuration(span.startUs), formatDuration(span.durationUs));
    }
    m_err.write(text.toUtf8());
}

void CliPrinter::printRecord(const CallRecord &record, bool json, bool verbose, bool streamed) {
    if (json) {
        m_out.write(QJsonDocument(toJson(record)).toJson(QJsonDocument::Indented));
        return;
    }
    if (verbose)
        printDetails(record);
    if (!record.body.isEmpty() && !streamed)
        m_out.write(pretty(record.body));
    if (!record.grpcDetailsJson.isEmpty())
        m_err.write("details: " + pretty(record.grpcDetailsJson));
    const qint64 bytes = record.sizes.responseBodyWireBytes >= 0 ? record.sizes.responseBodyWireBytes
                                                                 : record.sizes.responseBodyDecodedBytes;
    QString summary = QStringLiteral("%1  %2  %3")
                          .arg(statusText(record), formatDuration(record.timings.totalUs), formatBytes(bytes));
    if (record.sizes.responseBodyDecodedBytes != bytes && record.sizes.responseBodyDecodedBytes > 0)
        summary += QStringLiteral(" (%1 decoded)").arg(formatBytes(record.sizes.responseBodyDecodedBytes));
    if (streamed) {
        const auto received = std::count_if(record.messages.cbegin(), record.messages.cend(),
                                            [](const StreamMessage &message) { return !message.outgoing; });
        summary += QStringLiteral("  %1 messages received").arg(received);
    }
    if (record.closeCode >= 0)
        summary += QStringLiteral("  closed %1%2")
                       .arg(record.closeCode)
                       .arg(record.closeReason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(record.closeReason));
    summary += traceText(record);
    m_err.write((summary + QLatin1Char('\n')).toUtf8());
    for (const auto &warning : record.warnings)
        m_err.write((QStringLiteral("warning: ") + warning + QLatin1Char('\n')).toUtf8());
    if (!record.ok())
        printError(record.error.text());
}

void CliPrinter::printStreamMessage(const StreamMessage &message) {
    const QString head =
        QStringLiteral("%1 +%2 %3%4\n")
            .arg(message.outgoing ? QStringLiteral(">") : QStringLiteral("<"), formatDuration(message.offsetUs),
                 formatBytes(message.size), message.event.isEmpty() ? QString() : QStringLiteral(" ") + message.event);
    m_err.write(head.toUtf8());
    m_out.write(message.json() + '\n');
}

void CliPrinter::printWebSocketMessage(const StreamMessage &message) {
    const QString head = QStringLiteral("%1 +%2 %3 %4\n")
                             .arg(message.outgoing ? QStringLiteral(">") : QStringLiteral("<"),
                                  formatDuration(message.offsetUs), formatBytes(message.size), message.event);
    m_err.write(head.toUtf8());
    static const QStringList answers{QStringLiteral("next"), QStringLiteral("data"), QStringLiteral("error")};
    if (!message.outgoing && answers.contains(message.event)) {
        const auto payload = QJsonDocument::fromJson(message.body).object().value(QStringLiteral("payload"));
        const QByteArray text = payload.isArray() ? QJsonDocument(payload.toArray()).toJson(QJsonDocument::Compact)
                                                  : QJsonDocument(payload.toObject()).toJson(QJsonDocument::Compact);
        m_out.write(text + '\n');
    }
}

void CliPrinter::printError(const QString &text) {
    m_err.write((QStringLiteral("error: ") + text + QLatin1Char('\n')).toUtf8());
}

void CliPrinter::printOut(const QString &text) {
    m_out.write(text.toUtf8());
}

CliPrinter &currentPrinter() {
    return g_current ? *g_current : CliPrinter::standard();
}

void setCurrentPrinter(CliPrinter *printer) {
    g_current = printer;
}

void printError(const QString &text) {
    currentPrinter().printError(text);
}

void printOut(const QString &text) {
    currentPrinter().printOut(text);
}

} // namespace triptych::cli
