#include "app/session/folderrun.h"

#include "app/checks/checkjudge.h"
#include "app/session/runsender.h"
#include "app/workspace/documentformat.h"

#include <QFileInfo>
#include <QScopedValueRollback>

namespace triptych::session {

using client::CallRecord;

QStringList requestsUnder(const workspace::Workspace &workspace, int folderIndex) {
    QStringList paths;
    const auto &nodes = workspace.nodes();
    std::function<void(int)> walk = [&](int index) {
        for (const int child : nodes.at(index).children) {
            if (nodes.at(child).kind == workspace::WorkspaceNode::Kind::Folder)
                walk(child);
            else
                paths.append(nodes.at(child).path);
        }
    };
    walk(folderIndex);
    return paths;
}

QString FolderRun::defaultSummary(const CallRecord &record) {
    const QString status = record.kind == client::CallKind::Grpc ? client::grpcCodeName(record.grpcCode)
                                                                 : QString::number(record.httpStatus);
    return QStringLiteral("%1 · %2 ms").arg(status).arg(double(record.timings.totalUs) / 1000.0, 0, 'f', 2);
}

FolderRun::FolderRun(workspace::Workspace &workspace, QStringList paths, workspace::VariableResolver resolver,
                     Options options, QObject *parent)
    : QObject(parent)
    , m_root(workspace.root())
    , m_paths(std::move(paths))
    , m_resolver(std::move(resolver))
    , m_options(std::move(options)) {
    m_options.iterations = std::max(1, m_options.iterations);
    if (!m_options.summarize)
        m_options.summarize = &FolderRun::defaultSummary;
    for (const QString &path : std::as_const(m_paths)) {
        if (m_planned.contains(path))
            continue;
        Planned planned;
        planned.loaded = workspace.load(path);
        if (const auto style = workspace::styleOfFileName(QFileInfo(path).fileName()))
            planned.style = workspace::styleName(*style);
        checks::CheckList list = checks::parseChecks(planned.loaded.document.checks);
        planned.checksUseVariables = checks::usesVariables(list);
        planned.checks = checks::prepare(std::move(list));
        m_planned.insert(path, std::move(planned));
    }
}

FolderRun::~FolderRun() = default;

void FolderRun::start() {
    m_sender = new RunSender(m_root, m_options.sendTrace, this);
    connect(m_sender, &RunSender::requestFinished, this, &FolderRun::onRecord);
    connect(m_sender, &RunSender::requestFailed, this, &FolderRun::onRequestFailed);
    m_clock.start();
    next();
}

void FolderRun::stop() {
    if (m_finished)
        return;
    m_stopped = true;
    // The request under way may never answer (a stalled server): the run ends now, its late answer is dropped.
    if (m_sender)
        m_sender->disconnect(this);
    finish();
}

void FolderRun::next() {
    if (m_finished)
        return;
    const QScopedValueRollback advancing(m_advancing, true);
    if (m_index == m_paths.size()) {
        m_index = 0;
        ++m_iteration;
    }
    if (m_bailed || m_stopped || m_iteration >= m_options.iterations)
        return finish();
    if (m_index == 0 && m_options.iterations > 1)
        Q_EMIT iterationStarted(m_iteration, m_options.iterations);
    m_currentPath = m_paths.at(m_index++);
    Q_EMIT requestStarted(m_currentPath, m_iteration);
    RunRequestResult result;
    result.path = m_currentPath;
    result.iteration = m_iteration;
    // Each file was read and parsed once, when the run was made: iterations and data rows reuse it.
    const Planned &planned = *m_planned.constFind(m_currentPath);
    const workspace::LoadedRequest &loaded = planned.loaded;
    m_currentStyle = planned.style;
    result.style = workspace::styleName(loaded.document.style);
    if (!loaded.ok()) {
        result.requestError =
            loaded.diagnostics.isEmpty() ? QStringLiteral("cannot be read") : loaded.diagnostics.first().text();
        return complete(result);
    }
    m_currentChecks = planned.checks;
    Values values = m_options.given;
    if (!m_options.rows.isEmpty())
        values.insert(m_options.rows.at(m_iteration % m_options.rows.size()));
    values.insert(m_captured);
    m_resolver.setRuntimeValues(values);
    const workspace::ResolveResult resolved = m_resolver.resolve(loaded.document);
    if (!resolved.ok()) {
        result.requestError = resolved.errorText();
        return complete(result);
    }
    // Checks may name variables too: `equals: '{{orderId}}'`, `$.orders[?@.id == {{orderId}}]`.
    if (planned.checksUseVariables) {
        checks::resolveVariables(m_currentChecks.list,
                                 [this](const QString &text) { return m_resolver.resolveText(text); });
        m_currentChecks = checks::prepare(std::move(m_currentChecks.list));
    }
    m_sender->send(resolved.document, checks::expectedMessages(m_currentChecks.list));
}

void FolderRun::onRequestFailed(const QString &error) {
    RunRequestResult result;
    result.path = m_currentPath;
    result.iteration = m_iteration;
    result.requestError = error;
    complete(result);
}

void FolderRun::onRecord(const CallRecord &record) {
    RunRequestResult result;
    result.path = m_currentPath;
    result.iteration = m_iteration;
    result.style = m_currentStyle;
    result.summary = m_options.summarize(record);
    result.timeUs = record.timings.totalUs;
    if (!record.transportOk()) {
        result.requestError = record.error.text();
        return complete(result, record);
    }
    checks::Verdict verdict = checks::judge(m_currentChecks, record, result.summary);
    m_captured.insert(verdict.capturedValues());
    result.checks = std::move(verdict.checks);
    result.captures = std::move(verdict.captures);
    complete(result, record);
}

void FolderRun::complete(RunRequestResult result, const CallRecord &record) {
    if (m_options.bail && !result.passed())
        m_bailed = true;
    m_results.append(result);
    Q_EMIT requestFinished(result, record);
    // A request that failed inside next() goes on queued, so a long folder of them does not grow the stack; an answer
    // comes from an event, so the next request goes out at once, without another turn of the event loop.
    if (m_advancing)
        QMetaObject::invokeMethod(this, &FolderRun::next, Qt::QueuedConnection);
    else
        next();
}

void FolderRun::finish() {
    if (std::exchange(m_finished, true))
        return;
    Q_EMIT runFinished();
}

} // namespace triptych::session
