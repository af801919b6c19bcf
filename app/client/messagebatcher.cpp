#include "app/client/messagebatcher.h"

#include <QMetaObject>
#include <QTimer>

#include <algorithm>

namespace triptych::client {

MessageBatcher::MessageBatcher(QObject *target, Deliver deliver)
    : m_target(target)
    , m_deliver(std::move(deliver)) {}

void MessageBatcher::add(quint64 callId, StreamMessage message) {
    std::lock_guard lock(m_mutex);
    if (!m_target)
        return;
    m_pending.append({callId, std::move(message)});
    if (m_scheduled)
        return; // the delivery already posted takes this one too
    m_scheduled = true;
    ++m_posted;
    // The rest of the frame since the last delivery: a steady stream is delivered once per frame.
    const auto sinceLast = std::chrono::steady_clock::now() - m_lastDelivery;
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(kFrame - sinceLast);
    const int waitMs = sinceLast >= kFrame ? 0 : int(std::max<qint64>(1, wait.count()));
    QObject *target = m_target;
    QMetaObject::invokeMethod(
        target,
        [self = shared_from_this(), target, waitMs] {
            if (waitMs == 0)
                self->flush();
            else
                QTimer::singleShot(waitMs, target, [self] { self->flush(); });
        },
        Qt::QueuedConnection);
}

void MessageBatcher::flush() {
    Batch batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_pending);
        m_scheduled = false;
        m_lastDelivery = std::chrono::steady_clock::now();
        if (!m_target)
            return;
    }
    if (!batch.isEmpty())
        m_deliver(batch);
}

QList<std::pair<quint64, QList<StreamMessage>>> MessageBatcher::byCall(const Batch &batch) {
    QList<std::pair<quint64, QList<StreamMessage>>> runs;
    for (const auto &[callId, message] : batch) {
        if (runs.isEmpty() || runs.last().first != callId)
            runs.append(std::pair(callId, QList<StreamMessage>()));
        runs.last().second.append(message);
    }
    return runs;
}

void MessageBatcher::detach() {
    std::lock_guard lock(m_mutex);
    m_target = nullptr;
    m_pending.clear();
}

} // namespace triptych::client
