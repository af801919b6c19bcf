#include "app/ui/panesender.h"

#include "app/model/streammessagemodel.h"
#include "app/ui/composerpane.h"
#include "app/ui/responseview.h"

#include <chrono>

namespace triptych::ui {

PaneSender::PaneSender(ComposerPane *pane)
    : session::StyleSender(pane)
    , m_pane(pane) {
    connect(pane, &ComposerPane::callCompleted, this, [this](const client::CallRecord &record) {
        // A call that started before the last send (a subscription completing as it is replaced) is no answer.
        if (record.startedAtUnixNs < m_sentAtUnixNs)
            return;
        if (std::exchange(m_cancelled, false))
            Q_EMIT cancelledCallFinished(record);
        else
            Q_EMIT callFinished(record);
    });
    // The response view keeps a stream's messages in a StreamMessageModel; its new rows are the live messages.
    auto *messages = pane->responseView()->findChild<model::StreamMessageModel *>();
    if (!messages)
        return;
    connect(messages, &QAbstractItemModel::rowsInserted, this,
            [this, messages](const QModelIndex &, int first, int last) {
                if (!m_pane->isBusy())
                    return; // a history entry being shown, not a call
                QList<client::StreamMessage> batch;
                batch.reserve(last - first + 1);
                for (int row = first; row <= last; ++row)
                    batch.append(messages->message(row));
                Q_EMIT messagesReceived(batch);
            });
}

client::CallKind PaneSender::style() const {
    return m_pane->style();
}

void PaneSender::load(const session::Question &question) {
    m_pane->applyQuestion(question);
}

bool PaneSender::send(const session::Endpoints &) {
    m_cancelled = false;
    m_sentAtUnixNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    m_pane->send();
    return m_pane->isBusy();
}

void PaneSender::cancel() {
    m_cancelled = m_pane->isBusy();
    m_pane->cancel();
}

bool PaneSender::isBusy() const {
    return m_pane->isBusy();
}

} // namespace triptych::ui
