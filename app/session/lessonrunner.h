#pragma once

#include "app/client/callrecord.h"
#include "app/session/lesson.h"
#include "app/session/lessonrecord.h"
#include "app/session/serverstate.h"

#include <QObject>
#include <QSet>

#include <optional>

class QTimer;

namespace triptych::session {

class ComparisonSession;
class ServerHost;

// Walks a lesson step by step through a ComparisonSession: switches the embedded server as the step needs (gateway,
// rate limit; the session itself switches the DataLoader and database latency), asks the step's calls, keeps a
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
    const Lesson &lesson() const { return m_lesson; }
    void runStep(int index);
    void cancel();
    bool isRunning() const { return m_running >= 0; }
    // The server's gateway and rate limit as they were before the first switch a lesson made; restores them.
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
    ServerSettings settingsFor(const Lesson::Step &step) const;

    ComparisonSession *m_session;
    ServerHost *m_host;
    QTimer *m_streamTimer;
    Lesson m_lesson;
    int m_running = -1;
    bool m_waitingForServer = false; // for the restart this step asked for
    bool m_waitingForSettle = false; // for a restart under way when the step began
    bool m_comparisonDone = false;
    std::optional<ServerSettings> m_before; // the settings before the lesson's first switch
    QString m_switch;
    StepResult m_result;
};

} // namespace triptych::session

Q_DECLARE_METATYPE(triptych::session::LessonRunner::StepResult)
