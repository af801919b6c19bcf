#pragma once

#include "app/cli/clioptions.h"
#include "app/cli/cliprinter.h"
#include "app/client/grpcschema.h"
#include "app/session/locustproject.h"
#include "app/workspace/variableresolver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <memory>

namespace triptych::workspace {
class Workspace;
}

namespace triptych::session {
class RunSender;
}

namespace triptych::cli {

// `triptych-cli locust WORKSPACE[/FOLDER] --out DIR` (docs/checks.md, "Locust"): the folder's requests, resolved with
// the workspace's variables, --env and --var, as a Locust project: requests.json, the locustfile (REST and GraphQL
// as HttpUser tasks, unary gRPC through python3-grpcio), the .proto files of the gRPC methods in protos/ (written
// from the schema, so reflection works too), and the launchers triptych_locust.py and run-distributed (master and N
// workers). Streams and subscriptions are left out and listed.
class CliRunLocust : public QObject {
    Q_OBJECT
public:
    CliRunLocust(CliOptions options, CliPrinter &printer, QObject *parent = nullptr);
    ~CliRunLocust() override;

    void start();

Q_SIGNALS:
    void commandFinished(int exitCode);

private:
    void next();
    void addHttp(const QString &name, const workspace::RequestDocument &document);
    void addGrpc(const QString &name, const workspace::RequestDocument &document, const client::GrpcSchemaPtr &schema);
    void skip(const QString &name, const QString &why);
    void write();
    void fail(const QString &text, int exitCode);

    CliOptions m_options;
    CliPrinter &m_printer;
    std::unique_ptr<workspace::Workspace> m_workspace;
    workspace::VariableResolver m_resolver;
    session::RunSender *m_schemas = nullptr;
    QStringList m_paths;
    int m_index = 0;
    session::LocustProject m_project;
    QString m_out;
    bool m_finished = false;
};

} // namespace triptych::cli
