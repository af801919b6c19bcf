#include "server/http/problem.h"

#include "server/json/writer.h"

#include <rapidjson/stringbuffer.h>

namespace triptych::http {

std::string_view reasonPhrase(int status) {
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

std::string problemJson(const Problem &problem) {
    rapidjson::StringBuffer buffer;
    triptych::json::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    writer.Key("type");
    writer.String(problem.type.empty() ? std::string("about:blank") : problem.type);
    writer.Key("title");
    if (problem.title.empty()) {
        const auto phrase = reasonPhrase(problem.status);
        writer.String(phrase.data(), static_cast<rapidjson::SizeType>(phrase.size()));
    } else {
        writer.String(problem.title);
    }
    writer.Key("status");
    writer.Int(problem.status);
    writer.Key("detail");
    writer.String(problem.detail);
    if (!problem.instance.empty()) {
        writer.Key("instance");
        writer.String(problem.instance);
    }
    if (!problem.errors.empty()) {
        writer.Key("errors");
        writer.StartArray();
        for (const auto &error : problem.errors) {
            writer.StartObject();
            writer.Key("field");
            writer.String(error.field);
            writer.Key("message");
            writer.String(error.message);
            writer.EndObject();
        }
        writer.EndArray();
    }
    writer.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

HttpResponse problemResponse(const Problem &problem) {
    return HttpResponse::text(problem.status, problemJson(problem), "application/problem+json");
}

} // namespace triptych::http
