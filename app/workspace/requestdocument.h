#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

// The saved form of one request of any style. Plain values only: the file format (documentformat.h) writes them,
// the resolver (variableresolver.h) fills in {{variables}}, requestconversion.h turns them into what the callers send.
namespace triptych::workspace {

enum class RequestStyle { Rest, GraphQL, Grpc };

// "rest", "graphql", "grpc": the word in file names (orders.rest.yaml) and in history.
QString styleName(RequestStyle style);
std::optional<RequestStyle> styleFromName(QStringView name);
// "REST", "GraphQL", "gRPC": the style as people write it, in lists and summaries.
QString styleLabel(RequestStyle style);

// A query parameter, header, form field or metadata entry; a disabled one is kept but not sent.
struct KeyValue {
    QString name;
    QString value;
    bool enabled = true;
    bool operator==(const KeyValue &) const = default;
};

enum class BodyKind { None, Json, Raw, Form, Multipart, File };

// One part of a multipart/form-data body: inline text, or a file when filePath is set.
struct MultipartPart {
    QString name;
    QString value;
    QString filePath;
    QString contentType;
    bool enabled = true;
    bool operator==(const MultipartPart &) const = default;
};

// Every kind's data is kept, so switching the kind in the editor and back loses nothing; `kind` says what is sent.
struct RequestBody {
    BodyKind kind = BodyKind::None;
    QString text;        // Json and Raw
    QString contentType; // Raw; Json sends application/json
    QList<KeyValue> form;
    QList<MultipartPart> multipart;
    QString filePath; // File
    bool operator==(const RequestBody &) const = default;
};

enum class AuthKind { None, Basic, Bearer, ApiKey };
enum class ApiKeyPlacement { Header, Query };

struct RequestAuth {
    AuthKind kind = AuthKind::None;
    QString user;     // Basic
    QString password; // Basic
    QString token;    // Bearer
    QString apiKeyName = QStringLiteral("X-API-Key");
    QString apiKeyValue;
    ApiKeyPlacement apiKeyIn = ApiKeyPlacement::Header;
    bool operator==(const RequestAuth &) const = default;
};

struct HttpTls {
    QString caFile;
    QString clientCertificate;
    QString clientKey;
    bool skipVerification = false;
    QString serverName; // SNI and certificate name when it differs from the URL's host
    bool operator==(const HttpTls &) const = default;
};

enum class HttpVersion { Auto, Http1_1, Http2, Http2PriorKnowledge };

namespace documentdefaults {
constexpr int kTimeoutMs = 30'000;  // the REST engine's default (app/client/restrequest.h)
constexpr int kDeadlineMs = 30'000; // every gRPC call has a deadline
} // namespace documentdefaults

struct HttpOptions {
    int timeoutMs = documentdefaults::kTimeoutMs;
    bool followRedirects = true;
    bool acceptGzip = false;
    HttpVersion httpVersion = HttpVersion::Auto;
    HttpTls tls;
    QString proxy; // empty: the system's *_proxy variables; "direct": none; else a proxy URL (docs/client.md)
    bool operator==(const HttpOptions &) const = default;
};

// The HTTP side: all of it for REST; GraphQL uses url, headers, auth and options (its method and body follow from
// the transport).
struct HttpPart {
    QString method = QStringLiteral("GET");
    QString url;
    QList<KeyValue> params;
    QList<KeyValue> headers;
    RequestBody body;
    RequestAuth auth;
    HttpOptions options;
    bool operator==(const HttpPart &) const = default;
};

// How a GraphQL operation travels: GraphQL over HTTP (POST or GET) or one of the two WebSocket subprotocols.
enum class GraphQLTransport { HttpPost, HttpGet, TransportWs, SubscriptionsTransportWs };

struct GraphQLPart {
    QString document;  // the query, mutation or subscription text
    QString variables; // a JSON object as text, kept as the person wrote it
    QString operationName;
    GraphQLTransport transport = GraphQLTransport::HttpPost;
    bool persistedQuery = false; // automatic persisted queries: the hash first, the text when asked
    // The schema seen when the request was saved, for offline work: a workspace-relative path such as
    // ".triptych/schemas/<hash>.graphql" (docs/editor.md); empty when none was loaded.
    QString schemaCache;
    bool operator==(const GraphQLPart &) const = default;
};

enum class ProtoSource { Reflection, ProtoFiles, DescriptorSet };
// Native gRPC, or gRPC-Web (binary or base64 text) on the target's HTTP port.
enum class GrpcTransport { Grpc, GrpcWeb, GrpcWebText };

struct GrpcTls {
    bool enabled = false; // plaintext when false
    QString caFile;
    QString clientCertificate;
    QString clientKey;
    QString authority; // overrides the :authority and the name checked in the certificate
    bool skipVerification = false;
    bool operator==(const GrpcTls &) const = default;
};

struct GrpcPart {
    QString target; // host:port
    QString method; // "orders.v1.OrderService/GetUser"
    ProtoSource protoSource = ProtoSource::Reflection;
    QStringList protoFiles;
    QStringList importPaths;
    QString descriptorSetFile;
    QString message; // JSON; a client or bidi stream sends a JSON array of messages
    QList<KeyValue> metadata;
    int deadlineMs = documentdefaults::kDeadlineMs;
    GrpcTls tls;
    GrpcTransport transport = GrpcTransport::Grpc;
    bool operator==(const GrpcPart &) const = default;
};

// One saved request. The name is the file's name in the workspace (Workspace keeps them equal); `checks` belong to a
// later feature and are carried unchanged: an ordered list of maps whose values are strings, numbers, booleans,
// nulls, lists and maps.
struct RequestDocument {
    RequestStyle style = RequestStyle::Rest;
    QString name;
    QString notes; // Markdown
    HttpPart http;
    GraphQLPart graphql;
    GrpcPart grpc;
    QVariantList checks;
    bool operator==(const RequestDocument &) const = default;
};

} // namespace triptych::workspace
