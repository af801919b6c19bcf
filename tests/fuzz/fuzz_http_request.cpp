// The HTTP front door and router: any bytes are read as a connection reads them (parseRequestBytes, the parser and
// limits HttpSession uses), up to three pipelined requests, and each request (or the refusal a connection would
// answer) goes through every route of the server as triptych-server assembles them. Every answer's header fields
// must be safe and every JSON it carries valid UTF-8 JSON; so must the trace /debug/traces returns for it.
#include "server/host/httproutes.h"
#include "server/http/problem.h"
#include "server/http/requestbytes.h"
#include "tests/fuzz/fuzzchecks.h"
#include "tests/fuzz/serverfixture.h"

#include <cstddef>
#include <cstdint>

using namespace triptych;

namespace {

void check(const http::HttpResponse &response) {
    if (response.status < 100 || response.status > 599)
        fuzz::fail("status out of range", std::to_string(response.status));
    for (const auto &field : response.headers.fields())
        fuzz::requireSafeField(field.name, field.value);
    if (response.stream || response.body.empty() || response.headers.contains("Content-Encoding"))
        return;
    if (fuzz::isJsonMediaType(response.headers.value("Content-Type")))
        fuzz::requireValidJson(response.body);
}

void checkTraceOf(const http::Router &router, const http::HttpResponse &response) {
    const std::string_view traceresponse = response.headers.value("traceresponse");
    if (traceresponse.size() != 55)
        return;
    http::HttpRequest trace;
    trace.method = "GET";
    trace.path = trace.target = "/debug/traces/" + std::string(traceresponse.substr(3, 32));
    trace.remoteAddress = "127.0.0.1";
    const auto answer = router.dispatch(trace);
    check(answer);
    if (answer.status != 200)
        fuzz::fail("the trace of an answer is not served", answer.body);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static auto *fixture = new fuzz::ServerFixture;
    static auto *router = new http::Router(buildHttpRoutes(*fixture->context, ServerOptions{}));
    static const http::HttpServerOptions limits;
    std::string_view bytes(reinterpret_cast<const char *>(data), size);
    for (int pipelined = 0; pipelined < 3 && !bytes.empty(); ++pipelined) {
        auto read = http::parseRequestBytes(bytes, limits);
        if (read.refusal) {
            http::HttpRequest refused;
            refused.remoteAddress = "127.0.0.1";
            const auto answer = router->refuse(refused, http::problemResponse(read.refusal, read.detail));
            check(answer);
            checkTraceOf(*router, answer);
            break;
        }
        if (!read.request || read.consumed == 0)
            break;
        const auto answer = router->dispatch(*read.request);
        check(answer);
        checkTraceOf(*router, answer);
        bytes.remove_prefix(read.consumed);
    }
    return 0;
}
