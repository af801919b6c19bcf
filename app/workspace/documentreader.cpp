#include "app/workspace/documentformat.h"
#include "app/workspace/yamlreader.h"

#include <limits>

namespace triptych::workspace {

using namespace formatnames;

namespace {

constexpr int kMaxMs = std::numeric_limits<int>::max();

void readKeyValues(MapReader &parent, QStringView key, QList<KeyValue> &out) {
    const YamlNode list = parent.take(key);
    if (!list.isDefined())
        return;
    YamlReadContext &context = parent.context();
    if (!list.isSequence()) {
        context.error(list.mark(), QStringLiteral("%1 must be a list of entries with name and value, not %2")
                                       .arg(parent.path(key), describeNode(list)));
        return;
    }
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(parent.path(key)).arg(i + 1);
        MapReader item(context, list[i], where);
        if (!item.isMap())
            continue;
        KeyValue entry;
        if (!item.has(u"name"))
            context.error(list[i].mark(), QStringLiteral("%1 needs a name").arg(where));
        item.text(u"name", entry.name);
        item.text(u"value", entry.value);
        item.flag(u"enabled", entry.enabled);
        item.finish();
        out.append(entry);
    }
}

void readMultipart(MapReader &body, QList<MultipartPart> &out) {
    const YamlNode list = body.take(u"multipart");
    if (!list.isDefined())
        return;
    if (!list.isSequence()) {
        body.context().error(list.mark(),
                             QStringLiteral("body.multipart must be a list of parts, not %1").arg(describeNode(list)));
        return;
    }
    for (qsizetype i = 0; i < list.size(); ++i) {
        MapReader item(body.context(), list[i], QStringLiteral("body.multipart[%1]").arg(i + 1));
        if (!item.isMap())
            continue;
        MultipartPart part;
        item.text(u"name", part.name);
        item.text(u"value", part.value);
        item.text(u"file", part.filePath);
        item.text(u"contentType", part.contentType);
        item.flag(u"enabled", part.enabled);
        if (part.name.isEmpty())
            body.context().error(list[i].mark(), QStringLiteral("body.multipart[%1] needs a name").arg(i + 1));
        item.finish();
        out.append(part);
    }
}

void readBody(MapReader &top, RequestBody &body) {
    const YamlNode node = top.take(u"body");
    if (!node.isDefined())
        return;
    MapReader reader(top.context(), node, QStringLiteral("body"));
    if (!reader.isMap())
        return;
    reader.choice(u"kind", body.kind, kBodyKinds);
    reader.text(u"contentType", body.contentType);
    reader.text(u"text", body.text);
    readKeyValues(reader, u"form", body.form);
    readMultipart(reader, body.multipart);
    reader.text(u"file", body.filePath);
    reader.finish();
}

void readAuth(MapReader &top, RequestAuth &auth) {
    const YamlNode node = top.take(u"auth");
    if (!node.isDefined())
        return;
    MapReader reader(top.context(), node, QStringLiteral("auth"));
    if (!reader.isMap())
        return;
    reader.choice(u"kind", auth.kind, kAuthKinds);
    reader.text(u"user", auth.user);
    reader.text(u"password", auth.password);
    reader.text(u"token", auth.token);
    reader.text(u"name", auth.apiKeyName);
    reader.text(u"value", auth.apiKeyValue);
    reader.choice(u"in", auth.apiKeyIn, kApiKeyPlacements);
    if (auth.kind == AuthKind::ApiKey && auth.apiKeyName.isEmpty())
        top.context().error(node.mark(), QStringLiteral("auth.name must name the API key's header or parameter"));
    reader.finish();
}

void readOptions(MapReader &top, HttpOptions &options) {
    const YamlNode node = top.take(u"options");
    if (!node.isDefined())
        return;
    MapReader reader(top.context(), node, QStringLiteral("options"));
    if (!reader.isMap())
        return;
    reader.integer(u"timeoutMs", options.timeoutMs, 0, kMaxMs);
    reader.flag(u"followRedirects", options.followRedirects);
    reader.flag(u"gzip", options.acceptGzip);
    reader.choice(u"httpVersion", options.httpVersion, kHttpVersions);
    reader.text(u"proxy", options.proxy);
    const YamlNode tlsNode = reader.take(u"tls");
    if (tlsNode.isDefined()) {
        MapReader tls(top.context(), tlsNode, QStringLiteral("options.tls"));
        if (tls.isMap()) {
            tls.text(u"caFile", options.tls.caFile);
            tls.text(u"clientCert", options.tls.clientCertificate);
            tls.text(u"clientKey", options.tls.clientKey);
            tls.flag(u"skipVerify", options.tls.skipVerification);
            tls.text(u"serverName", options.tls.serverName);
            tls.finish();
        }
    }
    reader.finish();
}

void readRest(MapReader &top, HttpPart &http) {
    top.text(u"method", http.method);
    if (http.method.isEmpty() || http.method.contains(u' '))
        top.context().error(top.take(u"method").mark(), QStringLiteral("method must be an HTTP method such as GET"));
    top.text(u"url", http.url);
    readKeyValues(top, u"params", http.params);
    readKeyValues(top, u"headers", http.headers);
    readAuth(top, http.auth);
    readBody(top, http.body);
    readOptions(top, http.options);
}

void readGraphQL(MapReader &top, HttpPart &http, GraphQLPart &graphql) {
    top.text(u"url", http.url);
    top.choice(u"transport", graphql.transport, kTransports);
    top.flag(u"persistedQuery", graphql.persistedQuery);
    top.text(u"operationName", graphql.operationName);
    top.text(u"query", graphql.document);
    top.text(u"variables", graphql.variables);
    readKeyValues(top, u"headers", http.headers);
    readAuth(top, http.auth);
    readOptions(top, http.options);
    top.text(u"schemaCache", graphql.schemaCache);
}

void readProto(MapReader &top, GrpcPart &grpc) {
    const YamlNode node = top.take(u"proto");
    if (!node.isDefined())
        return;
    MapReader reader(top.context(), node, QStringLiteral("proto"));
    if (!reader.isMap())
        return;
    reader.choice(u"source", grpc.protoSource, kProtoSources);
    reader.textList(u"files", grpc.protoFiles);
    reader.textList(u"importPaths", grpc.importPaths);
    reader.text(u"descriptorSet", grpc.descriptorSetFile);
    if (grpc.protoSource == ProtoSource::ProtoFiles && grpc.protoFiles.isEmpty())
        top.context().error(node.mark(), QStringLiteral("proto.files must list at least one .proto file"));
    if (grpc.protoSource == ProtoSource::DescriptorSet && grpc.descriptorSetFile.isEmpty())
        top.context().error(node.mark(), QStringLiteral("proto.descriptorSet must name a descriptor set file"));
    reader.finish();
}

void readGrpc(MapReader &top, GrpcPart &grpc) {
    top.text(u"target", grpc.target);
    top.text(u"method", grpc.method);
    readProto(top, grpc);
    top.text(u"message", grpc.message);
    readKeyValues(top, u"metadata", grpc.metadata);
    top.integer(u"deadlineMs", grpc.deadlineMs, 1, kMaxMs);
    top.choice(u"transport", grpc.transport, kGrpcTransports);
    const YamlNode tlsNode = top.take(u"tls");
    if (!tlsNode.isDefined())
        return;
    MapReader tls(top.context(), tlsNode, QStringLiteral("tls"));
    if (!tls.isMap())
        return;
    tls.flag(u"enabled", grpc.tls.enabled);
    tls.text(u"caFile", grpc.tls.caFile);
    tls.text(u"clientCert", grpc.tls.clientCertificate);
    tls.text(u"clientKey", grpc.tls.clientKey);
    tls.text(u"authority", grpc.tls.authority);
    tls.flag(u"skipVerify", grpc.tls.skipVerification);
    tls.finish();
}

void readChecks(MapReader &top, QVariantList &checks) {
    const YamlNode node = top.take(u"checks");
    if (!node.isDefined() || node.isNull())
        return;
    if (!node.isSequence()) {
        top.context().error(node.mark(), QStringLiteral("checks must be a list, not %1").arg(describeNode(node)));
        return;
    }
    for (const YamlNode &item : node) {
        if (!item.isMap()) {
            top.context().error(item.mark(),
                                QStringLiteral("each check must be a mapping, not %1").arg(describeNode(item)));
            continue;
        }
        checks.append(nodeToVariant(item));
    }
}

void readVersion(MapReader &top) {
    const YamlNode node = top.take(u"version");
    if (!node.isDefined()) {
        top.context().warning(YamlMark(), QStringLiteral("no `version: 1`; read as version 1"));
        return;
    }
    const auto text = node.isScalar() ? scalarText(node) : std::nullopt;
    bool ok = false;
    const int version = text ? text->toInt(&ok) : 0;
    if (!ok || version < 1)
        top.context().error(node.mark(), QStringLiteral("version must be 1"));
    else if (version > format::kVersion)
        top.context().error(node.mark(), QStringLiteral("version %1 is newer than this Triptych reads (%2); update "
                                                        "Triptych to open it")
                                             .arg(version)
                                             .arg(format::kVersion));
}

} // namespace

RequestReadResult readRequest(const QByteArray &bytes, RequestStyle style, const QString &name, const QString &file) {
    RequestReadResult result;
    result.document.style = style;
    result.document.name = name;
    YamlReadContext context(file);
    if (bytes.size() > format::kMaxFileBytes) {
        context.error(YamlMark(), QStringLiteral("the file is over %1 MiB; a request file is text a "
                                                 "person reads")
                                      .arg(format::kMaxFileBytes / (1024 * 1024)));
        result.diagnostics = context.diagnostics();
        return result;
    }
    if (const auto root = context.parse(bytes)) {
        MapReader top(context, *root, QString());
        if (top.isMap()) {
            readVersion(top);
            RequestDocument &document = result.document;
            switch (style) {
            case RequestStyle::Rest:
                readRest(top, document.http);
                break;
            case RequestStyle::GraphQL:
                readGraphQL(top, document.http, document.graphql);
                break;
            case RequestStyle::Grpc:
                readGrpc(top, document.grpc);
                break;
            }
            top.text(u"notes", document.notes);
            readChecks(top, document.checks);
            top.finish();
        }
    }
    result.diagnostics = context.diagnostics();
    return result;
}

} // namespace triptych::workspace
