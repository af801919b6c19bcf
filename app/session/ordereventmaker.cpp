#include "app/session/ordereventmaker.h"

#include "app/client/restcaller.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace triptych::session {

namespace {
// Products of the server's catalogue, taken in turn so the events are told apart at a glance.
const char *const kProducts[] = {"Wireless Mouse", "USB-C Hub", "Desk Lamp"};
} // namespace

OrderEventMaker::OrderEventMaker(QObject *parent)
    : QObject(parent)
    , m_rest(new client::RestCaller(this)) {
    connect(m_rest, &client::RestCaller::callFinished, this, &OrderEventMaker::onWriteEnded);
    connect(m_rest, &client::RestCaller::callFailed, this, &OrderEventMaker::onWriteEnded);
    connect(&m_timer, &QTimer::timeout, this, &OrderEventMaker::onTick);
}

void OrderEventMaker::start(const Endpoints &endpoints, int userId, int everyMs) {
    stop();
    m_stopping = false;
    m_endpoints = endpoints;
    m_userId = userId;
    m_timer.start(everyMs);
}

void OrderEventMaker::stop() {
    m_timer.stop();
    m_stopping = true;
    if (m_openOrder != 0 && m_callId == 0)
        cancelOrder(std::exchange(m_openOrder, 0));
}

void OrderEventMaker::onTick() {
    if (m_callId != 0)
        return; // the last write is still on its way: one at a time
    if (m_openOrder != 0) {
        cancelOrder(std::exchange(m_openOrder, 0));
        return;
    }
    client::RestRequest request;
    request.method = "POST";
    request.url = m_endpoints.httpBase + QStringLiteral("/v1/users/%1/orders").arg(m_userId);
    request.bodyKind = client::BodyKind::Json;
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("product"),
                                              QString::fromLatin1(kProducts[m_created++ % std::size(kProducts)])},
                                             {QStringLiteral("quantity"), 1}})
                       .toJson(QJsonDocument::Compact);
    request.auth.kind = client::AuthKind::Bearer;
    request.auth.token = m_endpoints.token;
    m_callId = m_rest->send(std::move(request));
}

void OrderEventMaker::cancelOrder(int orderId) {
    client::RestRequest request;
    request.method = "POST";
    request.url = m_endpoints.httpBase + QStringLiteral("/v1/orders/%1/cancel").arg(orderId);
    request.auth.kind = client::AuthKind::Bearer;
    request.auth.token = m_endpoints.token;
    m_callId = m_rest->send(std::move(request));
}

void OrderEventMaker::onWriteEnded(const client::CallRecord &record) {
    if (record.id != m_callId)
        return;
    m_callId = 0;
    if (record.ok() && record.httpStatus == 201)
        m_openOrder = QJsonDocument::fromJson(record.body).object().value(QStringLiteral("id")).toInt();
    Q_EMIT writeFinished(record);
    if (m_stopping && m_openOrder != 0)
        cancelOrder(std::exchange(m_openOrder, 0)); // stopped while the order was being created
}

} // namespace triptych::session
