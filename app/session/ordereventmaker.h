#pragma once

#include "app/client/callrecord.h"
#include "app/session/serverstate.h"

#include <QObject>
#include <QTimer>

namespace triptych::client {
class RestCaller;
}

namespace triptych::session {

// Makes order events happen while a live question's streams are open, so each stream has news to show: one REST
// write with the bearer token every interval, alternately creating an order for the user and cancelling it again
// (POST /v1/users/{id}/orders, then POST /v1/orders/{id}/cancel). Every write is reported, for the history.
class OrderEventMaker : public QObject {
    Q_OBJECT
public:
    explicit OrderEventMaker(QObject *parent = nullptr);

    void start(const Endpoints &endpoints, int userId, int everyMs);
    // Stops writing; an order created and not cancelled yet is cancelled, so the data set stays as it was.
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

Q_SIGNALS:
    void writeFinished(const triptych::client::CallRecord &record);

private:
    void onTick();
    void onWriteEnded(const client::CallRecord &record);
    void cancelOrder(int orderId);

    client::RestCaller *m_rest;
    QTimer m_timer;
    Endpoints m_endpoints;
    int m_userId = 0;
    int m_openOrder = 0; // created by the last write and not cancelled yet
    quint64 m_callId = 0;
    std::size_t m_created = 0;
    bool m_stopping = false; // the cancel of the open order is the last write
};

} // namespace triptych::session
