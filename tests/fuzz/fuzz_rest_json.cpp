// JSON request bodies: POST /v1/users/{id}/orders's reader (parseCreateOrder) and POST /graphql through the router
// (GraphQL over HTTP, without credentials, so nothing is written). Every problem answer and every GraphQL result
// must be valid UTF-8 JSON, whatever the body holds.
#include "server/host/httproutes.h"
#include "server/rest/requestparsing.h"
#include "tests/fuzz/fuzzchecks.h"
#include "tests/fuzz/serverfixture.h"

#include <cstddef>
#include <cstdint>
#include <variant>

using namespace triptych;

namespace {

void check(const http::HttpResponse &response) {
    for (const auto &field : response.headers.fields())
        fuzz::requireSafeField(field.name, field.value);
    if (!response.body.empty() && !response.headers.contains("Content-Encoding"))
        fuzz::requireValidJson(response.body);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static auto *fixture = new fuzz::ServerFixture;
    static auto *router = new http::Router(buildHttpRoutes(*fixture->context, ServerOptions{}));
    const std::string body(reinterpret_cast<const char *>(data), size);

    http::HttpRequest create;
    create.method = "POST";
    create.path = create.target = "/v1/users/7/orders";
    create.headers.add("Content-Type", "application/json");
    create.body = body;
    const auto order = rest::parseCreateOrder(create, 7);
    if (const auto *answer = std::get_if<http::HttpResponse>(&order))
        check(*answer);

    for (const char *accept : {"application/graphql-response+json", "application/json"}) {
        http::HttpRequest graphql;
        graphql.method = "POST";
        graphql.path = graphql.target = "/graphql";
        graphql.remoteAddress = "127.0.0.1";
        graphql.headers.add("Content-Type", "application/json");
        graphql.headers.add("Accept", accept);
        graphql.body = body;
        check(router->dispatch(graphql));
    }
    return 0;
}
