#pragma once

#include "app/client/callrecord.h"
#include "app/session/lesson.h"
#include "app/session/lessonrecord.h"
#include "app/session/serverstate.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <optional>

class QTimer;

namespace triptych::session {

class ComparisonSession;
class LessonTraceExport;
class ServerHost;

// Walks a lesson step by step through a ComparisonSession: switches the embedded server as the step needs (gateway,
// rate limit, TLS; the session itself switches the DataLoader and database latency), asks the step's calls, keeps a
// streaming step open for its stopAfterMs, then fills the step's sentence from the run record and checks its claim.
class LessonRunner : public QObject {
    Q_OBJECT
public:
    struct StepResult {
        int index = -1;
        LessonRecord record;
        LessonRecord::Verdict verdict;
        QString sentence;     // the notice filled, or what the measurement says instead when the claim failed
        QString serverSwitch; // what was switched on the embedded server for this step, in words; empty: nothing
        QList<client::CallRecord> calls;
    };

    // `host` may be null: then the steps' gateway and rate limit switches are not made (and the claims may fail).
    LessonRunner(ComparisonSession *session, ServerHost *host, QObject *parent = nullptr);

    void setLesson(const Lesson &lesson);
    // {{name}} values that replace the lesson's own (triptych-cli lesson --var collector=URL).
    void setVariables(const QHash<QString, QString> &values) { m_variables = values; }
    // A {{name}}'s value now: the one set, else the lesson's own.
    QString variable(const QString &name) const { return m_variables.value(name, m_lesson.variables.value(name)); }
    // How a call's trace becomes OTLP/JSON for a step's exportTrace (model::traceToOtlpJson).
    void setTraceEncoder(std::function<QByteArray(const client::CallRecord &)> encoder);
    const Lesson &lesson() const { return m_lesson; }
    void runStep(int index);
    void cancel();
    bool isRunning() const { return m_running >= 0; }
    // The server's gateway, rate limit and TLS mode as they were before the first switch a lesson made; restores
    // them. (The window's gRPC pane puts its transport back itself: GrpcPane::restoreTransport.)
    void restoreServer();

Q_SIGNALS:
    void stepStarted(int index, const QString &serverSwitch);
    void stepFinished(const triptych::session::LessonRunner::StepResult &result);
    void stepFailed(int index, const QString &reason);

private:
    void startStep(); // switches the server when the step needs it, then asks
    void ask();
    void onServerStateChanged(const ServerState &state);
    void onCallFinished(const client::CallRecord &record);
    void onStreamStop();
    void finishIfComplete();
    void finish();
    bool startExport(); // a step's exportTrace, once its calls are done; false when it has none
    void onExportFinished(const client::CallRecord &post, int spans);
    void complete();
    QString resolved(const QString &text) const; // the lesson's {{variables}} filled in
    ServerSettings settingsFor(const Lesson::Step &step) const;
    // The step's question with its header values filled from the step before ({previous.rest.etag}).
    Question questionFor(int index) const;

    ComparisonSession *m_session;
    ServerHost *m_host;
    QTimer *m_streamTimer;
    LessonTraceExport *m_export;
    bool m_exporting = false;
    QHash<QString, QString> m_variables;
    Lesson m_lesson;
    int m_running = -1;
    bool m_waitingForServer = false; // for the restart this step asked for
    bool m_waitingForSettle = false; // for a restart under way when the step began
    bool m_comparisonDone = false;
    std::optional<ServerSettings> m_before; // the settings before the lesson's first switch
    QString m_switch;
    StepResult m_result;
    Question m_question;                // what the running step asks
    QHash<int, LessonRecord> m_records; // each step's last record: the next step's {previous.…}
};

} // namespace triptych::session

Q_DECLARE_METATYPE(triptych::session::LessonRunner::StepResult)
