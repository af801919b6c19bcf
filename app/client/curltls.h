#pragma once

#include "app/client/callrecord.h"
#include "app/client/restrequest.h"

#include <memory>

using CURL = void;

namespace triptych::client {

// CurlTransfer's TLS: the options a RestRequest's TlsSettings ask for (CA file, client pair, server name, skipped
// verification), and asks libcurl for the certificate chain and OpenSSL for the protocol and cipher. `record` must
// stay where it is until the transfer ends: the handshake writes record.tls. Keep what it returns as long as the
// handle (the server-name override's list).
std::shared_ptr<void> applyCurlTls(CURL *easy, const RestRequest &request, CallRecord &record);
// After the transfer: the peer's chain from libcurl's certificate info.
void collectCurlTls(CURL *easy, CallRecord &record);

} // namespace triptych::client
