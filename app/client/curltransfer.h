#pragma once

#include "app/client/callrecord.h"
#include "app/client/grpcwebframes.h"
#include "app/client/restrequest.h"
#include "app/client/sseparser.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

using CURL = void;
using CURLSH = void;
struct curl_slist;
struct curl_mime;

namespace triptych::client {

// One libcurl easy transfer: builds the handle from a RestRequest, collects headers, body and SSE events, and turns
// the outcome into a CallRecord. Lives on the engine's worker thread from setUp to finish.
class CurlTransfer {
public:
    using MessageSink = std::function<void(quint64 id, const StreamMessage &message)>;
    using DoneSink = std::function<void(CallRecord record)>;

    CurlTransfer(CallRecord record, RestRequest request, MessageSink onMessage, DoneSink onDone);
    ~CurlTransfer();
    // The engine's worker calls this after each wait for its sockets: a write after it started no earlier.
    static void notePollEnded();

    CurlTransfer(const CurlTransfer &) = delete;
    CurlTransfer &operator=(const CurlTransfer &) = delete;

    quint64 id() const { return m_record.id; }
    const RestRequest &request() const { return m_request; }

    // Null when the request cannot be built; the error has then been reported.
    CURL *setUp(CURLSH *cookieShare);
    void finish(int curlCode);
    void finishCancelled();
    // The engine is going away: report nothing.
    void abandon() { m_onDone = nullptr; }

private:
    static size_t onHeaderData(char *data, size_t size, size_t count, void *self);
    static size_t onBodyData(char *data, size_t size, size_t count, void *self);
    static int onDebug(CURL *easy, int type, char *data, size_t size, void *self);
    static int onPrereq(void *self, char *remoteIp, char *localIp, int remotePort, int localPort);
    // Watches the request's bytes leave and the answer's first bytes arrive: libcurl's pre-transfer point is taken
    // when its state machine moves on, which can be a poll round after the request left.
    void setUpPhaseProbe();
    void noteSent();
    bool setUpBody();
    bool setUpMultipart();
    void setUpHeaders();
    bool setUpProxy(); // false: the proxy setting was refused and reported
    void fail(ErrorKind kind, const QString &message, const QString &hint = {});
    // Remembers why the transfer stops early; the callback then returns 0 and curl ends with a write error.
    size_t stop(CallError error);
    void takeBody(const QByteArray &chunk);
    // A gRPC-Web answer's message frames, reported as they arrive like SSE events (the payload as it came).
    void takeGrpcWebFrames(const QByteArray &chunk);
    // Whether the body goes to its spool file (app/client/curlspool.cpp) rather than to memory.
    bool spoolsBody(qsizetype incomingBytes) const;
    void spoolBody(const QByteArray &chunk);
    CallError timeoutError() const;
    void collectInfo();
    qint64 elapsedUs() const;

    CallRecord m_record;
    RestRequest m_request;
    MessageSink m_onMessage;
    DoneSink m_onDone;
    CURL *m_easy = nullptr;
    curl_slist *m_headerList = nullptr;
    curl_mime *m_mime = nullptr;
    std::shared_ptr<void> m_tlsResources; // what applyCurlTls needs kept while the handle lives
    QByteArray m_uploadBody;
    SseParser m_sse;
    bool m_isEventStream = false;
    std::optional<GrpcWebDecoder> m_grpcWeb; // set when the answer is application/grpc-web*
    qint64 m_maxKeptBytes = 0;               // the response size limit of this call
    qint64 m_keptBytes = 0;                  // body and stream messages held so far
    int m_headerCount = 0;
    std::optional<CallError> m_stopError;
    std::chrono::steady_clock::time_point m_started;
    // A moment on the wall clock and the worker thread's CPU clock: the time between two of them that the CPU
    // clock did not see, the thread was not running.
    struct Moment {
        std::chrono::steady_clock::time_point wall;
        qint64 cpuNs = 0;
        static Moment now();
    };
    std::optional<Moment> m_writeAnchor;                               // the latest moment before the next write began
    std::optional<std::chrono::steady_clock::time_point> m_lastSentAt; // the request's last byte handed over
    std::optional<std::chrono::steady_clock::time_point> m_firstReceivedAt; // the answer's first header after it
    char m_errorBuffer[256] = {};
};

} // namespace triptych::client
