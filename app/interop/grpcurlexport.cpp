#include "app/interop/grpcurlexport.h"

#include "app/interop/shellwords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace triptych::interop {

namespace {

// grpcurl reads several messages from -d as JSON values one after another; Triptych keeps a stream as one array.
QString messageData(const QString &message) {
    const QJsonDocument document = QJsonDocument::fromJson(message.toUtf8());
    if (!document.isArray())
        return message.trimmed().isEmpty() ? QStringLiteral("{}") : message;
    QStringList messages;
    for (const QJsonValue &item : document.array())
        messages.append(QString::fromUtf8(QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact)));
    return messages.join(QLatin1Char('\n'));
}

void addTls(const workspace::GrpcTls &tls, QStringList &out) {
    if (!tls.enabled) {
        out.append(QStringLiteral("-plaintext"));
        return;
    }
    if (tls.skipVerification)
        out.append(QStringLiteral("-insecure"));
    if (!tls.caFile.isEmpty())
        out.append(QStringLiteral("-cacert ") + quoteShellWord(tls.caFile));
    if (!tls.clientCertificate.isEmpty())
        out.append(QStringLiteral("-cert ") + quoteShellWord(tls.clientCertificate));
    if (!tls.clientKey.isEmpty())
        out.append(QStringLiteral("-key ") + quoteShellWord(tls.clientKey));
    if (!tls.authority.isEmpty())
        out.append(QStringLiteral("-authority ") + quoteShellWord(tls.authority));
}

void addSchema(const workspace::GrpcPart &grpc, QStringList &out) {
    switch (grpc.protoSource) {
    case workspace::ProtoSource::Reflection:
        break; // grpcurl asks the server's reflection service when given no schema
    case workspace::ProtoSource::ProtoFiles:
        // Triptych reads a request's files from the workspace folder when it names no import path; grpcurl, given
        // none, resolves imports only among the -proto files, so the folder is named (the command runs from it).
        if (grpc.importPaths.isEmpty())
            out.append(QStringLiteral("-import-path ."));
        for (const QString &path : grpc.importPaths)
            out.append(QStringLiteral("-import-path ") + quoteShellWord(path));
        for (const QString &file : grpc.protoFiles)
            out.append(QStringLiteral("-proto ") + quoteShellWord(file));
        break;
    case workspace::ProtoSource::DescriptorSet:
        out.append(QStringLiteral("-protoset ") + quoteShellWord(grpc.descriptorSetFile));
        break;
    }
}

} // namespace

QString toGrpcurlCommand(const workspace::RequestDocument &resolved) {
    if (resolved.style != workspace::RequestStyle::Grpc)
        return {};
    const workspace::GrpcPart &grpc = resolved.grpc;
    QStringList out{QStringLiteral("grpcurl")};
    addTls(grpc.tls, out);
    addSchema(grpc, out);
    for (const workspace::KeyValue &entry : grpc.metadata) {
        if (entry.enabled)
            out.append(QStringLiteral("-H ") + quoteShellWord(entry.name + QStringLiteral(": ") + entry.value));
    }
    out.append(QStringLiteral("-max-time ") + QString::number(grpc.deadlineMs / 1000.0));
    out.append(QStringLiteral("-d ") + quoteShellWord(messageData(grpc.message)));
    out.append(quoteShellWord(grpc.target) + QLatin1Char(' ') + quoteShellWord(grpc.method));
    return out.join(QStringLiteral(" \\\n  "));
}

} // namespace triptych::interop
