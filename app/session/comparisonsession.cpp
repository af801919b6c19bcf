#include "app/session/comparisonsession.h"

#include "app/session/clientsender.h"
#include "app/session/followuprunner.h"
#include "app/session/ordereventmaker.h"
#include "app/session/serverhost.h"

#include <QStringList>

namespace triptych::session {

namespace {
constexpr client::CallKind kStyles[] = {client::CallKind::Rest, client::CallKind::GraphQL, client::CallKind::Grpc};

client::CallKind styleOf(client::CallKind kind) {
    return kind == client::CallKind::GraphQLWebSocket ? client::CallKind::GraphQL : kind;
}

bool asks(const Question &question, client::CallKind style) {
    return style == client::CallKind::Rest   ? question.rest.has_value()
           : style == client::CallKind::Grpc ? question.grpc.has_value()
                                             : question.graphql.has_value();
}

// "DataLoader off, database round trip 2 ms": what differs between two settings, as the strip says it.
QString describeChange(const ServerSettings &from, const ServerSettings &to) {
    QStringList changes;
    if (from.dataLoader != to.dataLoader)
        changes << (to.dataLoader ? QStringLiteral("DataLoader on") : QStringLiteral("DataLoader off"));
    if (from.dbLatencyMs != to.dbLatencyMs)
        changes << (to.dbLatencyMs > 0 ? QStringLiteral("database round trip %1 ms").arg(to.dbLatencyMs)
                                       : QStringLiteral("no database round trip"));
    return changes.join(QStringLiteral(", "));
}
} // namespace

ComparisonSession::ComparisonSession(ServerHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_followUps(new FollowUpRunner(this))
    , m_events(new OrderEventMaker(this)) {
    connect(m_followUps, &FollowUpRunner::callFinished, this, &ComparisonSession::onFollowUp);
    connect(m_events, &OrderEventMaker::writeFinished, this, &ComparisonSession::eventWriteFinished);
    connect(m_followUps, &FollowUpRunner::followUpsFinished, this, &ComparisonSession::finishStyle);
    if (m_host)
        connect(m_host, &ServerHost::stateChanged, this, &ComparisonSession::onServerStateChanged);
}

ComparisonSession::~ComparisonSession() = default;

void ComparisonSession::setSender(StyleSender *sender) {
    const auto style = styleOf(sender->style());
    StyleSender *old = m_senders.value(style);
    if (old == sender)
        return;
    if (old) {
        old->disconnect(this);
        if (old->parent() == this)
            old->deleteLater();
    }
    m_senders.insert(style, sender);
    connectSender(sender);
}

StyleSender *ComparisonSession::sender(client::CallKind style) {
    const auto key = styleOf(style);
    if (!m_senders.contains(key))
        setSender(new ClientSender(key, this)); // made when first needed: the window replaces all three
    return m_senders.value(key);
}

void ComparisonSession::connectSender(StyleSender *sender) {
    connect(sender, &StyleSender::callFinished, this, &ComparisonSession::onRecord);
    connect(sender, &StyleSender::cancelledCallFinished, this,
            [this, sender](const client::CallRecord &record) { onCancelledRecord(sender, record); });
    connect(sender, &StyleSender::messagesReceived, this,
            [this, sender](const QList<client::StreamMessage> &messages) { onMessages(sender, messages); });
}

Endpoints ComparisonSession::endpoints() const {
    return m_host ? m_host->state().endpoints() : m_endpoints;
}

void ComparisonSession::applyQuestion(const Question &question) {
    m_question = question;
    for (const auto style : kStyles)
        sender(style)->load(question);
}

void ComparisonSession::ask(const Question &question) {
    applyQuestion(question);
    sendAll();
}

ServerSettings ComparisonSession::settingsFor(const Question &question) const {
    ServerSettings settings = m_host->state().settings;
    if (question.dataLoader)
        settings.dataLoader = *question.dataLoader;
    if (question.dbLatencyMs)
        settings.dbLatencyMs = *question.dbLatencyMs;
    return settings;
}

void ComparisonSession::sendAll() {
    m_followUps->cancel();
    m_events->stop();
    m_serverSwitch.clear();
    if (m_host && m_question && m_host->state().phase == ServerState::Phase::Running) {
        // The DataLoader and the database latency are server options: restart the embedded server with them.
        const ServerSettings wanted = settingsFor(*m_question);
        if (wanted != m_host->state().settings) {
            m_serverSwitch = describeChange(m_host->state().settings, wanted);
            m_sendAfterRestart = true;
            Q_EMIT serverSwitchStarted(m_serverSwitch);
            m_host->restart(wanted, m_serverSwitch);
            return;
        }
    }
    sendAllNow();
}

void ComparisonSession::onServerStateChanged(const ServerState &state) {
    if (!m_sendAfterRestart)
        return;
    if (state.phase == ServerState::Phase::Running) {
        // Queued, so whoever else follows the server (the panes learn its ports) has seen it before the calls go.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (std::exchange(m_sendAfterRestart, false))
                    sendAllNow();
            },
            Qt::QueuedConnection);
    } else if (state.phase == ServerState::Phase::Failed) {
        m_sendAfterRestart = false;
        Q_EMIT comparisonFailed(state.error);
    }
}

void ComparisonSession::sendAllNow() {
    m_followUps->cancel();
    m_events->stop();
    m_cancelling.clear();
    m_toSend = {std::begin(kStyles), std::end(kStyles)};
    m_comparing = {std::begin(kStyles), std::end(kStyles)};
    m_awaitingFirst = m_comparing;
    Q_EMIT comparisonStarted();
    sendQueued();
}

void ComparisonSession::sendQueued() {
    const bool streaming = m_question && m_question->streaming;
    while (!m_toSend.isEmpty()) {
        const auto style = m_toSend.takeFirst();
        // A question without this style (a lesson step asking one or two) leaves its sender's last call alone:
        // sent again, a stream of the step before would keep the comparison open for ever.
        if (m_question && !asks(*m_question, style)) {
            m_comparing.remove(style);
            answerFirst(style);
            continue;
        }
        if (sender(style)->send(endpoints())) {
            if (streaming)
                Q_EMIT streamStarted(style);
            if (m_oneAtATime && !streaming)
                return;
            continue;
        }
        // Not sent: its problem shows where the call is held.
        m_comparing.remove(style);
        answerFirst(style);
    }
    if (m_comparing.isEmpty()) {
        Q_EMIT comparisonFinished();
        return;
    }
    if (streaming && m_question->liveEvents)
        m_events->start(endpoints(), m_question->liveEvents->userId, m_question->liveEvents->everyMs);
}

void ComparisonSession::onRecord(const client::CallRecord &record) {
    const auto style = styleOf(record.kind);
    // A call replaced by a newer one is reported by its sender as cancelled, not here; one cancelled on its own
    // (its pane's Cancel) ends its style.
    if (!m_comparing.contains(style) || m_followUps->isRunning(style))
        return;
    Q_EMIT callFinished(record);
    answerFirst(style);
    if (m_question && record.transportOk()) {
        const auto &question = *m_question;
        if (style == client::CallKind::Rest && question.rest && question.rest->ordersOfEachUser && record.ok()) {
            m_followUps->followUpRest(record);
            return;
        }
        if (style == client::CallKind::Grpc && question.grpc && question.grpc->repeatUpToUser > 1) {
            m_followUps->followUpGrpc(record, endpoints().httpBase, question.grpc->repeatUpToUser);
            return;
        }
    }
    finishStyle(style);
}

void ComparisonSession::onCancelledRecord(const StyleSender *sender, const client::CallRecord &record) {
    const auto style = styleOf(sender->style());
    // Only the calls of a comparison cancelled as a whole: they end their rows with what they had.
    if (m_senders.value(style) == sender && m_cancelling.remove(style))
        Q_EMIT callFinished(record);
}

void ComparisonSession::onFollowUp(const client::CallRecord &record) {
    Q_EMIT followUpFinished(record);
    if (m_comparing.contains(styleOf(record.kind)))
        Q_EMIT callFinished(record);
}

void ComparisonSession::onMessages(const StyleSender *sender, const QList<client::StreamMessage> &messages) {
    const auto style = styleOf(sender->style());
    if (m_senders.value(style) == sender && sender->isBusy() && m_comparing.contains(style))
        Q_EMIT messagesReceived(style, messages);
}

void ComparisonSession::answerFirst(client::CallKind style) {
    if (m_awaitingFirst.remove(style) && m_awaitingFirst.isEmpty())
        Q_EMIT sendAllFinished();
}

void ComparisonSession::finishStyle(client::CallKind style) {
    if (!m_comparing.remove(style))
        return;
    if (!m_toSend.isEmpty()) {
        sendQueued();
        return;
    }
    if (m_comparing.isEmpty()) {
        m_events->stop();
        Q_EMIT comparisonFinished();
    }
}

void ComparisonSession::cancel() {
    const bool running = isRunning();
    // The styles whose call is still open; those report their cancelled record through onCancelledRecord.
    m_cancelling.clear();
    for (const auto style : std::as_const(m_comparing)) {
        if (sender(style)->isBusy())
            m_cancelling.insert(style);
    }
    // Ended before anything is cancelled: the records of the calls still open arrive as cancelled ones.
    m_sendAfterRestart = false;
    m_toSend.clear();
    m_comparing.clear();
    m_awaitingFirst.clear();
    m_followUps->cancel();
    m_events->stop();
    for (const auto style : std::as_const(m_cancelling))
        sender(style)->cancel();
    if (running)
        Q_EMIT comparisonCancelled();
}

} // namespace triptych::session
