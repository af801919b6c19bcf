#pragma once

#include "app/client/callrecord.h"
#include "app/session/question.h"
#include "app/session/serverstate.h"

#include <QList>
#include <QObject>

namespace triptych::session {

// One style's side of a comparison: holds that style's call of a question and sends it. ComparisonSession drives
// three of them; the window serves them with its panes (so a person sees what is sent), the CLI and tests with
// ClientSender.
class StyleSender : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual client::CallKind style() const = 0;
    // Takes this style's part of the question as the call to send next.
    virtual void load(const Question &question) = 0;
    // Sends the call held now; false when nothing was sent (its problem is shown where the call is held).
    // `endpoints` is where the server listens now; a sender that holds whole URLs may keep its own.
    virtual bool send(const Endpoints &endpoints) = 0;
    virtual void cancel() = 0;
    virtual bool isBusy() const = 0;

Q_SIGNALS:
    // The call held now ended, whatever its status.
    void callFinished(const triptych::client::CallRecord &record);
    // A call stopped by cancel() ended with what it had until then (time, bytes, messages, trace).
    void cancelledCallFinished(const triptych::client::CallRecord &record);
    // Messages of a stream while the call is open, in arrival order.
    void messagesReceived(const QList<triptych::client::StreamMessage> &messages);
};

} // namespace triptych::session
