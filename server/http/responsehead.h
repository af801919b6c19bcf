#pragma once

#include "server/http/httpmessage.h"

#include <string>

namespace triptych::http {

// Appends the head of a whole answer (status line, fields, Server, Content-Length, Connection: close, blank line)
// exactly as Beast's serializer writes it after HttpSession's preparation, without building Beast's field list:
// one buffer per connection instead of an allocation per field. False, with nothing appended, when the answer needs
// a rule of Beast's this does not repeat: not HTTP/1.1, a status without a body or a known reason, or a framing
// field (Content-Length, Transfer-Encoding, Connection) set by the handler; the caller then uses Beast.
bool appendResponseHead(std::string &out, const HttpResponse &response, unsigned version, bool close);

} // namespace triptych::http
