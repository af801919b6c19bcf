#include "server/http/detail/httpsession.h"

namespace triptych::http::detail {

// HTTPS and WSS: the handshake comes before the first request, on the connection's own strand.
void HttpSession::handshake(bool overCapacity) {
    // A handshake is part of getting a request's head in: bounded by the same deadline, counted from the accept,
    // and the connection may be closed to make room at the cap while it lasts, like one still sending its head.
    m_evictability.enter(Evictability::Phase::ReadingHead);
    m_stream.expires_after(m_state.options.readTimeout);
    m_stream.async_handshake([self = shared_from_this(), overCapacity](beast::error_code ec) {
        if (!self->m_evictability.move(Evictability::Phase::ReadingHead, Evictability::Phase::Busy))
            return self->closeNow(); // evicted meanwhile
        // A client that stalls, speaks plain HTTP, distrusts the certificate or has no client certificate where
        // one is required gets no HTTP answer: there is no session to send one over.
        if (ec)
            return self->closeNow();
        self->serve(overCapacity);
    });
}

} // namespace triptych::http::detail
