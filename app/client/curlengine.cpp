#include "app/client/curlengine.h"

#include "app/client/curltransfer.h"

#include <curl/curl.h>

namespace triptych::client {

namespace {
// How long the worker sleeps in curl_multi_poll when nothing happens; a wakeup ends it early.
constexpr int kPollIdleMs = 1000;

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};
} // namespace

CurlEngine::CurlEngine() {
    static CurlGlobal global;
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    m_thread = std::thread([this] { run(); });
}

CurlEngine::~CurlEngine() {
    m_stopping = true;
    curl_multi_wakeup(m_multi);
    m_thread.join();
    for (auto &[easy, transfer] : m_running) {
        curl_multi_remove_handle(m_multi, easy);
        transfer->abandon();
    }
    m_running.clear();
    curl_multi_cleanup(m_multi);
    for (auto &[name, share] : m_cookieShares)
        curl_share_cleanup(share);
}

std::shared_ptr<CurlEngine> CurlEngine::shared() {
    static const auto engine = std::make_shared<CurlEngine>();
    return engine;
}

void CurlEngine::submit(std::unique_ptr<CurlTransfer> transfer) {
    {
        std::lock_guard lock(m_mutex);
        m_incoming.push_back(std::move(transfer));
    }
    curl_multi_wakeup(m_multi);
}

void CurlEngine::cancel(quint64 id) {
    {
        std::lock_guard lock(m_mutex);
        m_cancels.push_back(id);
    }
    curl_multi_wakeup(m_multi);
}

void CurlEngine::readCookies(const QString &session, std::function<void(QList<Cookie>)> done) {
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back([this, session, done = std::move(done)] {
            QList<Cookie> cookies;
            CURL *easy = curl_easy_init(); // a handle on the share only reads its cookies, it transfers nothing
            curl_easy_setopt(easy, CURLOPT_SHARE, cookieShare(session));
            curl_slist *list = nullptr;
            curl_easy_getinfo(easy, CURLINFO_COOKIELIST, &list);
            for (curl_slist *item = list; item; item = item->next) {
                if (auto cookie = fromNetscapeLine(item->data))
                    cookies.append(*cookie);
            }
            curl_slist_free_all(list);
            curl_easy_cleanup(easy);
            done(std::move(cookies));
        });
    }
    curl_multi_wakeup(m_multi);
}

void CurlEngine::replaceCookies(const QString &session, QList<QByteArray> netscapeLines) {
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back([this, session, lines = std::move(netscapeLines)] {
            CURL *easy = curl_easy_init();
            curl_easy_setopt(easy, CURLOPT_SHARE, cookieShare(session));
            curl_easy_setopt(easy, CURLOPT_COOKIELIST, "ALL");
            for (const auto &line : lines)
                curl_easy_setopt(easy, CURLOPT_COOKIELIST, line.constData());
            curl_easy_cleanup(easy);
        });
    }
    curl_multi_wakeup(m_multi);
}

void CurlEngine::run() {
    while (!m_stopping) {
        takeCommands();
        int running = 0;
        curl_multi_perform(m_multi, &running);
        collectFinished();
        curl_multi_poll(m_multi, nullptr, 0, kPollIdleMs, nullptr);
        CurlTransfer::notePollEnded();
    }
}

void CurlEngine::takeCommands() {
    std::vector<std::unique_ptr<CurlTransfer>> incoming;
    std::vector<quint64> cancels;
    std::vector<std::function<void()>> tasks;
    {
        std::lock_guard lock(m_mutex);
        incoming.swap(m_incoming);
        cancels.swap(m_cancels);
        tasks.swap(m_tasks);
    }
    for (auto &task : tasks)
        task();
    for (auto &transfer : incoming)
        startTransfer(std::move(transfer));
    for (const auto id : cancels)
        cancelTransfer(id);
}

void CurlEngine::startTransfer(std::unique_ptr<CurlTransfer> transfer) {
    CURL *easy = transfer->setUp(cookieShare(transfer->request().cookieSession));
    if (!easy)
        return; // setUp reported the error through the transfer's sink
    curl_multi_add_handle(m_multi, easy);
    m_running.emplace(easy, std::move(transfer));
}

void CurlEngine::cancelTransfer(quint64 id) {
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (it->second->id() != id)
            continue;
        curl_multi_remove_handle(m_multi, it->first);
        it->second->finishCancelled();
        m_running.erase(it);
        return;
    }
}

void CurlEngine::collectFinished() {
    int pending = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &pending)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL *easy = message->easy_handle;
        const CURLcode code = message->data.result;
        curl_multi_remove_handle(m_multi, easy);
        auto node = m_running.extract(easy);
        if (!node.empty())
            node.mapped()->finish(code);
    }
}

CURLSH *CurlEngine::cookieShare(const QString &session) {
    if (session.isEmpty())
        return nullptr;
    auto &share = m_cookieShares[session];
    if (!share) {
        share = curl_share_init();
        curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
    }
    return share;
}

} // namespace triptych::client
