#pragma once

#include "server/graphqlapi/graphqlservice.h"
#include "server/graphqlapi/persistedqueries.h"
#include "server/http/httpmessage.h"

namespace triptych {
struct ServiceContext;
}

namespace triptych::graphqlapi {

class GatewayClient;

// GraphQL over HTTP (the GraphQL-over-HTTP specification): POST with application/json, GET for queries,
// answers in application/graphql-response+json or application/json by Accept, with that spec's status codes.
class GraphqlHttp {
public:
    GraphqlHttp(ServiceContext &context, const GraphqlService &service, PersistedQueries &persisted, bool dataLoader,
                GatewayClient *gateway);

    http::HttpResponse post(const http::HttpRequest &request) const;
    http::HttpResponse get(const http::HttpRequest &request) const;
    http::HttpResponse schema(const http::HttpRequest &request) const;

private:
    enum class Media { GraphqlResponseJson, Json };
    struct Params {
        GraphqlRequest request;
        std::string persistedHash; // extensions.persistedQuery.sha256Hash
    };
    http::HttpResponse answer(const http::HttpRequest &http, Media media, Params params, bool isGet) const;
    // Fills the query from the persisted-query store (or stores it); an error answer when that fails.
    std::optional<http::HttpResponse> resolvePersisted(Media media, Params &params) const;
    RequestContext makeContext(const http::HttpRequest &request) const;

    static std::optional<Media> negotiate(std::string_view accept);
    static http::HttpResponse errorAnswer(int status, Media media, std::string message, std::string_view code = {});
    static http::HttpResponse resultAnswer(int status, Media media, std::string body);

    ServiceContext &m_context;
    const GraphqlService &m_service;
    PersistedQueries &m_persisted;
    bool m_dataLoader;
    GatewayClient *m_gateway;
};

} // namespace triptych::graphqlapi
