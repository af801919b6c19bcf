#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace triptych::http {

// One small timer thread that paces streams (SSE intervals and heartbeats, WebSocket timeouts, gRPC stream writes),
// so no server thread ever sleeps. Tasks run one at a time on that thread and must not block: they only start the
// next write of a stream.
class Scheduler {
public:
    using Clock = std::chrono::steady_clock;
    using Task = std::function<void()>;

    Scheduler();
    // Drops the tasks not yet run and joins the thread.
    ~Scheduler();
    Scheduler(const Scheduler &) = delete;
    Scheduler &operator=(const Scheduler &) = delete;

    // Runs task at when (at once if that has passed); the thread starts with the first task.
    void at(Clock::time_point when, Task task);
    void after(std::chrono::milliseconds delay, Task task) { at(Clock::now() + delay, std::move(task)); }
    std::size_t pendingCount() const;

private:
    // Shared with the thread, so it stays valid even when a task's capture destroys the scheduler.
    struct Queue {
        std::mutex mutex;
        std::condition_variable wake;
        std::multimap<Clock::time_point, Task> tasks;
        bool stopping = false;
    };
    static void run(const std::shared_ptr<Queue> &queue);

    std::shared_ptr<Queue> m_queue;
    std::thread m_thread;
};

} // namespace triptych::http
