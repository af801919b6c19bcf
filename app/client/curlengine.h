#pragma once

#include "app/client/cookiejar.h"

#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

using CURLM = void;
using CURLSH = void;

namespace triptych::client {

class CurlTransfer;

// libcurl's multi interface on one worker thread: every transfer runs there, connections are pooled and reused
// across requests, cookies are shared per named session. Thread-safe submit and cancel; results leave through
// each transfer's own sinks.
class CurlEngine {
public:
    CurlEngine();
    ~CurlEngine();
    CurlEngine(const CurlEngine &) = delete;
    CurlEngine &operator=(const CurlEngine &) = delete;

    // The process-wide engine the callers share, so that connections are reused between them.
    static std::shared_ptr<CurlEngine> shared();

    void submit(std::unique_ptr<CurlTransfer> transfer);
    void cancel(quint64 id);

    // A cookie session's cookies as Netscape cookie-file lines, read or replaced on the worker thread (curl's share
    // is not locked, so only that thread touches it). `done` runs on the worker thread.
    void readCookies(const QString &session, std::function<void(QList<Cookie>)> done);
    void replaceCookies(const QString &session, QList<QByteArray> netscapeLines);

private:
    void run();
    void takeCommands();
    void startTransfer(std::unique_ptr<CurlTransfer> transfer);
    void cancelTransfer(quint64 id);
    void collectFinished();
    CURLSH *cookieShare(const QString &session);

    CURLM *m_multi = nullptr;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<CurlTransfer>> m_incoming;
    std::vector<quint64> m_cancels;
    std::vector<std::function<void()>> m_tasks; // run on the worker thread
    std::atomic<bool> m_stopping{false};
    std::unordered_map<void *, std::unique_ptr<CurlTransfer>> m_running; // by easy handle
    std::map<QString, CURLSH *> m_cookieShares;
    std::thread m_thread;
};

} // namespace triptych::client
