#include "server/http/requestbytes.h"

#include "server/http/detail/requestreading.h"

#include <boost/asio/buffer.hpp>

namespace triptych::http {
namespace detail {

void limitParser(Parser &parser, const HttpServerOptions &options) {
    parser.header_limit(static_cast<std::uint32_t>(options.maxHeaderBytes));
    parser.body_limit(options.maxBodyBytes);
}

HttpRequest toHttpRequest(const bhttp::request<bhttp::string_body> &message, std::string remote) {
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = originForm(message.target());
    const auto question = request.target.find('?');
    request.path = percentDecode(std::string_view(request.target).substr(0, question));
    if (question != std::string::npos)
        request.query = request.target.substr(question + 1);
    for (const auto &field : message)
        request.headers.add(std::string(field.name_string()), std::string(field.value()));
    request.body = message.body();
    request.version = message.version();
    request.remoteAddress = std::move(remote);
    return request;
}

} // namespace detail

RequestBytes parseRequestBytes(std::string_view bytes, const HttpServerOptions &options) {
    RequestBytes result;
    detail::Parser parser;
    detail::limitParser(parser, options);
    parser.eager(true);
    boost::beast::error_code ec;
    while (!parser.is_done() && result.consumed < bytes.size()) {
        const std::size_t used =
            parser.put(boost::asio::buffer(bytes.data() + result.consumed, bytes.size() - result.consumed), ec);
        result.consumed += used;
        if (ec == detail::bhttp::error::need_more) {
            ec = {};
            if (used == 0)
                break;
            continue;
        }
        if (ec)
            break;
    }
    if (!ec && !parser.is_done() && result.consumed == bytes.size())
        parser.put_eof(ec); // no more bytes: a body delimited by the end of input ends here
    if (ec == detail::bhttp::error::body_limit) {
        result.refusal = 413;
    } else if (ec == detail::bhttp::error::header_limit) {
        result.refusal = 431;
    } else if (ec && ec != detail::bhttp::error::need_more && ec != detail::bhttp::error::partial_message) {
        result.refusal = 400;
    } else if (parser.is_header_done() && parser.content_length() && *parser.content_length() > options.maxBodyBytes) {
        result.refusal = 413;
    }
    if (result.refusal) {
        result.detail = ec ? ec.message() : "body over the limit";
        return result;
    }
    if (parser.is_done())
        result.request = detail::toHttpRequest(parser.get(), "127.0.0.1");
    return result;
}

} // namespace triptych::http
