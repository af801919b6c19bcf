#include "app/cli/clirun.h"

#include "app/cli/clirunner.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace triptych::cli {

using client::CallRecord;

namespace {

const QStringList kReporters{QStringLiteral("cli"), QStringLiteral("json"), QStringLiteral("junit")};

QString summaryOf(const CallRecord &record) {
    QString status = record.kind == client::CallKind::Grpc ? client::grpcCodeName(record.grpcCode)
                                                           : QString::number(record.httpStatus);
    if (record.kind == client::CallKind::GraphQLWebSocket)
        status = QStringLiteral("WebSocket");
    const int received = int(std::count_if(record.messages.begin(), record.messages.end(),
                                           [](const client::StreamMessage &message) { return !message.outgoing; }));
    QString text = status + QStringLiteral(" · ") + formatDuration(record.timings.totalUs);
    if ((record.kind != client::CallKind::Grpc || received > 1) && received > 0)
        text += QStringLiteral(" · ") + QString::number(received) + QStringLiteral(" message(s)");
    return text;
}

} // namespace

QString workspaceRootOf(const QString &folder) {
    for (const auto *marker : {workspace::workspacefiles::kSettings, workspace::workspacefiles::kEnvironments}) {
        for (QDir dir(folder);;) {
            if (QFileInfo::exists(dir.filePath(QString::fromUtf16(marker))))
                return dir.absolutePath();
            if (!dir.cdUp())
                break;
        }
    }
    return QDir(folder).absolutePath();
}

CliRun::CliRun(CliOptions options, CliPrinter &printer, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_printer(printer) {}

CliRun::~CliRun() = default;

void CliRun::fail(const QString &text) {
    m_printer.printError(text);
    if (!std::exchange(m_finished, true))
        Q_EMIT commandFinished(kExitUsage);
}

bool CliRun::wants(const QString &reporter) const {
    return m_options.reporters.contains(reporter);
}

bool CliRun::openFolder(const QString &argument) {
    const QFileInfo info(argument);
    if (!info.isDir()) {
        fail(QStringLiteral("run needs WORKSPACE or WORKSPACE/FOLDER, a folder: %1 is not one").arg(argument));
        return false;
    }
    const QString root = workspaceRootOf(info.absoluteFilePath());
    m_workspace = std::make_unique<workspace::Workspace>();
    QString error;
    if (!m_workspace->open(root, &error)) {
        fail(error);
        return false;
    }
    m_folder = QDir(root).relativeFilePath(info.absoluteFilePath());
    if (m_folder == QLatin1String("."))
        m_folder.clear();
    const int start = m_folder.isEmpty() ? 0 : m_workspace->indexOf(m_folder);
    if (start < 0) {
        fail(QStringLiteral("%1 is not a collection of %2").arg(m_folder, root));
        return false;
    }
    m_paths = requestsUnder(*m_workspace, start);
    if (m_paths.isEmpty()) {
        fail(QStringLiteral("No saved requests in %1").arg(argument));
        return false;
    }
    return true;
}

bool CliRun::readOptions() {
    for (const QString &reporter : std::as_const(m_options.reporters)) {
        if (!kReporters.contains(reporter)) {
            fail(QStringLiteral("--reporter takes cli, json and junit, not %1").arg(reporter));
            return false;
        }
    }
    for (const QString &assignment : std::as_const(m_options.variableValues)) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0 || !workspace::isValidVariableName(assignment.left(equals))) {
            fail(QStringLiteral("--var needs NAME=VALUE, not %1").arg(assignment));
            return false;
        }
        m_given.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    if (!m_options.dataFile.isEmpty()) {
        QString error;
        m_rows = readDataRows(m_options.dataFile, &error);
        if (!error.isEmpty() || m_rows.isEmpty()) {
            fail(error.isEmpty() ? QStringLiteral("%1 has no rows").arg(m_options.dataFile) : error);
            return false;
        }
    }
    if (m_options.iterations < 0) {
        fail(QStringLiteral("--iterations needs a positive number"));
        return false;
    }
    m_iterations = m_options.iterations > 0 ? m_options.iterations : std::max(1, int(m_rows.size()));
    return true;
}

void CliRun::loadVariables() {
    m_resolver.setWorkspaceVariables(m_workspace->settings().value.variables);
    if (m_options.environment.isEmpty())
        return;
    const auto read = m_workspace->loadEnvironment(m_options.environment);
    for (const auto &diagnostic : read.diagnostics)
        m_printer.printError(diagnostic.text());
    workspace::Environment environment = read.value;
    environment.name = m_options.environment;
    m_resolver.setEnvironment(environment);
}

void CliRun::start() {
    if (m_options.positional.size() != 1)
        return fail(QStringLiteral("run needs WORKSPACE or WORKSPACE/FOLDER, e.g. run orders-api/Orders"));
    if (!readOptions() || !openFolder(m_options.positional.first()))
        return;
    if (!m_options.environment.isEmpty() && !m_workspace->environmentNames().contains(m_options.environment))
        return fail(QStringLiteral("No environment %1 in %2 (there are: %3)")
                        .arg(m_options.environment, m_workspace->root(),
                             m_workspace->environmentNames().join(QStringLiteral(", "))));
    loadVariables();
    session::FolderRun::Options options;
    options.given = m_given;
    options.rows = m_rows;
    options.iterations = m_iterations;
    options.bail = m_options.bail;
    options.sendTrace = !m_options.noTrace;
    options.summarize = &summaryOf;
    m_run = new session::FolderRun(*m_workspace, m_paths, m_resolver, std::move(options), this);
    connect(m_run, &session::FolderRun::iterationStarted, this, [this](int iteration, int iterations) {
        if (wants(QStringLiteral("cli")))
            m_printer.printOut(QStringLiteral("— iteration %1 of %2\n").arg(iteration + 1).arg(iterations));
    });
    connect(m_run, &session::FolderRun::requestFinished, this, [this](const RunRequestResult &result) {
        if (wants(QStringLiteral("cli")))
            printResult(result);
    });
    connect(m_run, &session::FolderRun::runFinished, this, &CliRun::finish);
    m_run->start();
}

void CliRun::printResult(const RunRequestResult &result) {
    // Appended piece by piece: a line per check for every request, where QString::arg's parsing of a pattern costs
    // more than the text it builds.
    QString text;
    text.reserve(160 * (1 + result.checks.size() + result.captures.size()));
    text.append(result.passed() ? u"✓ " : u"✗ ").append(QStringView(result.path).chopped(5));
    if (result.requestError.isEmpty())
        text.append(u" — ").append(result.summary).append(u'\n');
    else
        text.append(u" — could not be made: ").append(result.requestError).append(u'\n');
    for (const auto &check : result.checks) {
        if (check.passed)
            text.append(u"    ✓ ").append(check.description).append(u'\n');
        else
            text.append(u"    ✗ ").append(check.message()).append(u'\n');
    }
    for (const auto &capture : result.captures) {
        if (capture.ok)
            text.append(u"    → ").append(capture.variable).append(u" = ").append(QStringView(capture.value).left(80));
        else
            text.append(u"    ✗ ").append(capture.error);
        text.append(u'\n');
    }
    m_printer.printOut(text);
}

void CliRun::finish() {
    if (std::exchange(m_finished, true))
        return;
    const QList<RunRequestResult> &results = m_run->results();
    const RunTotals totals = totalsOf(results, m_run->elapsedMs());
    const int exitCode = totals.requestErrors > 0  ? kExitUsage
                         : totals.failedChecks > 0 ? kExitCallFailed
                                                   : kExitSuccess;
    const QString runName = m_folder.isEmpty() ? QFileInfo(m_workspace->root()).fileName() : m_folder;
    const QDir out(m_options.out.isEmpty() ? QDir::currentPath() : m_options.out);
    if ((wants(QStringLiteral("json")) || wants(QStringLiteral("junit"))) && !out.mkpath(QStringLiteral(".")))
        m_printer.printError(QStringLiteral("Cannot create %1").arg(out.path()));
    for (const auto &[reporter, name] : {std::pair{QStringLiteral("json"), QStringLiteral("triptych-run.json")},
                                         std::pair{QStringLiteral("junit"), QStringLiteral("triptych-run.xml")}}) {
        if (!wants(reporter))
            continue;
        QFile file(out.filePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_printer.printError(QStringLiteral("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
            continue;
        }
        if (reporter == QLatin1String("json"))
            writeJsonReport(results, totals, file);
        else
            writeJUnitReport(results, totals, runName, file);
    }
    m_printer.printOut(QStringLiteral("%1 request(s)%2, %3 check(s): %4 passed, %5 failed; %6 request error(s)%7 "
                                      "in %8\n")
                           .arg(totals.requests)
                           .arg(m_iterations > 1 ? QStringLiteral(" in %1 iterations").arg(m_iterations) : QString())
                           .arg(totals.checks)
                           .arg(totals.checks - totals.failedChecks)
                           .arg(totals.failedChecks)
                           .arg(totals.requestErrors)
                           .arg(m_run->bailed() ? QStringLiteral(", stopped at the first failure (--bail)") : QString())
                           .arg(formatDuration(totals.elapsedMs * 1000)));
    Q_EMIT commandFinished(exitCode);
}

} // namespace triptych::cli
