#include "server/grpc/scheduler.h"

namespace triptych::rpc {

Scheduler::Scheduler()
    : m_thread([this] { run(); }) {}

Scheduler::~Scheduler() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_tasks.clear();
    }
    m_wake.notify_all();
    m_thread.join();
}

void Scheduler::at(Clock::time_point when, Task task) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_tasks.emplace(when, std::move(task));
    }
    m_wake.notify_all();
}

std::size_t Scheduler::pendingCount() const {
    std::lock_guard lock(m_mutex);
    return m_tasks.size();
}

void Scheduler::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_tasks.empty()) {
            m_wake.wait(lock);
            continue;
        }
        const auto due = m_tasks.begin()->first;
        if (Clock::now() < due) {
            m_wake.wait_until(lock, due);
            continue;
        }
        Task task = std::move(m_tasks.begin()->second);
        m_tasks.erase(m_tasks.begin());
        // Outside the lock, so a task may schedule the next one.
        lock.unlock();
        task();
        lock.lock();
    }
}

} // namespace triptych::rpc
