#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace triptych::rest {

// One small timer thread that paces the SSE streams (interval_ms, heartbeats), so no server thread ever sleeps.
// Tasks run one at a time on that thread and must not block: they only queue chunks on a stream.
class StreamScheduler {
public:
    using Clock = std::chrono::steady_clock;
    using Task = std::function<void()>;

    StreamScheduler();
    // Drops the tasks not yet run and joins the thread.
    ~StreamScheduler();
    StreamScheduler(const StreamScheduler &) = delete;
    StreamScheduler &operator=(const StreamScheduler &) = delete;

    // Runs task after delay; the thread starts with the first task.
    void after(std::chrono::milliseconds delay, Task task);
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

} // namespace triptych::rest
