#pragma once

#include "app/cli/clioptions.h"
#include "app/cli/cliprinter.h"
#include "app/client/callrecord.h"
#include "app/client/grpcschema.h"
#include "app/workspace/requestdocument.h"
#include "app/workspace/variableresolver.h"

#include <QObject>

#include <functional>
#include <memory>

namespace triptych::workspace {
class SecretStore;
class Workspace;
} // namespace triptych::workspace

namespace triptych::cli {

// `list WORKSPACE` and `send WORKSPACE/path/to/request` (docs/workspace.md): the saved requests of a workspace folder,
// and one of them sent with the variables of the workspace, an environment (--env) and --var values, printed as the
// rest, graphql and grpc commands print a call. The embedded server's built-in environment is the window's; here an
// environment is one of the workspace's files.
class CliWorkspace : public QObject {
    Q_OBJECT
public:
    CliWorkspace(CliOptions options, CliPrinter &printer, QObject *parent = nullptr);
    ~CliWorkspace() override;

    void list();
    void send();

    // The request file a `send` argument names: the file itself, or its path without ".yaml" or without
    // ".<style>.yaml" when only one style has that name. Empty with `error` otherwise.
    static QString findRequestFile(const QString &argument, QString *error);
    // The workspace a request file belongs to: the nearest folder above it with a workspace.yaml, else with an
    // environments/ folder, else the file's own folder.
    static QString findWorkspaceRoot(const QString &requestFile);

Q_SIGNALS:
    void commandFinished(int exitCode);

private:
    bool openWorkspace(const QString &root);
    // Fills in secrets, then resolves and sends.
    void prepareVariables();
    void resolveAndSend();
    void sendRest(const workspace::RequestDocument &document);
    void sendGraphQL(const workspace::RequestDocument &document);
    void sendGrpc(const workspace::RequestDocument &document);
    void withSchema(const workspace::RequestDocument &document, std::function<void(client::GrpcSchemaPtr)> next);
    void onStreamMessage(const client::StreamMessage &message);
    void report(const client::CallRecord &record);
    void fail(const QString &text, int exitCode);
    void finish(int exitCode);

    CliOptions m_options;
    CliPrinter &m_printer;
    std::unique_ptr<workspace::Workspace> m_workspace;
    workspace::SecretStore *m_secrets = nullptr;
    workspace::VariableResolver m_resolver;
    workspace::RequestDocument m_document;
    QString m_environment;
    int m_secretsPending = 0;
    bool m_streamed = false;
    bool m_finished = false;
};

} // namespace triptych::cli
