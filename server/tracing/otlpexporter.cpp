#include "server/tracing/otlpexporter.h"

#include "server/tracing/otlpjson.h"

#include <curl/curl.h>

#include <vector>

namespace triptych::tracing {
namespace {

std::size_t discardBody(char *, std::size_t size, std::size_t count, void *) {
    return size * count;
}

std::string spans(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " span" : " spans");
}

} // namespace

OtlpExporter::OtlpExporter(Options options)
    : m_options(std::move(options)) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    m_thread = std::thread([this] { run(); });
}

OtlpExporter::~OtlpExporter() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    if (m_options.report)
        m_options.report("OTLP export to " + m_options.endpoint + ": " + spans(m_exported.load()) + " sent, " +
                         std::to_string(m_dropped.load()) + " dropped");
}

void OtlpExporter::enqueue(SpanRecord span) {
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_options.maxQueuedSpans) {
            ++m_dropped;
            return;
        }
        m_queue.push_back(std::move(span));
        if (m_queue.size() < m_options.maxBatchSpans)
            return;
    }
    m_wake.notify_one();
}

void OtlpExporter::run() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait_for(lock, m_options.flushInterval,
                        [this] { return m_stopping || m_queue.size() >= m_options.maxBatchSpans; });
        if (m_queue.empty()) {
            if (m_stopping)
                return;
            continue;
        }
        std::vector<SpanRecord> batch;
        while (!m_queue.empty() && batch.size() < m_options.maxBatchSpans) {
            batch.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
        }
        const bool lastRound = m_stopping;
        lock.unlock();
        const std::string problem = post(toOtlpJson(batch));
        (problem.empty() ? m_exported : m_dropped) += batch.size();
        noteOutcome(problem);
        lock.lock();
        if (lastRound && m_queue.empty())
            return;
    }
}

void OtlpExporter::noteOutcome(const std::string &problem) {
    if (problem.empty() == m_collectorAnswering)
        return;
    m_collectorAnswering = problem.empty();
    if (!m_options.report)
        return;
    m_options.report(m_collectorAnswering ? "the OTLP collector at " + m_options.endpoint + " answers again"
                                          : "cannot export spans to " + m_options.endpoint + ": " + problem +
                                                "; spans are dropped and counted until it answers");
}

std::string OtlpExporter::post(const std::string &body) {
    CURL *curl = curl_easy_init();
    if (!curl)
        return "libcurl could not start a transfer";
    curl_slist *headers = curl_slist_append(nullptr, "Content-Type: application/json");
    curl_easy_setopt(curl, CURLOPT_URL, m_options.endpoint.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.requestTimeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discardBody);
    const CURLcode result = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (result != CURLE_OK)
        return curl_easy_strerror(result);
    if (status < 200 || status >= 300)
        return "the collector answered HTTP " + std::to_string(status);
    return {};
}

} // namespace triptych::tracing
