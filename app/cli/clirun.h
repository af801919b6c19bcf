#pragma once

#include "app/checks/check.h"
#include "app/cli/clioptions.h"
#include "app/cli/cliprinter.h"
#include "app/cli/clirundata.h"
#include "app/cli/clirunreport.h"
#include "app/session/folderrun.h"
#include "app/workspace/requestdocument.h"
#include "app/workspace/variableresolver.h"
#include "app/workspace/workspace.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

namespace triptych::cli {

// The nearest folder at or above `folder` that is a workspace: with a workspace.yaml, else an environments/ folder.
QString workspaceRootOf(const QString &folder);
using session::requestsUnder;

// `triptych-cli run WORKSPACE[/FOLDER]` (docs/checks.md): the folder's saved requests in display order, in every
// style, once per iteration or data row (session::FolderRun); after each its checks and captures, printed as they
// come, then a summary and the JSON and JUnit reports. Exit 0 when every check passed, 1 when one failed, 2 when a
// request could not be made.
class CliRun : public QObject {
    Q_OBJECT
public:
    CliRun(CliOptions options, CliPrinter &printer, QObject *parent = nullptr);
    ~CliRun() override;

    void start();

Q_SIGNALS:
    void commandFinished(int exitCode);

private:
    bool openFolder(const QString &argument);
    bool readOptions();
    void loadVariables();
    void printResult(const RunRequestResult &result);
    void finish();
    void fail(const QString &text);
    bool wants(const QString &reporter) const;

    CliOptions m_options;
    CliPrinter &m_printer;
    std::unique_ptr<workspace::Workspace> m_workspace;
    QString m_folder; // relative to the workspace root; empty for all of it
    QStringList m_paths;
    session::FolderRun *m_run = nullptr;
    workspace::VariableResolver m_resolver;
    DataRow m_given; // --var
    QList<DataRow> m_rows;
    int m_iterations = 1;
    bool m_finished = false;
};

} // namespace triptych::cli
