#include "server/http/scheduler.h"

namespace triptych::http {

Scheduler::Scheduler()
    : m_queue(std::make_shared<Queue>()) {}

Scheduler::~Scheduler() {
    std::multimap<Clock::time_point, Task> dropped;
    {
        std::lock_guard lock(m_queue->mutex);
        m_queue->stopping = true;
        dropped.swap(m_queue->tasks);
    }
    m_queue->wake.notify_all();
    dropped.clear(); // outside the lock: captures may own streams
    if (!m_thread.joinable())
        return;
    // The last owner may be a task's own capture; a thread cannot join itself.
    if (m_thread.get_id() == std::this_thread::get_id())
        m_thread.detach();
    else
        m_thread.join();
}

void Scheduler::at(Clock::time_point when, Task task) {
    {
        std::lock_guard lock(m_queue->mutex);
        if (m_queue->stopping)
            return;
        m_queue->tasks.emplace(when, std::move(task));
        if (!m_thread.joinable())
            m_thread = std::thread([queue = m_queue] { run(queue); });
    }
    m_queue->wake.notify_one();
}

std::size_t Scheduler::pendingCount() const {
    std::lock_guard lock(m_queue->mutex);
    return m_queue->tasks.size();
}

void Scheduler::run(const std::shared_ptr<Queue> &queue) {
    std::unique_lock lock(queue->mutex);
    while (!queue->stopping) {
        if (queue->tasks.empty()) {
            queue->wake.wait(lock);
            continue;
        }
        const auto due = queue->tasks.begin()->first;
        if (Clock::now() < due) {
            queue->wake.wait_until(lock, due);
            continue;
        }
        Task task = std::move(queue->tasks.begin()->second);
        queue->tasks.erase(queue->tasks.begin());
        // Outside the lock, so a task may schedule the next one.
        lock.unlock();
        try {
            task();
        } catch (...) {
            // A failing task ends only itself; errors are values everywhere else.
        }
        task = nullptr; // release captures before taking the lock again
        lock.lock();
    }
}

} // namespace triptych::http
