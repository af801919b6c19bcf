#include "server/graphqlapi/graphqlhttp.h"

#include "server/core/servicecontext.h"
#include "server/domain/credentials.h"
#include "server/graphql/json.h"
#include "server/graphqlapi/errors.h"
#include "server/http/representation.h"
#include "server/tracing/tracer.h"

namespace triptych::graphqlapi {
namespace {

using graphql::Value;

constexpr std::string_view kGraphqlResponseJson = "application/graphql-response+json";
constexpr std::string_view kJson = "application/json";

std::string lower(std::string_view text) {
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t");
    return std::string(text.substr(begin, end - begin + 1));
}

// application/json, with no charset or utf-8 (the only encoding GraphQL over HTTP allows).
bool isJsonContentType(std::string_view contentType) {
    const std::string type = lower(contentType);
    const auto semicolon = type.find(';');
    if (trim(type.substr(0, semicolon)) != kJson)
        return false;
    if (semicolon == std::string::npos)
        return true;
    const auto charset = type.find("charset=", semicolon);
    return charset == std::string::npos || trim(type.substr(charset + 8)).rfind("utf-8", 0) == 0;
}

// Reads the parameters of a GraphQL-over-HTTP request from a JSON object (POST) or from decoded GET values.
std::optional<std::string> readParams(const Value *query, const Value *variables, const Value *operationName,
                                      const Value *extensions, std::string &queryOut, Value &variablesOut,
                                      std::string &operationOut, std::string &hashOut) {
    if (query && !query->isNull()) {
        if (query->kind() != Value::Kind::String)
            return "The query parameter must be a string.";
        queryOut = query->asString();
    }
    if (variables && !variables->isNull()) {
        if (variables->kind() != Value::Kind::Object)
            return "The variables parameter must be a JSON object.";
        variablesOut = *variables;
    }
    if (operationName && !operationName->isNull()) {
        if (operationName->kind() != Value::Kind::String)
            return "The operationName parameter must be a string.";
        operationOut = operationName->asString();
    }
    if (extensions && !extensions->isNull()) {
        if (extensions->kind() != Value::Kind::Object)
            return "The extensions parameter must be a JSON object.";
        if (const Value *persisted = extensions->find("persistedQuery"); persisted && !persisted->isNull()) {
            const Value *hash = persisted->find("sha256Hash");
            if (!hash || hash->kind() != Value::Kind::String)
                return "extensions.persistedQuery.sha256Hash must be a string.";
            hashOut = hash->asString();
        }
    }
    if (queryOut.empty() && hashOut.empty())
        return "A GraphQL request needs a query parameter (a string).";
    return std::nullopt;
}

// A GET parameter holding JSON (variables, extensions); an error when it is not JSON.
std::optional<std::string> jsonParam(const http::HttpRequest &request, std::string_view name,
                                     std::optional<Value> &out) {
    const auto text = request.queryParam(name);
    if (!text || text->empty())
        return std::nullopt;
    out = graphql::parseJson(*text);
    if (!out)
        return "The " + std::string(name) + " parameter is not valid JSON.";
    return std::nullopt;
}

} // namespace

GraphqlHttp::GraphqlHttp(ServiceContext &context, const GraphqlService &service, PersistedQueries &persisted,
                         bool dataLoader, GatewayClient *gateway)
    : m_context(context)
    , m_service(service)
    , m_persisted(persisted)
    , m_dataLoader(dataLoader)
    , m_gateway(gateway) {}

std::optional<GraphqlHttp::Media> GraphqlHttp::negotiate(std::string_view accept) {
    if (trim(accept).empty())
        return Media::Json;
    std::string list = lower(accept);
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = std::min(list.find(',', start), list.size());
        const std::string range = list.substr(start, comma - start);
        start = comma + 1;
        const auto semicolon = range.find(';');
        const std::string type = trim(range.substr(0, semicolon));
        const std::string params = semicolon == std::string::npos ? "" : range.substr(semicolon);
        if (params.find("q=0") != std::string::npos && params.find("q=0.") == std::string::npos)
            continue;
        const auto charset = params.find("charset=");
        if (charset != std::string::npos && trim(params.substr(charset + 8)).rfind("utf-8", 0) != 0)
            continue;
        if (type == kGraphqlResponseJson)
            return Media::GraphqlResponseJson;
        if (type == kJson || type == "application/*" || type == "*/*")
            return Media::Json;
    }
    return std::nullopt;
}

http::HttpResponse GraphqlHttp::resultAnswer(int status, Media media, std::string body) {
    const std::string_view type = media == Media::GraphqlResponseJson ? kGraphqlResponseJson : kJson;
    auto response = http::HttpResponse::text(status, std::move(body), std::string(type) + "; charset=utf-8");
    response.headers.set("Cache-Control", "no-store");
    return response;
}

http::HttpResponse GraphqlHttp::errorAnswer(int status, Media media, std::string message, std::string_view code) {
    graphql::GraphQLError error{std::move(message)};
    if (!code.empty())
        error.extensions = codeExtensions(code);
    return resultAnswer(status, media, "{\"errors\":" + graphql::errorsToJson({error}) + "}");
}

RequestContext GraphqlHttp::makeContext(const http::HttpRequest &request) const {
    RequestContext context(m_context.service);
    context.gateway = m_gateway;
    context.dataLoader = m_dataLoader;
    const auto authorization = request.header("Authorization");
    context.authenticated = (!authorization.empty() && m_context.credentials.acceptsAuthorization(authorization)) ||
                            m_context.credentials.acceptsApiKey(request.header("X-API-Key"));
    if (context.authenticated)
        context.authorization = "Bearer " + m_context.credentials.token;
    return context;
}

http::HttpResponse GraphqlHttp::post(const http::HttpRequest &request) const {
    const auto media = negotiate(request.header("Accept"));
    if (!media)
        return errorAnswer(406, Media::Json, "Accept application/graphql-response+json or application/json.");
    if (!isJsonContentType(request.header("Content-Type"))) {
        auto response = errorAnswer(415, *media, "POST /graphql needs Content-Type: application/json.");
        response.headers.set("Accept-Post", "application/json");
        return response;
    }
    const auto body = graphql::parseJson(request.body);
    if (!body || body->kind() != Value::Kind::Object)
        return errorAnswer(400, *media, "The body must be a JSON object: {\"query\": \"...\"}.");
    Params params;
    if (auto error = readParams(body->find("query"), body->find("variables"), body->find("operationName"),
                                body->find("extensions"), params.request.query, params.request.variables,
                                params.request.operationName, params.persistedHash))
        return errorAnswer(400, *media, *error);
    auto response = answer(request, *media, std::move(params), false);
    http::compressIfAccepted(request, response);
    return response;
}

http::HttpResponse GraphqlHttp::get(const http::HttpRequest &request) const {
    const auto media = negotiate(request.header("Accept"));
    if (!media)
        return errorAnswer(406, Media::Json, "Accept application/graphql-response+json or application/json.");
    std::optional<Value> variables;
    std::optional<Value> extensions;
    auto error = jsonParam(request, "variables", variables);
    if (!error)
        error = jsonParam(request, "extensions", extensions);
    if (error)
        return errorAnswer(400, *media, *error);
    std::optional<Value> query;
    if (auto text = request.queryParam("query"))
        query = Value::fromString(*text);
    std::optional<Value> operationName;
    if (auto text = request.queryParam("operationName"); text && !text->empty())
        operationName = Value::fromString(*text);
    Params params;
    if (auto bad = readParams(query ? &*query : nullptr, variables ? &*variables : nullptr,
                              operationName ? &*operationName : nullptr, extensions ? &*extensions : nullptr,
                              params.request.query, params.request.variables, params.request.operationName,
                              params.persistedHash))
        return errorAnswer(400, *media, *bad);
    auto response = answer(request, *media, std::move(params), true);
    if (response.status == 200 && response.headers.value("Cache-Control") == "public")
        return http::representResource(request, std::move(response), http::cachecontrol::kResource, true);
    http::compressIfAccepted(request, response);
    return response;
}

std::optional<http::HttpResponse> GraphqlHttp::resolvePersisted(Media media, Params &params) const {
    if (params.persistedHash.empty())
        return std::nullopt;
    const int status = media == Media::GraphqlResponseJson ? 400 : 200;
    if (params.request.query.empty()) {
        auto query = m_persisted.find(params.persistedHash);
        if (!query)
            return errorAnswer(status, media, "PersistedQueryNotFound", code::kPersistedQueryNotFound);
        params.request.query = std::move(*query);
        return std::nullopt;
    }
    if (!m_persisted.store(params.persistedHash, params.request.query))
        return errorAnswer(400, media, "provided sha does not match query", code::kBadUserInput);
    return std::nullopt;
}

http::HttpResponse GraphqlHttp::answer(const http::HttpRequest &http, Media media, Params params, bool isGet) const {
    if (auto refused = resolvePersisted(media, params))
        return std::move(*refused);
    // Documents that fail before execution: 400 under graphql-response+json, 200 under application/json.
    const int requestErrorStatus = media == Media::GraphqlResponseJson ? 400 : 200;
    PreparedOperation prepared = m_service.prepare(params.request);
    if (!prepared.ok()) {
        graphql::ExecutionResult result;
        result.errors = std::move(prepared.errors);
        return resultAnswer(requestErrorStatus, media, result.toJson());
    }
    if (prepared.operation && prepared.operation->operation == graphql::OperationType::Mutation && isGet) {
        auto response = errorAnswer(405, media, "Mutations are sent with POST; GET runs queries only.");
        response.headers.set("Allow", "POST");
        return response;
    }
    if (prepared.operation && prepared.operation->operation == graphql::OperationType::Subscription)
        return errorAnswer(requestErrorStatus, media,
                           "Subscriptions are served over WebSocket (graphql-transport-ws) at ws://…/graphql.");
    RequestContext context = makeContext(http);
    graphql::ExecutionResult result = m_service.execute(prepared, params.request, context);
    const bool hasData = result.hasData();
    auto response = resultAnswer(hasData ? 200 : requestErrorStatus, media, serializeResult(result));
    // A GET query that ran without errors may be cached and revalidated (ETag) by the caller.
    if (isGet && hasData && result.errors.empty())
        response.headers.set("Cache-Control", "public");
    return response;
}

http::HttpResponse GraphqlHttp::schema(const http::HttpRequest &request) const {
    auto response = http::HttpResponse::text(200, m_service.sdl(), "application/graphql; charset=utf-8");
    return http::representResource(request, std::move(response), http::cachecontrol::kDocument);
}

} // namespace triptych::graphqlapi
