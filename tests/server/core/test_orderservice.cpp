// The service layer's rules, shared by every style: validation, reads, writes, events, batches, threads.
#include "server/core/eventbus.h"
#include "server/core/orderservice.h"
#include "server/store/database.h"
#include "tests/support/qtestprinters.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace triptych;
using testing::name;

class TestOrderService : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        auto database = store::Database::open({{}, 1000});
        QVERIFY(database.ok());
        m_database = std::move(*database);
        m_events = std::make_unique<EventBus>();
        m_service = std::make_unique<OrderService>(*m_database, *m_events);
    }

    void createValidation_data() {
        QTest::addColumn<int>("userId");
        QTest::addColumn<QString>("product");
        QTest::addColumn<int>("quantity");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("valid") << 42 << "Desk Lamp" << 3 << ""
                               << "";
        QTest::newRow("quantity 1 is the minimum") << 42 << "Desk Lamp" << 1 << ""
                                                   << "";
        QTest::newRow("quantity 1000 is the maximum") << 42 << "Desk Lamp" << 1000 << ""
                                                      << "";
        QTest::newRow("quantity 0") << 42 << "Desk Lamp" << 0 << "INVALID_ARGUMENT"
                                    << "quantity";
        QTest::newRow("quantity 1001") << 42 << "Desk Lamp" << 1001 << "INVALID_ARGUMENT"
                                       << "quantity";
        QTest::newRow("negative quantity") << 42 << "Desk Lamp" << -5 << "INVALID_ARGUMENT"
                                           << "quantity";
        QTest::newRow("unknown product") << 42 << "Flux Capacitor" << 1 << "INVALID_ARGUMENT"
                                         << "product";
        QTest::newRow("empty product") << 42 << "" << 1 << "INVALID_ARGUMENT"
                                       << "product";
        QTest::newRow("user id 0") << 0 << "Desk Lamp" << 1 << "INVALID_ARGUMENT"
                                   << "user_id";
        QTest::newRow("unknown user") << 5000 << "Desk Lamp" << 1 << "NOT_FOUND"
                                      << "";
    }
    void createValidation() {
        QFETCH(int, userId);
        QFETCH(QString, product);
        QFETCH(int, quantity);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto before = m_service->snapshot()->orders.size();
        auto created = m_service->createOrder({userId, product.toStdString(), quantity});
        if (code.isEmpty()) {
            QVERIFY(created.ok());
            QCOMPARE(name(created->status), QStringLiteral("PENDING"));
            QCOMPARE(m_service->snapshot()->orders.size(), before + 1);
            return;
        }
        QVERIFY(!created.ok());
        QCOMPARE(name(created.error().code), code);
        if (!field.isEmpty())
            QCOMPARE(testing::qs(created.error().violations.at(0).field), field);
        QCOMPARE(m_service->snapshot()->orders.size(), before); // nothing created
    }

    void pagingLimits_data() {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit 1") << 1 << 0 << "";
        QTest::newRow("limit 100") << 100 << 0 << "";
        QTest::newRow("limit 0") << 0 << 0 << "limit";
        QTest::newRow("limit 101") << 101 << 0 << "limit";
        QTest::newRow("negative offset") << 20 << -1 << "offset";
        QTest::newRow("offset past the end") << 20 << 5000 << "";
    }
    void pagingLimits() {
        QFETCH(int, limit);
        QFETCH(int, offset);
        QFETCH(QString, field);
        auto page = m_service->listUsers(limit, offset);
        if (field.isEmpty()) {
            QVERIFY(page.ok());
            QVERIFY(int(page->items.size()) <= limit);
            QCOMPARE(page->total, 1000);
            return;
        }
        QCOMPARE(name(page.error().code), QStringLiteral("INVALID_ARGUMENT"));
        QCOMPARE(testing::qs(page.error().violations.at(0).field), field);
    }

    void statusFilter() {
        auto all = m_service->userOrders(42);
        auto delivered = m_service->userOrders(42, OrderStatus::Delivered);
        QVERIFY(!delivered->empty());
        QVERIFY(delivered->size() < all->size());
        for (const auto &order : *delivered)
            QCOMPARE(name(order.status), QStringLiteral("DELIVERED"));
        QCOMPARE(m_service->userOrders(42, std::nullopt, 5)->size(), size_t(5));
        QCOMPARE(name(m_service->userOrders(99999).error().code), QStringLiteral("NOT_FOUND"));
        QVERIFY(m_service->userOrders(7)->empty());
    }

    void cancelRules() {
        auto created = m_service->createOrder({42, "Webcam HD", 1});
        auto cancelled = m_service->cancelOrder(created->id);
        QVERIFY(cancelled.ok());
        QCOMPARE(name(cancelled->status), QStringLiteral("CANCELLED"));
        auto again = m_service->cancelOrder(created->id);
        QCOMPARE(name(again.error().code), QStringLiteral("FAILED_PRECONDITION"));
        QCOMPARE(testing::qs(again.error().reason), QStringLiteral("ORDER_ALREADY_CANCELLED"));
        QCOMPARE(name(m_service->cancelOrder(99999999).error().code), QStringLiteral("NOT_FOUND"));

        auto delivered = m_service->userOrders(42, OrderStatus::Delivered, 1);
        auto refused = m_service->cancelOrder(delivered->front().id);
        QCOMPARE(testing::qs(refused.error().reason), QStringLiteral("ORDER_ALREADY_DELIVERED"));
    }

    void writesPublishEvents() {
        std::vector<OrderEvent> seen;
        auto subscription = m_events->subscribe([&](const OrderEvent &event) { seen.push_back(event); }, 42);
        std::vector<OrderEvent> other;
        auto otherSubscription = m_events->subscribe([&](const OrderEvent &event) { other.push_back(event); }, 7);
        auto created = m_service->createOrder({42, "Desk Lamp", 2});
        m_service->cancelOrder(created->id);
        QCOMPARE(seen.size(), size_t(2));
        QVERIFY(!seen[0].previousStatus.has_value());
        QCOMPARE(name(seen[0].order.status), QStringLiteral("PENDING"));
        QCOMPARE(name(*seen[1].previousStatus), QStringLiteral("PENDING"));
        QCOMPARE(name(seen[1].order.status), QStringLiteral("CANCELLED"));
        QVERIFY(other.empty());
    }

    void storedTotalsFollowWrites() {
        const auto before = *m_service->user(7);
        auto created = m_service->createOrder({7, "Desk Lamp", 2});
        const auto afterCreate = *m_service->user(7);
        QCOMPARE(afterCreate.ordersCount, before.ordersCount + 1);
        QCOMPARE(afterCreate.lifetimeValueCents, before.lifetimeValueCents + created->totalCents);
        m_service->cancelOrder(created->id);
        const auto afterCancel = *m_service->user(7);
        QCOMPARE(afterCancel.ordersCount, before.ordersCount + 1);
        QCOMPARE(afterCancel.lifetimeValueCents, before.lifetimeValueCents);
    }

    void advanceWalksTheLifecycle() {
        auto created = m_service->createOrder({42, "Desk Lamp", 2});
        QStringList statuses;
        while (auto advanced = m_service->advanceOrder(created->id)) {
            if (!*advanced)
                break;
            statuses << name((*advanced)->status);
        }
        QCOMPARE(statuses, QStringList({"PAID", "SHIPPED", "DELIVERED"}));
    }

    void uploadReportsRejectedItemsByIndex() {
        const std::vector<CreateOrderInput> items{
            {42, "Desk Lamp", 1}, {42, "Desk Lamp", 0}, {42, "Nope", 1}, {99999, "Desk Lamp", 1}, {7, "Power Bank", 2}};
        auto summary = m_service->uploadOrders(items);
        QVERIFY(summary.ok());
        QCOMPARE(summary->receivedCount, 5);
        QCOMPARE(summary->created.size(), size_t(2));
        QCOMPARE(summary->rejected.size(), size_t(3));
        QCOMPARE(summary->rejected[0].index, 1);
        QCOMPARE(testing::qs(summary->rejected[0].field), QStringLiteral("quantity"));
        QCOMPARE(summary->rejected[1].index, 2);
        QCOMPARE(testing::qs(summary->rejected[1].field), QStringLiteral("product"));
        QCOMPARE(summary->rejected[2].index, 3);
    }

    void batchesAnswerInOneStatement() {
        const std::vector<UserId> ids{42, 7, 1, 42};
        const auto before = m_database->statementCount();
        auto orders = m_service->ordersOfUsers(ids);
        QCOMPARE(m_database->statementCount() - before, std::uint64_t(1));
        QCOMPARE(orders->size(), size_t(3));
        QCOMPARE(orders->at(42).size(), size_t(1000));
        QVERIFY(orders->at(7).empty());
        auto friends = m_service->friendsOfUsers(ids);
        QCOMPARE(friends->at(1).size(), size_t(5));
        auto users = m_service->usersByIds(ids);
        QCOMPARE(users->size(), size_t(3));
    }

    void keysetPages() {
        auto first = m_service->usersAfter(0, 2, true);
        QCOMPARE(first->users.size(), size_t(2));
        QVERIFY(first->hasNextPage);
        QCOMPARE(first->totalCount, 1000);
        auto last = m_service->usersAfter(999, 10, false);
        QCOMPARE(last->users.size(), size_t(1));
        QVERIFY(!last->hasNextPage);
        auto orders = m_service->userOrdersAfter(42, 0, 100);
        QCOMPARE(orders->orders.size(), size_t(100));
        QVERIFY(orders->hasNextPage);
    }

    void concurrentWritesAndReads() {
        constexpr int kThreads = 8;
        constexpr int kOrdersEach = 25;
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kOrdersEach; ++i) {
                    auto created = m_service->createOrder({7, "Phone Stand", 1 + (t + i) % 5});
                    if (!created || !m_service->user(42) || !m_service->cancelOrder(created->id))
                        ++failures;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(m_service->userOrders(7, OrderStatus::Cancelled)->size(), size_t(kThreads * kOrdersEach));
    }

private:
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<EventBus> m_events;
    std::unique_ptr<OrderService> m_service;
};

QTEST_GUILESS_MAIN(TestOrderService)
#include "test_orderservice.moc"
