#pragma once

#include "app/client/callrecord.h"

#include <optional>

namespace triptych::client {

// The moments a gRPC call's callbacks saw, in microseconds since the call started. gRPC runs its callbacks on its
// own threads in no promised order: under load the write's completion can run after the answer was read.
struct GrpcMoments {
    std::optional<qint64> connectedUs;    // the channel became ready (the first call of a channel waits for it)
    std::optional<qint64> handedOverUs;   // the first message was in gRPC's hands (StartWrite and StartCall issued)
    std::optional<qint64> writeDoneUs;    // OnWriteDone of the first message
    std::optional<qint64> headersUs;      // OnReadInitialMetadataDone: the server's headers
    std::optional<qint64> firstMessageUs; // OnReadDone of the first message
    qint64 totalUs = 0;                   // OnDone
};

// connect, send, wait, receive that follow one another and add up to the total, each ≥ 0 (docs/client.md,
// Timings). The send phase ends when the first message's write completed. A completion reported after the answer's
// first sign (headers or message) is late and says nothing: the request left before the answer came, and a small one
// leaves while gRPC is handed it, so the hand-over ends the send phase then; it never ends after the answer.
void setGrpcPhases(const GrpcMoments &moments, ClientTimings &timings);

} // namespace triptych::client
