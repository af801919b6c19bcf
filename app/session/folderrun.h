#pragma once

#include "app/checks/check.h"
#include "app/checks/checkjudge.h"
#include "app/client/callrecord.h"
#include "app/session/runresult.h"
#include "app/workspace/requestdocument.h"
#include "app/workspace/variableresolver.h"
#include "app/workspace/workspace.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace triptych::session {

class RunSender;

// The saved requests in and below a folder of the tree (its index in Workspace::nodes()), in display order.
QStringList requestsUnder(const workspace::Workspace &workspace, int folderIndex);

// Runs saved requests in order, in every style, once per iteration or data row (docs/checks.md): resolves each with
// the variables (the resolver's, then `given`, the data row and what captures set), sends it, judges its checks and
// keeps its captures for the requests after it. The loop of `triptych-cli run` and of the window's Runner: each
// prints or shows what it reports. The files are read when it is made, on the caller's thread; after that it touches
// only its own state, so it may be moved to a worker thread before start(). The calls run on the engines' threads.
class FolderRun : public QObject {
    Q_OBJECT
public:
    using Values = QHash<QString, QString>;
    struct Options {
        Values given;       // --var
        QList<Values> rows; // --data
        int iterations = 1;
        bool bail = false; // stop after the first request that did not pass
        bool sendTrace = true;
        // "201 · 8.47 ms": the summary of an answer; the default writes the time in ms.
        std::function<QString(const client::CallRecord &)> summarize;
    };

    // Reads every file of `paths` (each once, however many iterations).
    FolderRun(workspace::Workspace &workspace, QStringList paths, workspace::VariableResolver resolver, Options options,
              QObject *parent = nullptr);
    ~FolderRun() override;

    void start();
    // Ends the run after the request under way (its answer is dropped); runFinished follows.
    void stop();

    const QList<RunRequestResult> &results() const { return m_results; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    bool bailed() const { return m_bailed; }
    bool stopped() const { return m_stopped; }
    int iterations() const { return m_options.iterations; }
    static QString defaultSummary(const client::CallRecord &record);

Q_SIGNALS:
    // Before the first request of each iteration when there is more than one.
    void iterationStarted(int iteration, int iterations);
    void requestStarted(const QString &path, int iteration);
    // `record` is empty when the request could not be made.
    void requestFinished(const triptych::session::RunRequestResult &result, const triptych::client::CallRecord &record);
    void runFinished();

private:
    void next();
    void onRecord(const client::CallRecord &record);
    void onRequestFailed(const QString &error);
    void complete(RunRequestResult result, const client::CallRecord &record = {});
    void finish();

    // What a file says, read and parsed once per run however many iterations: its checks are described once too.
    struct Planned {
        workspace::LoadedRequest loaded;
        QString style; // from the file's name, as reports name it
        checks::PreparedChecks checks;
        bool checksUseVariables = false; // resolved and described again for each request
    };

    QString m_root;
    QStringList m_paths;
    workspace::VariableResolver m_resolver;
    Options m_options;
    QHash<QString, Planned> m_planned; // by path
    RunSender *m_sender = nullptr;
    Values m_captured;
    int m_iteration = 0;
    int m_index = 0;
    QString m_currentPath;
    QString m_currentStyle;
    checks::PreparedChecks m_currentChecks;
    bool m_advancing = false; // inside next(): a request that fails there has not waited for an event
    QElapsedTimer m_clock;
    QList<RunRequestResult> m_results;
    bool m_bailed = false;
    bool m_stopped = false;
    bool m_finished = false;
};

} // namespace triptych::session
