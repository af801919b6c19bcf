#pragma once

#include <QMetaObject>
#include <QObject>

#include <memory>
#include <mutex>
#include <utility>

namespace triptych::client {

// Carries results from worker threads (curl's, gRPC's) to a QObject's thread. The owner detaches it in its destructor,
// so a worker finishing late posts nothing to a deleted object; events already posted die with the object.
class ResultRelay {
public:
    explicit ResultRelay(QObject *target)
        : m_target(target) {}

    template <typename Function> void post(Function &&function) {
        std::lock_guard lock(m_mutex);
        if (m_target)
            QMetaObject::invokeMethod(m_target, std::forward<Function>(function), Qt::QueuedConnection);
    }

    void detach() {
        std::lock_guard lock(m_mutex);
        m_target = nullptr;
    }

private:
    std::mutex m_mutex;
    QObject *m_target;
};

using ResultRelayPtr = std::shared_ptr<ResultRelay>;

} // namespace triptych::client
