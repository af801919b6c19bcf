#include "app/ui/panesender.h"

#include "app/client/restcaller.h"
#include "app/model/streammessagemodel.h"
#include "app/ui/composerpane.h"
#include "app/ui/responseview.h"

namespace triptych::ui {

PaneSender::PaneSender(ComposerPane *pane)
    : session::StyleSender(pane)
    , m_pane(pane) {
    connect(pane, &ComposerPane::callCompleted, this, [this](const client::CallRecord &record) {
        // A call made before the last send (a subscription completing as it is replaced, a call the session
        // cancelled whose record comes after the next send) is no answer. Call ids grow with every call made, on
        // this thread; the start time does not tell, as a transfer stamps it on the thread that starts it.
        if (record.id <= m_idBeforeSend)
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
    m_idBeforeSend = client::RestCaller::nextCallId();
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
