#include "app/workspace/documentformat.h"
#include "app/workspace/formatnames.h"
#include "app/workspace/yamlwriter.h"

namespace triptych::workspace {

using namespace formatnames;

namespace {

void text(YamlWriter &out, QStringView key, const QString &value) {
    if (!value.isEmpty())
        out.scalar(key, value);
}

void flag(YamlWriter &out, QStringView key, bool value, bool defaultValue) {
    if (value != defaultValue)
        out.boolean(key, value);
}

void keyValues(YamlWriter &out, QStringView key, const QList<KeyValue> &entries) {
    if (entries.isEmpty())
        return;
    out.beginList(key);
    for (const KeyValue &entry : entries) {
        out.beginItem();
        out.scalar(u"name", entry.name);
        out.scalar(u"value", entry.value);
        flag(out, u"enabled", entry.enabled, true);
        out.endItem();
    }
    out.endList();
}

void textList(YamlWriter &out, QStringView key, const QStringList &values) {
    if (values.isEmpty())
        return;
    out.beginList(key);
    for (const QString &value : values)
        out.itemScalar(value);
    out.endList();
}

void writeBody(YamlWriter &out, const RequestBody &body) {
    if (body == RequestBody{})
        return;
    out.beginMap(u"body");
    if (body.kind != BodyKind::None)
        out.scalar(u"kind", nameOf(kBodyKinds, body.kind));
    text(out, u"contentType", body.contentType);
    text(out, u"text", body.text);
    keyValues(out, u"form", body.form);
    if (!body.multipart.isEmpty()) {
        out.beginList(u"multipart");
        for (const MultipartPart &part : body.multipart) {
            out.beginItem();
            out.scalar(u"name", part.name);
            text(out, u"value", part.value);
            text(out, u"file", part.filePath);
            text(out, u"contentType", part.contentType);
            flag(out, u"enabled", part.enabled, true);
            out.endItem();
        }
        out.endList();
    }
    text(out, u"file", body.filePath);
    out.endMap();
}

void writeAuth(YamlWriter &out, const RequestAuth &auth) {
    if (auth == RequestAuth{})
        return;
    const RequestAuth defaults;
    out.beginMap(u"auth");
    if (auth.kind != AuthKind::None)
        out.scalar(u"kind", nameOf(kAuthKinds, auth.kind));
    text(out, u"user", auth.user);
    text(out, u"password", auth.password);
    text(out, u"token", auth.token);
    if (auth.apiKeyName != defaults.apiKeyName)
        out.scalar(u"name", auth.apiKeyName);
    text(out, u"value", auth.apiKeyValue);
    if (auth.apiKeyIn != defaults.apiKeyIn)
        out.scalar(u"in", nameOf(kApiKeyPlacements, auth.apiKeyIn));
    out.endMap();
}

void writeOptions(YamlWriter &out, const HttpOptions &options) {
    const HttpOptions defaults;
    if (options == defaults)
        return;
    out.beginMap(u"options");
    if (options.timeoutMs != defaults.timeoutMs)
        out.integer(u"timeoutMs", options.timeoutMs);
    flag(out, u"followRedirects", options.followRedirects, defaults.followRedirects);
    flag(out, u"gzip", options.acceptGzip, defaults.acceptGzip);
    if (options.httpVersion != defaults.httpVersion)
        out.scalar(u"httpVersion", nameOf(kHttpVersions, options.httpVersion));
    text(out, u"proxy", options.proxy);
    if (options.tls != defaults.tls) {
        out.beginMap(u"tls");
        text(out, u"caFile", options.tls.caFile);
        text(out, u"clientCert", options.tls.clientCertificate);
        text(out, u"clientKey", options.tls.clientKey);
        flag(out, u"skipVerify", options.tls.skipVerification, false);
        text(out, u"serverName", options.tls.serverName);
        out.endMap();
    }
    out.endMap();
}

void writeRest(YamlWriter &out, const HttpPart &http) {
    if (http.method != HttpPart{}.method)
        out.scalar(u"method", http.method);
    text(out, u"url", http.url);
    keyValues(out, u"params", http.params);
    keyValues(out, u"headers", http.headers);
    writeAuth(out, http.auth);
    writeBody(out, http.body);
    writeOptions(out, http.options);
}

void writeGraphQL(YamlWriter &out, const HttpPart &http, const GraphQLPart &graphql) {
    text(out, u"url", http.url);
    if (graphql.transport != GraphQLTransport::HttpPost)
        out.scalar(u"transport", nameOf(kTransports, graphql.transport));
    flag(out, u"persistedQuery", graphql.persistedQuery, false);
    text(out, u"operationName", graphql.operationName);
    text(out, u"query", graphql.document);
    text(out, u"variables", graphql.variables);
    keyValues(out, u"headers", http.headers);
    writeAuth(out, http.auth);
    writeOptions(out, http.options);
    text(out, u"schemaCache", graphql.schemaCache);
}

void writeGrpc(YamlWriter &out, const GrpcPart &grpc) {
    text(out, u"target", grpc.target);
    text(out, u"method", grpc.method);
    if (grpc.protoSource != ProtoSource::Reflection || !grpc.protoFiles.isEmpty() || !grpc.importPaths.isEmpty() ||
        !grpc.descriptorSetFile.isEmpty()) {
        out.beginMap(u"proto");
        if (grpc.protoSource != ProtoSource::Reflection)
            out.scalar(u"source", nameOf(kProtoSources, grpc.protoSource));
        textList(out, u"files", grpc.protoFiles);
        textList(out, u"importPaths", grpc.importPaths);
        text(out, u"descriptorSet", grpc.descriptorSetFile);
        out.endMap();
    }
    text(out, u"message", grpc.message);
    keyValues(out, u"metadata", grpc.metadata);
    if (grpc.deadlineMs != documentdefaults::kDeadlineMs)
        out.integer(u"deadlineMs", grpc.deadlineMs);
    if (grpc.transport != GrpcTransport::Grpc)
        out.scalar(u"transport", nameOf(kGrpcTransports, grpc.transport));
    if (grpc.tls != GrpcTls{}) {
        out.beginMap(u"tls");
        flag(out, u"enabled", grpc.tls.enabled, false);
        text(out, u"caFile", grpc.tls.caFile);
        text(out, u"clientCert", grpc.tls.clientCertificate);
        text(out, u"clientKey", grpc.tls.clientKey);
        text(out, u"authority", grpc.tls.authority);
        flag(out, u"skipVerify", grpc.tls.skipVerification, false);
        out.endMap();
    }
}

} // namespace

QByteArray writeRequest(const RequestDocument &document) {
    YamlWriter out;
    out.integer(u"version", format::kVersion);
    switch (document.style) {
    case RequestStyle::Rest:
        writeRest(out, document.http);
        break;
    case RequestStyle::GraphQL:
        writeGraphQL(out, document.http, document.graphql);
        break;
    case RequestStyle::Grpc:
        writeGrpc(out, document.grpc);
        break;
    }
    text(out, u"notes", document.notes);
    if (!document.checks.isEmpty())
        out.variant(u"checks", document.checks);
    return out.bytes();
}

} // namespace triptych::workspace
