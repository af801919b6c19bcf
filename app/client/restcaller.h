#pragma once

#include "app/client/callrecord.h"
#include "app/client/messagebatcher.h"
#include "app/client/restrequest.h"
#include "app/client/resultrelay.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

namespace triptych::client {

class CurlEngine;

// Sends HTTP requests through the shared libcurl engine (a worker thread) and reports on this object's thread.
// A call ends with exactly one callFinished (a response arrived, whatever its status) or callFailed (none did).
// A cancelled call ends with callFailed (ErrorKind::Cancelled) carrying what it had until then: phases, sizes, body,
// stream messages and the server's trace; its messages after cancel() are not reported.
class RestCaller : public QObject {
    Q_OBJECT
public:
    explicit RestCaller(QObject *parent = nullptr);
    ~RestCaller() override;

    quint64 send(RestRequest request);
    void cancel(quint64 id);
    bool isRunning(quint64 id) const { return m_pending.contains(id); }

    static quint64 nextCallId();

Q_SIGNALS:
    void messageReceived(quint64 id, const triptych::client::StreamMessage &message);
    // The same messages, as the batch of one frame: after each of them was reported by messageReceived.
    void messagesReceived(quint64 id, const QList<triptych::client::StreamMessage> &messages);
    void callFinished(const triptych::client::CallRecord &record);
    void callFailed(const triptych::client::CallRecord &record);

private:
    void deliverMessages(const MessageBatcher::Batch &batch);
    void submit(CallRecord record, RestRequest request);
    void onTransferDone(CallRecord record, bool fetchTrace);
    void onTraceFetched(const CallRecord &traceRecord);
    void complete(CallRecord record);

    std::shared_ptr<CurlEngine> m_engine;
    ResultRelayPtr m_relay;
    MessageBatcherPtr m_batcher;               // stream messages, one delivery per frame
    QHash<quint64, CallRecord> m_pending;      // by call id; the record as first sent
    QSet<quint64> m_cancelled;                 // pending calls asked to stop: their record is on its way
    QHash<quint64, CallRecord> m_traceFetches; // by the fetch's id: the call waiting for its spans
};

} // namespace triptych::client
