#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace triptych::rpc {

// One timer thread for every stream's pacing, so no gRPC thread ever sleeps. Tasks run one at a time and must not
// block: they only start the next write of a reactor.
class Scheduler {
public:
    using Clock = std::chrono::steady_clock;
    using Task = std::function<void()>;

    Scheduler();
    // Drops the tasks not yet run and joins the thread.
    ~Scheduler();
    Scheduler(const Scheduler &) = delete;
    Scheduler &operator=(const Scheduler &) = delete;

    void at(Clock::time_point when, Task task);
    std::size_t pendingCount() const;

private:
    void run();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::multimap<Clock::time_point, Task> m_tasks;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace triptych::rpc
