#pragma once

#include "app/client/callrecord.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace triptych::client {

// Carries stream messages from worker threads (gRPC's, curl's, the WebSocket worker's) to a QObject's thread in
// batches: workers append to a locked buffer and at most one event per frame (~16 ms) is posted, so a fast stream
// costs the receiving thread one event per frame instead of one per message. The first message after a quiet frame
// is posted at once. The owner detaches it in its destructor; deliveries already posted die with the owner.
class MessageBatcher : public std::enable_shared_from_this<MessageBatcher> {
public:
    using Batch = QList<std::pair<quint64, StreamMessage>>; // call id and message, in arrival order
    using Deliver = std::function<void(const Batch &batch)>;

    static constexpr std::chrono::milliseconds kFrame{16};

    // `deliver` runs on the target's thread.
    MessageBatcher(QObject *target, Deliver deliver);

    // Any thread.
    void add(quint64 callId, StreamMessage message);
    // The target's thread: delivers what is queued now, e.g. before a call's end is reported after its messages.
    void flush();
    void detach();
    // The batch cut into runs of one call's messages, in order.
    static QList<std::pair<quint64, QList<StreamMessage>>> byCall(const Batch &batch);
    // Deliveries posted to the target's thread so far.
    qint64 postedEvents() const { return m_posted.load(); }

private:
    std::mutex m_mutex;
    QObject *m_target;
    Deliver m_deliver;
    Batch m_pending;
    bool m_scheduled = false;
    std::chrono::steady_clock::time_point m_lastDelivery;
    std::atomic<qint64> m_posted{0};
};

using MessageBatcherPtr = std::shared_ptr<MessageBatcher>;

} // namespace triptych::client
