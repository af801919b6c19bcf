// The contract's data set: its facts, and that the same seed gives the same bytes.
#include "server/core/eventbus.h"
#include "server/core/orderservice.h"
#include "server/domain/catalog.h"
#include "server/domain/timestamps.h"
#include "server/store/database.h"
#include "server/store/orderrepository.h"
#include "tests/support/qtestprinters.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <set>

using namespace triptych;

namespace {

std::unique_ptr<store::Database> openDatabase(const std::string &path = {}, int users = 1000) {
    auto database = store::Database::open({path, users});
    if (!database)
        qFatal("cannot open database: %s", database.error().message.c_str());
    return std::move(*database);
}

// A canonical dump of every table, hashed: equal hashes mean byte-identical data.
QByteArray datasetHash(store::Database &database) {
    auto lease = database.connection();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *sql : {"SELECT * FROM users ORDER BY id", "SELECT * FROM orders ORDER BY id",
                            "SELECT * FROM friends ORDER BY user_id, friend_id"}) {
        auto statement = (*lease)->prepare(sql);
        while (statement.step()) {
            for (int column = 0; column < statement.columnCount(); ++column) {
                const auto text = statement.textViewAt(column);
                hash.addData(QByteArrayView(text.data(), qsizetype(text.size())));
                hash.addData("\x1f");
            }
            hash.addData("\n");
        }
    }
    return hash.result().toHex();
}

} // namespace

class TestDatasetGenerator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        m_database = openDatabase();
        m_service = std::make_unique<OrderService>(*m_database, m_events);
    }

    void userCountIsAsAsked() {
        auto page = m_service->listUsers(1, 0);
        QVERIFY(page.ok());
        QCOMPARE(page->total, 1000);
        QCOMPARE(page->items.front().id, 1);
        QVERIFY(m_service->user(1000).ok());
        QCOMPARE(testing::name(m_service->user(1001).error().code), QStringLiteral("NOT_FOUND"));
    }

    void ordersPerUser_data() {
        QTest::addColumn<int>("userId");
        QTest::addColumn<int>("minOrders");
        QTest::addColumn<int>("maxOrders");
        QTest::newRow("user 42 has exactly 1,000 orders") << 42 << 1000 << 1000;
        QTest::newRow("user 7 has none") << 7 << 0 << 0;
        QTest::newRow("user 1: 0..20") << 1 << 0 << 20;
        QTest::newRow("user 500: 0..20") << 500 << 0 << 20;
        QTest::newRow("user 1000: 0..20") << 1000 << 0 << 20;
    }
    void ordersPerUser() {
        QFETCH(int, userId);
        QFETCH(int, minOrders);
        QFETCH(int, maxOrders);
        auto orders = m_service->userOrders(userId);
        QVERIFY(orders.ok());
        QVERIFY(int(orders->size()) >= minOrders && int(orders->size()) <= maxOrders);
        auto user = m_service->user(userId);
        QCOMPARE(user->ordersCount, int(orders->size()));
    }

    void everyOtherUserHasAtMostTwentyOrders() {
        auto snapshot = m_service->snapshot();
        QVERIFY(snapshot.ok());
        std::map<UserId, int> counts;
        for (const auto &order : snapshot->orders)
            ++counts[order.userId];
        for (const auto &[userId, count] : counts) {
            if (userId != 42)
                QVERIFY2(count <= 20, qPrintable(QStringLiteral("user %1 has %2").arg(userId).arg(count)));
        }
        QCOMPARE(counts[42], 1000);
        QCOMPARE(counts.count(7), size_t(0));
    }

    void ordersAreConsistent() {
        auto snapshot = m_service->snapshot();
        OrderId previous = 0;
        for (const auto &order : snapshot->orders) {
            QVERIFY(order.id > previous);
            previous = order.id;
            const auto product = catalog::findProduct(order.product);
            QVERIFY2(product.has_value(), order.product.c_str());
            QCOMPARE(order.totalCents, order.quantity * product->unitPriceCents);
            QVERIFY(order.quantity >= 1 && order.quantity <= 1000);
            QVERIFY(order.createdAt > 0);
        }
    }

    void everyUserHasFiveOtherUsersAsFriends() {
        auto snapshot = m_service->snapshot();
        std::map<UserId, std::set<UserId>> friends;
        for (const auto &[user, friendId] : snapshot->friends) {
            QVERIFY(user != friendId);
            QVERIFY(friendId >= 1 && friendId <= 1000);
            friends[user].insert(friendId);
        }
        QCOMPARE(friends.size(), size_t(1000));
        for (const auto &[user, set] : friends)
            QCOMPARE(set.size(), size_t(5));
        auto list = m_service->friends(42);
        QCOMPARE(list->size(), size_t(5));
    }

    void everyUserFieldHasARealisticValue() {
        auto users = m_service->listUsers(100, 0);
        for (const auto &user : users->items) {
            for (const std::string *field :
                 {&user.name, &user.email, &user.avatarUrl, &user.bio, &user.phone, &user.locale, &user.timezone,
                  &user.company, &user.jobTitle, &user.website, &user.street, &user.city, &user.postalCode,
                  &user.country, &user.dateOfBirth, &user.loyaltyTier, &user.preferredCurrency, &user.preferredLanguage,
                  &user.notes})
                QVERIFY2(!field->empty(), qPrintable(QString::number(user.id)));
            QVERIFY(user.email.find('@') != std::string::npos);
            QVERIFY(user.createdAt <= user.updatedAt && user.updatedAt <= user.lastLoginAt);
            QCOMPARE(formatRfc3339(user.createdAt).size(), size_t(20));
            QVERIFY(QDate::fromString(QString::fromStdString(user.dateOfBirth), Qt::ISODate).isValid());
        }
    }

    void lifetimeValueExcludesCancelledOrders() {
        auto orders = m_service->userOrders(42);
        std::int64_t expected = 0;
        for (const auto &order : *orders) {
            if (order.status != OrderStatus::Cancelled)
                expected += order.totalCents;
        }
        QCOMPARE(m_service->user(42)->lifetimeValueCents, expected);
    }

    void sameSeedGivesIdenticalBytes() {
        auto first = openDatabase();
        auto second = openDatabase();
        const QByteArray hash = datasetHash(*first);
        QCOMPARE(datasetHash(*second), hash);
        QCOMPARE(datasetHash(*m_database), hash);
    }

    void generationIsDeterministicAcrossSizes() {
        // The first users of a bigger set are not the point; a different size is still reproducible.
        auto first = openDatabase({}, 50);
        auto second = openDatabase({}, 50);
        QCOMPARE(datasetHash(*first), datasetHash(*second));
    }

    void keptDatabaseIsReusedAcrossRuns() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("orders.sqlite")).toStdString();
        OrderId created = 0;
        {
            auto database = openDatabase(path);
            QVERIFY(database->generatedAtOpen());
            EventBus events;
            OrderService service(*database, events);
            auto order = service.createOrder({7, "Desk Lamp", 2});
            QVERIFY(order.ok());
            created = order->id;
        }
        auto reopened = openDatabase(path);
        QVERIFY(!reopened->generatedAtOpen());
        EventBus events;
        OrderService service(*reopened, events);
        QCOMPARE(testing::qs(service.order(created)->product), QStringLiteral("Desk Lamp"));
        QCOMPARE(service.userOrders(7)->size(), size_t(1));
    }

    void foreignFilesAreRefused_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expectedWords");
        QTest::newRow("not sqlite") << QByteArray("hello, this is not a database at all, just some text........")
                                    << QStringLiteral("SQLite");
        QTest::newRow("other schema") << QByteArray() << QStringLiteral("not a Triptych database");
        QTest::newRow("newer version") << QByteArray("version") << QStringLiteral("schema version 99");
    }
    void foreignFilesAreRefused() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expectedWords);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("foreign.sqlite"));
        if (content.isEmpty() || content == "version") {
            sqlite3 *handle = nullptr;
            sqlite3_open(path.toUtf8().constData(), &handle);
            const char *sql = content.isEmpty() ? "CREATE TABLE notes(text TEXT);"
                                                : "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
                                                  "INSERT INTO meta VALUES('schema_version','99');";
            sqlite3_exec(handle, sql, nullptr, nullptr, nullptr);
            sqlite3_close(handle);
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content.repeated(100));
        }
        auto database = store::Database::open({path.toStdString(), 1000});
        QVERIFY(!database.ok());
        QVERIFY2(QString::fromStdString(database.error().message).contains(expectedWords),
                 database.error().message.c_str());
    }

    void usersOutOfRangeAreRefused() {
        auto database = store::Database::open({{}, 10});
        QVERIFY(!database.ok());
        QVERIFY(QString::fromStdString(database.error().message).contains(QStringLiteral("--users")));
    }

private:
    EventBus m_events;
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<OrderService> m_service;
};

QTEST_GUILESS_MAIN(TestDatasetGenerator)
#include "test_datasetgenerator.moc"
