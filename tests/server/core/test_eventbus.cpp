#include "server/core/eventbus.h"

#include <QtTest>

using namespace triptych;

class TestEventBus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deliversToMatchingSubscribers_data() {
        QTest::addColumn<int>("filterUser");
        QTest::addColumn<int>("eventUser");
        QTest::addColumn<bool>("delivered");
        QTest::newRow("no filter") << 0 << 42 << true;
        QTest::newRow("same user") << 42 << 42 << true;
        QTest::newRow("other user") << 7 << 42 << false;
    }
    void deliversToMatchingSubscribers() {
        QFETCH(int, filterUser);
        QFETCH(int, eventUser);
        QFETCH(bool, delivered);
        EventBus bus;
        int calls = 0;
        auto subscription = bus.subscribe([&](const OrderEvent &) { ++calls; },
                                          filterUser ? std::optional<UserId>(filterUser) : std::nullopt);
        OrderEvent event;
        event.order.userId = eventUser;
        bus.publish(event);
        QCOMPARE(calls, delivered ? 1 : 0);
    }

    void unsubscribesWhenTheSubscriptionEnds() {
        EventBus bus;
        int calls = 0;
        auto subscription = bus.subscribe([&](const OrderEvent &) { ++calls; });
        QCOMPARE(bus.subscriberCount(), size_t(1));
        subscription.reset();
        QCOMPARE(bus.subscriberCount(), size_t(0));
        bus.publish({});
        QCOMPARE(calls, 0);
    }

    void aHandlerMayUnsubscribeItself() {
        EventBus bus;
        std::unique_ptr<EventBus::Subscription> subscription;
        int calls = 0;
        subscription = bus.subscribe([&](const OrderEvent &) {
            ++calls;
            subscription.reset();
        });
        bus.publish({});
        bus.publish({});
        QCOMPARE(calls, 1);
    }

    void aSubscriptionMayOutliveTheBus() {
        auto bus = std::make_unique<EventBus>();
        auto subscription = bus->subscribe([](const OrderEvent &) {});
        bus.reset();
        subscription.reset(); // must not touch the destroyed bus
        QVERIFY(true);
    }
};

QTEST_GUILESS_MAIN(TestEventBus)
#include "test_eventbus.moc"
