#include "server/http/httpmessage.h"

#include <algorithm>
#include <cctype>

namespace triptych::http {
namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string decodeQueryComponent(std::string_view text) {
    std::string spaced(text);
    std::replace(spaced.begin(), spaced.end(), '+', ' ');
    return percentDecode(spaced);
}

} // namespace

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string percentDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string originForm(std::string_view target) {
    // absolute-URI = scheme ":" hier-part; scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1)
    const auto colon = target.find("://");
    if (target.empty() || target.front() == '/' || colon == std::string_view::npos || colon == 0 ||
        !std::isalpha(static_cast<unsigned char>(target.front())))
        return std::string(target);
    for (std::size_t i = 0; i < colon; ++i) {
        const auto c = static_cast<unsigned char>(target[i]);
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.')
            return std::string(target);
    }
    const auto pathStart = target.find_first_of("/?#", colon + 3);
    if (pathStart == std::string_view::npos || target[pathStart] == '#')
        return "/";
    std::string origin(target.substr(pathStart));
    if (origin.front() == '?') // "http://host?q": the path is empty, which means "/"
        origin.insert(origin.begin(), '/');
    return origin;
}

std::optional<std::string_view> Headers::find(std::string_view name) const {
    for (const auto &field : m_fields) {
        if (equalsIgnoringCase(field.name, name))
            return std::string_view(field.value);
    }
    return std::nullopt;
}

void Headers::set(std::string_view name, std::string value) {
    remove(name);
    m_fields.push_back({std::string(name), std::move(value)});
}

void Headers::remove(std::string_view name) {
    std::erase_if(m_fields, [&](const Field &field) { return equalsIgnoringCase(field.name, name); });
}

std::optional<std::string> HttpRequest::queryParam(std::string_view name) const {
    std::string_view rest = query;
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        const auto eq = pair.find('=');
        const std::string key = decodeQueryComponent(pair.substr(0, eq));
        if (key == name)
            return eq == std::string_view::npos ? std::string() : decodeQueryComponent(pair.substr(eq + 1));
    }
    return std::nullopt;
}

std::string_view HttpRequest::pathParam(const std::string &name) const {
    const auto found = pathParams.find(name);
    return found == pathParams.end() ? std::string_view() : std::string_view(found->second);
}

HttpResponse HttpResponse::text(int status, std::string body, std::string contentType) {
    HttpResponse response;
    response.status = status;
    response.headers.set("Content-Type", std::move(contentType));
    response.body = std::move(body);
    return response;
}

} // namespace triptych::http
