#pragma once

#include "app/client/callrecord.h"
#include "app/session/question.h"
#include "app/session/serverstate.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <optional>

namespace triptych::session {

class FollowUpRunner;
class OrderEventMaker;
class ServerHost;
class StyleSender;

// "Ask all three" without a window: puts a question into the three styles' senders, sends them (after restarting
// the embedded server, on the same ports, when the question needs another DataLoader or database latency), makes an
// N+1 question's follow-up calls, makes order events while a live question's streams are open, and reports every
// record and stream message of the comparison. The window serves the senders with its panes; triptych-cli compare
// and the tests use ClientSenders.
class ComparisonSession : public QObject {
    Q_OBJECT
public:
    // `host` may be null: the calls then go to setEndpoints() and no DataLoader switch is made.
    explicit ComparisonSession(ServerHost *host = nullptr, QObject *parent = nullptr);
    ~ComparisonSession() override;

    // Replaces the sender of sender->style() (by default a ClientSender this session owns).
    void setSender(StyleSender *sender);
    StyleSender *sender(client::CallKind style);
    void setEndpoints(const Endpoints &endpoints) { m_endpoints = endpoints; }
    // Where the calls go: the embedded server while a host is given, else what setEndpoints() said.
    Endpoints endpoints() const;
    // Sends each style once the one before has all its answers, so they do not compete for the machine; by default
    // all three go at once. A streaming question never finishes, so it is asked all at once regardless.
    void setOneStyleAtATime(bool on) { m_oneAtATime = on; }

    // Puts the question into the three senders; the next sendAll() asks it with its follow-ups and DataLoader.
    void applyQuestion(const Question &question);
    // The senders hold calls of a person's own: sendAll() sends them as they are, with nothing added.
    void clearQuestion() { m_question.reset(); }
    const std::optional<Question> &question() const { return m_question; }
    void ask(const Question &question);
    void sendAll();
    // Stops the whole comparison: a restart it waits for, the senders' calls, the follow-ups, the event writes.
    // The cancelled calls still report what they had (callFinished with ErrorKind::Cancelled).
    void cancel();
    bool isRunning() const { return m_sendAfterRestart || !m_comparing.isEmpty(); }
    // What the last question switched on the embedded server, in words ("DataLoader off, database round trip
    // 2 ms"); empty when the last sendAll() needed no restart. The switch stays after the comparison.
    QString serverSwitch() const { return m_serverSwitch; }

Q_SIGNALS:
    // The calls are about to go out: figures start over.
    void comparisonStarted();
    // The embedded server restarts, on the same ports, with what the question needs (`change`, in words, as
    // serverSwitch() gives it); the calls follow.
    void serverSwitchStarted(const QString &change);
    // A style's call of a streaming question is open.
    void streamStarted(triptych::client::CallKind style);
    // Every call of the running comparison that ended, follow-ups included.
    void callFinished(const triptych::client::CallRecord &record);
    // Each follow-up call, also after the comparison was replaced (no sender reports these).
    void followUpFinished(const triptych::client::CallRecord &record);
    // Each write a live question made so that its streams have events.
    void eventWriteFinished(const triptych::client::CallRecord &record);
    void messagesReceived(triptych::client::CallKind style, const QList<triptych::client::StreamMessage> &messages);
    // Every style's first call has an answer.
    void sendAllFinished();
    // Every call has an answer, follow-ups included.
    void comparisonFinished();
    void comparisonCancelled();
    // The server did not come back after the DataLoader switch; nothing was sent.
    void comparisonFailed(const QString &reason);

private:
    void connectSender(StyleSender *sender);
    void onServerStateChanged(const ServerState &state);
    void sendAllNow();
    void sendQueued();
    void onRecord(const client::CallRecord &record);
    void onCancelledRecord(const StyleSender *sender, const client::CallRecord &record);
    // The settings the question needs the embedded server to run with; the running ones when it needs nothing.
    ServerSettings settingsFor(const Question &question) const;
    void onFollowUp(const client::CallRecord &record);
    void onMessages(const StyleSender *sender, const QList<client::StreamMessage> &messages);
    void answerFirst(client::CallKind style);
    void finishStyle(client::CallKind style);

    ServerHost *m_host;
    FollowUpRunner *m_followUps;
    OrderEventMaker *m_events;
    QHash<client::CallKind, StyleSender *> m_senders;
    Endpoints m_endpoints;
    std::optional<Question> m_question;
    bool m_oneAtATime = false;
    bool m_sendAfterRestart = false;
    QList<client::CallKind> m_toSend;       // styles not sent yet (one style at a time)
    QSet<client::CallKind> m_awaitingFirst; // styles whose first call has no answer yet
    QSet<client::CallKind> m_comparing;     // styles of the running comparison still waiting for an answer
    QSet<client::CallKind> m_cancelling;    // styles of a cancelled comparison whose cancelled call has not reported
    QString m_serverSwitch;
};

} // namespace triptych::session
