#pragma once

#include "server/domain/result.h"
#include "server/http/httpmessage.h"

#include <string>
#include <string_view>
#include <vector>

namespace triptych::http {

std::string_view reasonPhrase(int status);

// An RFC 9457 problem: `application/problem+json` with type, title, status, detail and, for validation,
// errors: [{field, message}]. Without a type it is "about:blank" and the title is the status's reason phrase.
struct Problem {
    int status = 500;
    std::string detail;
    std::vector<FieldViolation> errors;
    std::string type;  // a URI reference; empty means about:blank
    std::string title; // empty means the reason phrase
    std::string instance;
};

std::string problemJson(const Problem &problem);
HttpResponse problemResponse(const Problem &problem);
inline HttpResponse problemResponse(int status, std::string detail) {
    return problemResponse(Problem{status, std::move(detail)});
}

} // namespace triptych::http
