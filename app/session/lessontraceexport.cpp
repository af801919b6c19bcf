#include "app/session/lessontraceexport.h"

#include "app/client/restcaller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triptych::session {

namespace {
constexpr int kExportTimeoutMs = 10'000; // a collector is local or near; a slow one must not hold the lesson
}

LessonTraceExport::LessonTraceExport(QObject *parent)
    : QObject(parent)
    , m_caller(new client::RestCaller(this)) {
    connect(m_caller, &client::RestCaller::callFinished, this, &LessonTraceExport::onEnded);
    connect(m_caller, &client::RestCaller::callFailed, this, &LessonTraceExport::onEnded);
}

int LessonTraceExport::spanCount(const QByteArray &otlpJson) {
    int count = 0;
    const auto resources = QJsonDocument::fromJson(otlpJson).object().value(QLatin1String("resourceSpans")).toArray();
    for (const auto &resource : resources) {
        for (const auto &scope : resource.toObject().value(QLatin1String("scopeSpans")).toArray())
            count += int(scope.toObject().value(QLatin1String("spans")).toArray().size());
    }
    return count;
}

void LessonTraceExport::start(const client::CallRecord &record, const QString &url) {
    cancel();
    const QByteArray body = m_encoder ? m_encoder(record) : QByteArray();
    m_spans = spanCount(body);
    client::RestRequest request;
    request.method = "POST";
    request.url = url;
    request.bodyKind = client::BodyKind::Json;
    request.body = body;
    request.sendTraceparent = false; // the export is not part of the trace it carries
    request.fetchServerTrace = false;
    request.timeoutMs = kExportTimeoutMs;
    request.connectTimeoutMs = std::min(request.connectTimeoutMs, kExportTimeoutMs);
    m_callId = m_caller->send(std::move(request));
}

void LessonTraceExport::cancel() {
    if (const quint64 id = std::exchange(m_callId, 0))
        m_caller->cancel(id);
}

void LessonTraceExport::onEnded(const client::CallRecord &record) {
    if (record.id != m_callId || m_callId == 0)
        return; // a cancelled export
    m_callId = 0;
    Q_EMIT exportFinished(record, m_spans);
}

} // namespace triptych::session
