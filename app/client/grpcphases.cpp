#include "app/client/grpcphases.h"

#include <algorithm>

namespace triptych::client {

namespace {

std::optional<qint64> earliest(std::optional<qint64> a, std::optional<qint64> b) {
    if (a && b)
        return std::min(*a, *b);
    return a ? a : b;
}

} // namespace

void setGrpcPhases(const GrpcMoments &moments, ClientTimings &timings) {
    const qint64 totalUs = std::max<qint64>(0, moments.totalUs);
    timings = {};
    timings.totalUs = totalUs;
    qint64 setupUs = 0;
    if (moments.connectedUs) {
        setupUs = std::clamp<qint64>(*moments.connectedUs, 0, totalUs);
        timings.connectUs = setupUs;
    }
    // The first sign of an answer: headers normally come first, but either callback may run before the other.
    std::optional<qint64> answerUs = earliest(moments.headersUs, moments.firstMessageUs);
    if (answerUs)
        answerUs = std::clamp<qint64>(*answerUs, setupUs, totalUs);
    qint64 waitStartUs = setupUs;
    if (moments.writeDoneUs) {
        const bool late = answerUs && *moments.writeDoneUs > *answerUs;
        const qint64 writtenUs = late && moments.handedOverUs ? *moments.handedOverUs : *moments.writeDoneUs;
        const qint64 sentAtUs = std::clamp<qint64>(writtenUs, setupUs, answerUs.value_or(totalUs));
        timings.sentUs = sentAtUs - setupUs;
        waitStartUs = sentAtUs;
    }
    // The wait ends with the first message (or the headers of an answer without one), the receive with the end.
    const std::optional<qint64> firstUs = moments.firstMessageUs ? moments.firstMessageUs : moments.headersUs;
    if (firstUs) {
        const qint64 firstAtUs = std::clamp<qint64>(*firstUs, waitStartUs, totalUs);
        timings.firstByteUs = firstAtUs - waitStartUs;
        timings.downloadUs = totalUs - firstAtUs;
    }
}

} // namespace triptych::client
