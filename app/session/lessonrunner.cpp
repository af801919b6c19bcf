#include "app/session/lessonrunner.h"

#include "app/session/comparisonsession.h"
#include "app/session/lessontraceexport.h"
#include "app/session/serverhost.h"

#include <QStringList>
#include <QTimer>

#include <algorithm>

namespace triptych::session {

namespace {
// How long a streaming step waits, after it stopped its calls, for their records before it reads what it has.
constexpr int kCancelledRecordsWaitMs = 3000;

QString describe(const ServerSettings &from, const ServerSettings &to) {
    QStringList changes;
    if (from.gateway != to.gateway)
        changes << (to.gateway ? QStringLiteral("gateway on") : QStringLiteral("gateway off"));
    if (from.rateLimitPerSecond != to.rateLimitPerSecond)
        changes << (to.rateLimitPerSecond > 0 ? QStringLiteral("rate limit %1 a second").arg(to.rateLimitPerSecond)
                                              : QStringLiteral("rate limit off"));
    if (from.tls != to.tls)
        changes << (to.tls ? QStringLiteral("TLS on") : QStringLiteral("TLS off"));
    return changes.join(QStringLiteral(", "));
}
} // namespace

LessonRunner::LessonRunner(ComparisonSession *session, ServerHost *host, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_host(host)
    , m_streamTimer(new QTimer(this))
    , m_export(new LessonTraceExport(this)) {
    connect(m_export, &LessonTraceExport::exportFinished, this, &LessonRunner::onExportFinished);
    qRegisterMetaType<StepResult>();
    m_streamTimer->setSingleShot(true);
    connect(m_streamTimer, &QTimer::timeout, this, &LessonRunner::onStreamStop);
    connect(m_session, &ComparisonSession::callFinished, this, &LessonRunner::onCallFinished);
    connect(m_session, &ComparisonSession::comparisonFinished, this, [this] {
        m_comparisonDone = true;
        finishIfComplete();
    });
    connect(m_session, &ComparisonSession::comparisonCancelled, this, [this] {
        m_comparisonDone = true;
        finishIfComplete();
    });
    connect(m_session, &ComparisonSession::comparisonFailed, this, [this](const QString &reason) {
        if (m_running >= 0)
            Q_EMIT stepFailed(std::exchange(m_running, -1), reason);
    });
    if (m_host)
        connect(m_host, &ServerHost::stateChanged, this, &LessonRunner::onServerStateChanged);
}

void LessonRunner::setTraceEncoder(std::function<QByteArray(const client::CallRecord &)> encoder) {
    m_export->setEncoder(std::move(encoder));
}

QString LessonRunner::resolved(const QString &text) const {
    QString out = text;
    for (const auto *values : {&m_variables, &m_lesson.variables}) {
        for (auto it = values->constBegin(); it != values->constEnd(); ++it)
            out.replace(QStringLiteral("{{%1}}").arg(it.key()), it.value());
    }
    return out;
}

void LessonRunner::setLesson(const Lesson &lesson) {
    cancel();
    m_lesson = lesson;
    m_records.clear();
}

Question LessonRunner::questionFor(int index) const {
    Question question = m_lesson.steps.at(index).question;
    // A step's gRPC call is native unless the step says gRPC-Web: the pane does not keep the step before's choice.
    if (question.grpc && !question.grpc->transport)
        question.grpc->transport = client::GrpcTransport::Grpc;
    LessonRecord before;
    before.setPrevious(m_records.value(index - 1));
    for (auto *headers :
         {question.rest ? &question.rest->headers : nullptr, question.graphql ? &question.graphql->headers : nullptr}) {
        if (!headers)
            continue;
        for (auto &header : *headers) // not `headers ? *headers : …`: that would fill a copy
            header.second = before.fill(header.second);
    }
    return question;
}

ServerSettings LessonRunner::settingsFor(const Lesson::Step &step) const {
    ServerSettings settings = m_host->state().settings;
    const ServerSettings base = m_before.value_or(settings);
    settings.gateway = step.server.gateway.value_or(base.gateway);
    settings.rateLimitPerSecond = step.server.rateLimitPerSecond.value_or(base.rateLimitPerSecond);
    settings.tls = step.server.tls.value_or(base.tls);
    return settings;
}

void LessonRunner::runStep(int index) {
    if (index < 0 || index >= m_lesson.steps.size())
        return;
    cancel();
    m_running = index;
    m_comparisonDone = false;
    m_result = StepResult{};
    m_result.index = index;
    m_result.record.setPrevious(m_records.value(index - 1));
    m_question = questionFor(index);
    m_switch.clear();
    if (m_host && m_host->state().phase != ServerState::Phase::Running) {
        // The step before is still switching the server: this step's switch is decided once that has settled.
        m_waitingForSettle = true;
        return;
    }
    startStep();
}

void LessonRunner::startStep() {
    const auto &step = m_lesson.steps.at(m_running);
    if (m_host) {
        const ServerSettings wanted = settingsFor(step);
        if (wanted != m_host->state().settings) {
            if (!m_before)
                m_before = m_host->state().settings;
            m_switch = describe(m_host->state().settings, wanted);
            m_waitingForServer = true;
            Q_EMIT stepStarted(m_running, m_switch);
            m_host->restart(wanted, m_switch);
            return;
        }
    }
    Q_EMIT stepStarted(m_running, {});
    ask();
}

void LessonRunner::onServerStateChanged(const ServerState &state) {
    if (m_waitingForSettle && state.phase == ServerState::Phase::Running) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (std::exchange(m_waitingForSettle, false) && m_running >= 0)
                    startStep();
            },
            Qt::QueuedConnection);
        return;
    }
    if (!m_waitingForServer && !m_waitingForSettle)
        return;
    if (state.phase == ServerState::Phase::Running) {
        // Queued, as ComparisonSession does: whoever else follows the server learns its ports before the calls go.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (std::exchange(m_waitingForServer, false))
                    ask();
            },
            Qt::QueuedConnection);
    } else if (state.phase == ServerState::Phase::Failed) {
        m_waitingForServer = false;
        m_waitingForSettle = false;
        Q_EMIT stepFailed(std::exchange(m_running, -1), state.error);
    }
}

void LessonRunner::ask() {
    if (m_running < 0)
        return;
    const auto &step = m_lesson.steps.at(m_running);
    m_session->ask(m_question);
    if (!m_session->serverSwitch().isEmpty())
        m_switch = m_switch.isEmpty() ? m_session->serverSwitch()
                                      : m_switch + QStringLiteral(", ") + m_session->serverSwitch();
    if (step.question.streaming)
        m_streamTimer->start(step.stopAfterMs);
}

void LessonRunner::onCallFinished(const client::CallRecord &record) {
    // While the server restarts for this step, what reports is a cancelled call of the step before.
    if (m_running < 0 || m_waitingForServer)
        return;
    // The window's panes send what they hold even when the step does not ask that style: not the step's numbers.
    const auto &question = m_lesson.steps.at(m_running).question;
    const bool asked = record.kind == client::CallKind::Rest   ? question.rest.has_value()
                       : record.kind == client::CallKind::Grpc ? question.grpc.has_value()
                                                               : question.graphql.has_value();
    if (!asked)
        return;
    m_result.record.add(record);
    m_result.calls.append(record);
    finishIfComplete();
}

void LessonRunner::onStreamStop() {
    if (m_running < 0)
        return;
    if (m_comparisonDone) { // waited for the cancelled calls' records long enough: read what came
        finish();
        return;
    }
    m_session->cancel();
    if (m_running >= 0 && !m_comparisonDone)
        m_comparisonDone = true;
    if (m_running >= 0)
        m_streamTimer->start(kCancelledRecordsWaitMs);
}

void LessonRunner::finishIfComplete() {
    if (m_running < 0 || !m_comparisonDone || m_exporting)
        return;
    const auto &question = m_lesson.steps.at(m_running).question;
    if (question.streaming) {
        // A stopped stream reports its record after the session said it was cancelled.
        const bool all = (!question.rest || m_result.record.has(QStringLiteral("rest"))) &&
                         (!question.graphql || m_result.record.has(QStringLiteral("graphql"))) &&
                         (!question.grpc || m_result.record.has(QStringLiteral("grpc")));
        if (!all)
            return;
    }
    finish();
}

void LessonRunner::finish() {
    m_streamTimer->stop();
    if (!startExport())
        complete();
}

bool LessonRunner::startExport() {
    const auto &exportTrace = m_lesson.steps.at(m_running).exportTrace;
    if (!exportTrace || m_exporting)
        return false;
    const auto first = std::find_if(m_result.calls.cbegin(), m_result.calls.cend(), [&](const auto &record) {
        return LessonRecord::styleOf(record.kind) == exportTrace->style;
    });
    if (first == m_result.calls.cend() || !m_export->hasEncoder())
        return false; // nothing to export: the figures say "none"
    m_exporting = true;
    m_export->start(*first, resolved(exportTrace->to));
    return true;
}

void LessonRunner::onExportFinished(const client::CallRecord &post, int spans) {
    if (!std::exchange(m_exporting, false) || m_running < 0)
        return;
    const bool delivered = post.transportOk() && post.httpStatus >= 200 && post.httpStatus < 300;
    const QString answer = post.transportOk() ? QString::number(post.httpStatus) : client::toString(post.error.kind);
    m_result.record.setExport(m_lesson.steps.at(m_running).exportTrace->style, delivered ? spans : 0, answer);
    complete();
}

void LessonRunner::complete() {
    const auto &step = m_lesson.steps.at(m_running);
    m_result.verdict = m_result.record.check(step.claim);
    m_result.sentence = m_result.record.fill(m_result.verdict.holds ? step.notice : step.otherwise);
    m_result.serverSwitch = m_switch;
    m_records.insert(m_running, m_result.record);
    m_running = -1;
    Q_EMIT stepFinished(m_result);
}

void LessonRunner::cancel() {
    m_streamTimer->stop();
    m_export->cancel();
    m_exporting = false;
    m_waitingForServer = false;
    m_waitingForSettle = false;
    if (std::exchange(m_running, -1) >= 0 && m_session->isRunning())
        m_session->cancel();
}

void LessonRunner::restoreServer() {
    cancel();
    if (!m_host || !m_before)
        return;
    ServerSettings settings = m_host->state().settings;
    settings.gateway = m_before->gateway;
    settings.rateLimitPerSecond = m_before->rateLimitPerSecond;
    settings.tls = m_before->tls;
    m_before.reset();
    if (settings != m_host->state().settings)
        m_host->restart(settings, QStringLiteral("the lesson is over"));
}

} // namespace triptych::session
