#include "server/http/responsehead.h"

#include "server/http/problem.h"

#include <charconv>
#include <limits>

namespace triptych::http {
namespace {

// Beast refuses a field name or value whose length with ": " or CRLF does not fit its 16-bit offsets.
constexpr std::size_t kMaxFieldPartBytes = std::numeric_limits<std::uint16_t>::max() - 2;

// Beast trims a value's leading and trailing spaces and tabs when it stores it.
std::string_view trimmed(std::string_view value) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
    return value;
}

// Whether Beast's path is needed for these fields; sets hasServer.
bool needsBeast(const Headers &headers, bool &hasServer) {
    hasServer = false;
    for (const auto &field : headers.fields()) {
        if (equalsIgnoringCase(field.name, "Content-Length") || equalsIgnoringCase(field.name, "Transfer-Encoding") ||
            equalsIgnoringCase(field.name, "Connection"))
            return true;
        if (field.name.size() > kMaxFieldPartBytes || field.value.size() > kMaxFieldPartBytes)
            return true;
        hasServer = hasServer || equalsIgnoringCase(field.name, "Server");
    }
    return false;
}

void appendNumber(std::string &out, std::size_t number) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out.append(digits, end);
}

} // namespace

bool appendResponseHead(std::string &out, const HttpResponse &response, unsigned version, bool close) {
    const int status = response.status;
    if (version != 11 || status < 200 || status > 999 || status == 204 || status == 304)
        return false;
    const std::string_view reason = reasonPhrase(status);
    bool hasServer = false;
    if (reason == "Unknown" || needsBeast(response.headers, hasServer))
        return false;
    out.append("HTTP/1.1 ");
    appendNumber(out, static_cast<std::size_t>(status));
    out += ' ';
    out.append(reason);
    out.append("\r\n");
    for (const auto &field : response.headers.fields()) {
        out.append(field.name);
        out.append(": ");
        out.append(trimmed(field.value));
        out.append("\r\n");
    }
    if (!hasServer)
        out.append("Server: triptych\r\n");
    out.append("Content-Length: ");
    appendNumber(out, response.body.size());
    out.append("\r\n");
    if (close)
        out.append("Connection: close\r\n");
    out.append("\r\n");
    return true;
}

} // namespace triptych::http
