// Automatic persisted queries stay bounded in count and in bytes: big documents push the oldest out.
#include "server/graphqlapi/limits.h"
#include "server/graphqlapi/persistedqueries.h"

#include <QtTest>

using namespace triptych::graphqlapi;

class TestPersistedQueries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsWhatItWasGiven() {
        PersistedQueries store;
        const std::string query = "{ user(id: 1) { id } }";
        QVERIFY(store.store(PersistedQueries::sha256Hex(query), query));
        QCOMPARE(store.find(PersistedQueries::sha256Hex(query)).value_or(""), query);
        QVERIFY(!store.store(std::string(64, '0'), query)); // not its hash
    }

    void boundedInBytes() {
        PersistedQueries store;
        const std::size_t queryBytes = limits::kMaxPersistedQueryBytes - 16;
        const std::size_t count = 2 * limits::kMaxPersistedQueryStoreBytes / queryBytes;
        std::vector<std::string> hashes;
        for (std::size_t i = 0; i < count; ++i) {
            std::string query = "{ a" + std::to_string(i) + " }";
            query.resize(queryBytes, ' ');
            hashes.push_back(PersistedQueries::sha256Hex(query));
            QVERIFY(store.store(hashes.back(), query));
        }
        QVERIFY(store.size() * queryBytes <= limits::kMaxPersistedQueryStoreBytes);
        QVERIFY(store.size() >= count / 2 - 1);
        QVERIFY(!store.find(hashes.front())); // the oldest went first
        QVERIFY(store.find(hashes.back()));
    }
};

QTEST_GUILESS_MAIN(TestPersistedQueries)
#include "test_persistedqueries.moc"
