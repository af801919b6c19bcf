#include "server/core/eventbus.h"
#include "server/core/orderlifecycle.h"
#include "server/core/orderservice.h"
#include "server/store/database.h"
#include "tests/support/qtestprinters.h"

#include <QtTest>

#include <mutex>

using namespace triptych;

class TestOrderLifecycle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void movesNewOrdersToDelivered() {
        auto database = store::Database::open({{}, 100});
        QVERIFY(database.ok());
        EventBus events;
        OrderService service(**database, events);
        std::mutex mutex;
        QStringList seen;
        auto subscription = events.subscribe([&](const OrderEvent &event) {
            std::lock_guard lock(mutex);
            seen << testing::name(event.order.status);
        });
        OrderLifecycle lifecycle(service, events, std::chrono::milliseconds(5));
        auto created = service.createOrder({42, "Desk Lamp", 1});
        QVERIFY(created.ok());
        QTRY_COMPARE(testing::name(service.order(created->id)->status), QStringLiteral("DELIVERED"));
        std::lock_guard lock(mutex);
        QCOMPARE(seen, QStringList({"PENDING", "PAID", "SHIPPED", "DELIVERED"}));
    }

    void leavesCancelledOrdersAlone() {
        auto database = store::Database::open({{}, 100});
        EventBus events;
        OrderService service(**database, events);
        OrderLifecycle lifecycle(service, events, std::chrono::milliseconds(5));
        auto created = service.createOrder({42, "Desk Lamp", 1});
        service.cancelOrder(created->id);
        auto other = service.createOrder({42, "Desk Lamp", 1});
        QTRY_COMPARE(testing::name(service.order(other->id)->status), QStringLiteral("DELIVERED"));
        QCOMPARE(testing::name(service.order(created->id)->status), QStringLiteral("CANCELLED"));
    }
};

QTEST_GUILESS_MAIN(TestOrderLifecycle)
#include "test_orderlifecycle.moc"
