#include "server/http/detail/httpsession.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>

namespace triptych::http::detail {

// Streamed answers (Server-Sent Events): chunked transfer, a bounded queue, disconnect detection.

void HttpSession::startStream(HttpResponse response, unsigned version) {
    auto head =
        std::make_shared<bhttp::response<bhttp::empty_body>>(static_cast<bhttp::status>(response.status), version);
    setReason(*head, response.status);
    for (const auto &field : response.headers.fields())
        head->insert(field.name, field.value);
    head->set(bhttp::field::server, "triptych");
    head->chunked(true);
    head->keep_alive(false);
    auto serializer = std::make_shared<bhttp::response_serializer<bhttp::empty_body>>(*head);
    m_inFlight = std::make_shared<std::pair<decltype(head), decltype(serializer)>>(head, serializer);
    m_streamOpen = true;
    // The head counts as a write in flight: a shutdown that ends the stream meanwhile must wait for it, as two
    // writes at once on one socket are not allowed.
    m_writingChunk = true;
    m_stream.expires_after(m_state.options.writeTimeout);
    bhttp::async_write_header(
        m_stream, *serializer,
        [self = shared_from_this(), producer = std::move(response.stream)](beast::error_code ec, std::size_t) {
            self->m_inFlight.reset();
            self->m_writingChunk = false;
            if (ec)
                return self->streamClosed();
            self->m_stream.expires_never();
            self->watchForDisconnect();
            try {
                producer(std::make_shared<SessionStream>(self));
            } catch (...) {
                self->endStream();
            }
            self->writeNextChunk(); // what was queued or ended while the head was on its way
        });
}

bool HttpSession::queueChunk(std::string chunk) {
    if (chunk.empty())
        return m_streamOpen;
    {
        std::lock_guard lock(m_streamMutex);
        if (!m_streamOpen || m_streamEnding)
            return false;
        if (m_queuedBytes + chunk.size() > m_state.options.maxStreamQueueBytes) {
            // A client that cannot keep up loses the stream rather than the server its memory.
            m_streamEnding = true;
            m_chunks.clear();
            m_queuedBytes = 0;
        } else {
            m_queuedBytes += chunk.size();
            m_chunks.push_back(std::move(chunk));
        }
    }
    net::dispatch(m_stream.get_executor(), [self = shared_from_this()] { self->writeNextChunk(); });
    return true;
}

void HttpSession::endStream() {
    {
        std::lock_guard lock(m_streamMutex);
        if (!m_streamOpen)
            return;
        m_streamEnding = true;
    }
    net::dispatch(m_stream.get_executor(), [self = shared_from_this()] { self->writeNextChunk(); });
}

void HttpSession::setOnStreamClosed(std::function<void()> callback) {
    std::lock_guard lock(m_streamMutex);
    if (!m_streamOpen) {
        m_onStreamClosed = nullptr;
        net::post(m_stream.get_executor(), std::move(callback));
        return;
    }
    m_onStreamClosed = std::move(callback);
}

void HttpSession::writeNextChunk() {
    if (m_writingChunk || !m_streamOpen)
        return;
    std::shared_ptr<std::string> data;
    bool last = false;
    {
        std::lock_guard lock(m_streamMutex);
        if (!m_chunks.empty()) {
            data = std::make_shared<std::string>(std::move(m_chunks.front()));
            m_chunks.pop_front();
            m_queuedBytes -= data->size();
        } else if (m_streamEnding) {
            last = true;
        } else {
            return;
        }
    }
    m_writingChunk = true;
    m_stream.expires_after(m_state.options.writeTimeout);
    auto done = [self = shared_from_this(), data, last](beast::error_code ec, std::size_t) {
        self->m_writingChunk = false;
        if (ec || last)
            return self->streamClosed();
        self->m_stream.expires_never();
        self->writeNextChunk();
    };
    if (last)
        net::async_write(m_stream, bhttp::make_chunk_last(), std::move(done));
    else
        net::async_write(m_stream, bhttp::make_chunk(net::buffer(*data)), std::move(done));
}

void HttpSession::watchForDisconnect() {
    // The client sends nothing on a stream; a read that ends means it has gone.
    m_stream.async_read_some(net::buffer(m_discard), [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec)
            return self->streamClosed();
        self->watchForDisconnect();
    });
}

void HttpSession::streamClosed() {
    std::function<void()> callback;
    {
        std::lock_guard lock(m_streamMutex);
        if (!m_streamOpen)
            return;
        m_streamOpen = false;
        m_chunks.clear();
        callback = std::move(m_onStreamClosed);
    }
    closeNow();
    if (callback)
        callback();
}

} // namespace triptych::http::detail
