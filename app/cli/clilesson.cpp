#include "app/cli/clilesson.h"

#include "app/cli/clirunner.h"
#include "app/model/otlpexport.h"
#include "app/session/clientsender.h"
#include "app/session/comparisonsession.h"
#include "app/session/lessoncatalog.h"
#include "app/session/serverhost.h"

namespace triptych::cli {

namespace {

QString figuresTable(const session::LessonRecord &record) {
    QString text = QStringLiteral("    %1  %2  %3  %4  %5  %6  %7  %8\n")
                       .arg(QStringLiteral("style"), -8)
                       .arg(QStringLiteral("status"), -24)
                       .arg(QStringLiteral("calls"), 5)
                       .arg(QStringLiteral("time"), 9)
                       .arg(QStringLiteral("received"), 9)
                       .arg(QStringLiteral("SQL"), 4)
                       .arg(QStringLiteral("spans"), 5)
                       .arg(QStringLiteral("msgs"), 4);
    const QList<QPair<QString, QString>> styles{{QStringLiteral("rest"), QStringLiteral("REST")},
                                                {QStringLiteral("graphql"), QStringLiteral("GraphQL")},
                                                {QStringLiteral("grpc"), QStringLiteral("gRPC")}};
    for (const auto &[key, name] : styles) {
        if (!record.has(key))
            continue;
        const auto f = record.figures(key);
        const QString status = f.code == QLatin1String("none") || f.code == f.status
                                   ? f.status
                                   : QStringLiteral("%1 %2").arg(f.status, f.code);
        text += QStringLiteral("    %1  %2  %3  %4  %5  %6  %7  %8\n")
                    .arg(name, -8)
                    .arg(status, -24)
                    .arg(f.calls, 5)
                    .arg(formatDuration(f.timeUs), 9)
                    .arg(formatBytes(f.received), 9)
                    .arg(f.sql, 4)
                    .arg(f.spans, 5)
                    .arg(f.messages, 4);
    }
    return text;
}

} // namespace

CliLesson::CliLesson(CliOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_host(new session::ServerHost(this))
    , m_session(new session::ComparisonSession(m_host, this))
    , m_runner(new session::LessonRunner(m_session, m_host, this)) {
    m_session->setOneStyleAtATime(true);
    m_runner->setTraceEncoder(&model::traceToOtlpJson);
    for (const auto style : {client::CallKind::Rest, client::CallKind::GraphQL, client::CallKind::Grpc}) {
        auto *sender = new session::ClientSender(style, this);
        sender->setTimeoutMs(m_options.timeoutMs);
        m_session->setSender(sender);
    }
    // Queued: the next step starts once the runner has finished with the last one.
    connect(m_runner, &session::LessonRunner::stepFinished, this, &CliLesson::onStepFinished, Qt::QueuedConnection);
    connect(m_runner, &session::LessonRunner::stepFailed, this, &CliLesson::onStepFailed, Qt::QueuedConnection);
    connect(m_host, &session::ServerHost::stateChanged, this, [this](const session::ServerState &state) {
        if (state.phase == session::ServerState::Phase::Running && m_step < 0 && !m_lessons.isEmpty())
            runNext();
        else if (state.phase == session::ServerState::Phase::Failed && m_step < 0)
            done(kExitCallFailed);
    });
}

void CliLesson::start() {
    const auto &catalog = session::LessonCatalog::builtIn();
    const QString name = m_options.positional.value(0);
    if (name.isEmpty()) {
        m_lessons = catalog.lessons();
    } else if (const auto *lesson = catalog.find(name)) {
        m_lessons = {*lesson};
    } else {
        QStringList ids;
        for (const auto &known : catalog.lessons())
            ids << known.id;
        printError(QStringLiteral("no lesson \"%1\"; the lessons: %2\n").arg(name, ids.join(QStringLiteral(", "))));
        Q_EMIT lessonFinished(kExitUsage);
        return;
    }
    QHash<QString, QString> variables;
    for (const QString &value : std::as_const(m_options.variableValues)) {
        if (!value.contains(QLatin1Char('='))) {
            printError(QStringLiteral("--var needs NAME=VALUE, not \"%1\"\n").arg(value));
            Q_EMIT lessonFinished(kExitUsage);
            return;
        }
        variables.insert(value.section(QLatin1Char('='), 0, 0), value.section(QLatin1Char('='), 1));
    }
    m_runner->setVariables(variables);
    // Free ports, so a window or triptych-server on the default ones does not stand in the way.
    session::ServerSettings settings;
    settings.httpPort = 0;
    settings.grpcPort = 0;
    m_host->start(settings, QStringLiteral("for the lessons"));
}

void CliLesson::runNext() {
    if (m_lessons.isEmpty()) {
        printOut(QStringLiteral("%1 step(s), %2 claim(s) did not hold\n").arg(m_steps).arg(m_failedClaims));
        done(m_failedClaims == 0 ? kExitSuccess : kExitCallFailed);
        return;
    }
    if (m_step < 0) {
        const auto &lesson = m_lessons.first();
        printOut(QStringLiteral("\n== %1 (%2)\n%3\n").arg(lesson.title, lesson.id, lesson.point));
        for (const auto &need : lesson.needs)
            printOut(QStringLiteral("  not shown yet: %1\n").arg(need));
        m_runner->setLesson(lesson);
        m_step = 0;
        for (auto it = lesson.variables.constBegin(); it != lesson.variables.constEnd(); ++it)
            printOut(QStringLiteral("  %1 = %2\n").arg(it.key(), m_runner->variable(it.key())));
    }
    const auto &step = m_lessons.first().steps.at(m_step);
    printOut(QStringLiteral("\n  %1. %2\n").arg(m_step + 1).arg(step.title));
    m_runner->runStep(m_step);
}

void CliLesson::onStepFinished(const session::LessonRunner::StepResult &result) {
    ++m_steps;
    QString text;
    if (!result.serverSwitch.isEmpty())
        text += QStringLiteral("    server: %1\n").arg(result.serverSwitch);
    text += figuresTable(result.record);
    const auto &exportTrace = m_lessons.first().steps.at(result.index).exportTrace;
    if (exportTrace) {
        const auto figures = result.record.figures(exportTrace->style);
        text += QStringLiteral("    trace of %1 exported: %2 span(s), the collector answered %3\n")
                    .arg(exportTrace->style)
                    .arg(figures.exported)
                    .arg(figures.collector);
    }
    text += QStringLiteral("    claim %1: %2\n")
                .arg(result.verdict.holds ? QStringLiteral("held") : QStringLiteral("DID NOT HOLD"),
                     result.verdict.because);
    text += QStringLiteral("    %1\n").arg(result.sentence);
    printOut(text);
    m_failedClaims += result.verdict.holds ? 0 : 1;
    if (++m_step >= m_lessons.first().steps.size()) {
        m_lessons.removeFirst();
        m_step = -1;
    }
    runNext();
}

void CliLesson::onStepFailed(int index, const QString &reason) {
    printError(QStringLiteral("    step %1 failed: %2\n").arg(index + 1).arg(reason));
    done(kExitCallFailed);
}

void CliLesson::done(int exitCode) {
    m_lessons.clear();
    m_runner->cancel();
    m_host->stop();
    Q_EMIT lessonFinished(exitCode);
}

} // namespace triptych::cli
