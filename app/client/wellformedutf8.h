#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace triptych::client {

// Text a server sent, made well-formed UTF-8: each maximal ill-formed subsequence (Unicode §3.9, "U+FFFD
// substitution of maximal subparts") becomes U+FFFD, every well-formed byte is kept. ASCII is never touched, so JSON
// stays JSON. Returns the input itself when it is already well-formed (the common case, one pass).
QByteArray toWellFormedUtf8(const QByteArray &text);

} // namespace triptych::client
