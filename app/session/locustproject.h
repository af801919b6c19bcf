#pragma once

#include "app/client/grpcrequest.h"
#include "app/client/restrequest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <set>
#include <string>

namespace google::protobuf {
class MethodDescriptor;
}

namespace triptych::session {

// A Locust project (docs/checks.md, "Locust"), as `triptych-cli locust` and the Benchmark dialog's "Export to
// Locust…" write it: requests.json with the resolved requests, protos/ with the .proto files of the gRPC methods,
// and the locustfile and launchers of scripts/locust/ (compiled in). Requests are added in order, then written once.
class LocustProject {
public:
    LocustProject();

    // A REST request, or GraphQL over HTTP when `graphql` holds its {query, variables, operationName} (the URL and
    // headers are then the request's). An API key goes in the query under `apiKeyQueryName` when it is not empty.
    // The reason when it cannot be exported (form, multipart and file bodies); it is then listed as left out.
    std::optional<QString> addHttp(const QString &name, const client::RestRequest &request,
                                   const std::optional<QJsonObject> &graphql, const QString &apiKeyQueryName = {});
    // A unary gRPC call; its method's .proto file and what it imports go to protos/.
    void addGrpc(const QString &name, const client::GrpcRequest &request,
                 const google::protobuf::MethodDescriptor *method);
    void skip(const QString &name, const QString &why);

    // Writes the project into `folder` (made when missing); false with `error` when a file cannot be written.
    bool write(const QString &folder, QString *error) const;

    int requestCount() const { return int(m_requests.size()); }
    int skippedCount() const { return int(m_skipped.size()); }
    // How to start it: "run-distributed -w 2 --headless …".
    static QString runHint(const QString &folder);

private:
    QJsonArray m_requests;
    QJsonArray m_skipped;
    QJsonArray m_protoFiles;
    QList<QPair<QString, QByteArray>> m_protoTexts; // protos/<name>, in the order met
    std::set<std::string> m_writtenFiles;
    QString m_host;
};

} // namespace triptych::session
