#include "app/client/wellformedutf8.h"

namespace triptych::client {

namespace {

const QByteArray kReplacement("\xEF\xBF\xBD");

// The length of the well-formed sequence at `at` (1 to 4), or 0 for a maximal ill-formed subpart of `*badLength`
// bytes. The ranges are Table 3-7 of the Unicode Standard: no overlongs, surrogates or code points past U+10FFFF.
int sequenceAt(const uchar *bytes, qsizetype size, qsizetype at, int *badLength) {
    const uchar lead = bytes[at];
    if (lead < 0x80)
        return 1;
    int need = 0;
    uchar low = 0x80;
    uchar high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        *badLength = 1;
        return 0;
    }
    int taken = 0;
    for (qsizetype next = at + 1; taken < need && next < size; ++taken, ++next) {
        if (bytes[next] < low || bytes[next] > high)
            break;
        low = 0x80;
        high = 0xBF;
    }
    if (taken == need)
        return need + 1;
    *badLength = taken + 1;
    return 0;
}

} // namespace

QByteArray toWellFormedUtf8(const QByteArray &text) {
    if (text.isValidUtf8())
        return text;
    const auto *bytes = reinterpret_cast<const uchar *>(text.constData());
    const qsizetype size = text.size();
    QByteArray out;
    out.reserve(size + size / 8);
    for (qsizetype at = 0; at < size;) {
        int bad = 0;
        const int length = sequenceAt(bytes, size, at, &bad);
        if (length > 0) {
            out.append(text.constData() + at, length);
            at += length;
        } else {
            out.append(kReplacement);
            at += bad;
        }
    }
    return out;
}

} // namespace triptych::client
