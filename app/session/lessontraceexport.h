#pragma once

#include "app/client/callrecord.h"

#include <QObject>

#include <functional>

namespace triptych::client {
class RestCaller;
}

namespace triptych::session {

// A lesson step's "exportTrace": one call's merged trace POSTed as OTLP/JSON to an OTLP/HTTP collector
// (…/v1/traces). The encoding is given by the app (model::traceToOtlpJson, the one File ▸ Export trace writes), as
// this layer sits below the models.
class LessonTraceExport : public QObject {
    Q_OBJECT
public:
    using Encoder = std::function<QByteArray(const client::CallRecord &)>;

    explicit LessonTraceExport(QObject *parent = nullptr);

    void setEncoder(Encoder encoder) { m_encoder = std::move(encoder); }
    bool hasEncoder() const { return bool(m_encoder); }
    // Sends the record's trace; exportFinished follows, also for a collector that is not there.
    void start(const client::CallRecord &record, const QString &url);
    void cancel();

    // The spans an OTLP/JSON document holds (resourceSpans → scopeSpans → spans).
    static int spanCount(const QByteArray &otlpJson);

Q_SIGNALS:
    // `post` is the POST to the collector (its HTTP status, or the transport error); `spans` how many it carried.
    void exportFinished(const triptych::client::CallRecord &post, int spans);

private:
    void onEnded(const client::CallRecord &record);

    Encoder m_encoder;
    client::RestCaller *m_caller;
    quint64 m_callId = 0;
    int m_spans = 0;
};

} // namespace triptych::session
