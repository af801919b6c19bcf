#include "app/workspace/historydatabase.h"
#include "app/workspace/historystore.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace triptych::workspace;

Q_DECLARE_METATYPE(HistoryQuery)
Q_DECLARE_METATYPE(HistoryLimits)

namespace {

// Noon of a day, so that day boundaries and daylight saving never move a call to another day.
qint64 noon(int daysAgo) {
    return QDateTime(QDate::currentDate().addDays(-daysAgo), QTime(12, 0)).toMSecsSinceEpoch();
}

HistoryEntry call(RequestStyle style, const QString &method, const QString &url, int status, int daysAgo = 0) {
    HistoryEntry entry;
    entry.startedAtMs = noon(daysAgo);
    entry.style = style;
    entry.method = method;
    entry.url = url;
    entry.status = status;
    entry.statusText = QString::number(status);
    entry.durationUs = 1500;
    entry.requestHeaders = {{"Accept", "application/json"}};
    entry.responseHeaders = {{"Content-Type", "application/json"}};
    entry.responseBody = "{\"id\":42,\"name\":\"Ada Lovelace\"}";
    entry.responseBodyBytes = entry.responseBody.size();
    return entry;
}

// The calls every search row looks into, oldest first (ids 1..6).
QList<HistoryEntry> sampleCalls() {
    HistoryEntry created = call(RequestStyle::Rest, "POST", "http://127.0.0.1:8080/v1/users/42/orders", 201);
    created.requestBody = "{\"product\":\"Mechanical Keyboard\",\"quantity\":1}";
    HistoryEntry refused = call(RequestStyle::Rest, "GET", "http://127.0.0.1:9/v1/users/7", -1);
    refused.statusText = "refused";
    refused.error = "Connection refused on 127.0.0.1:9";
    refused.responseBody.clear();
    return {call(RequestStyle::Rest, "GET", "http://127.0.0.1:8080/v1/users/42/orders", 200, 10),
            call(RequestStyle::GraphQL, "POST", "http://127.0.0.1:8080/graphql", 200, 3),
            created,
            call(RequestStyle::Grpc, "/orders.v1.OrderService/GetUserOrders", "127.0.0.1:50051", 0),
            call(RequestStyle::Grpc, "/orders.v1.OrderService/GetUser", "127.0.0.1:50051", 5),
            refused};
}

QList<qint64> idsOf(const QList<HistoryDay> &days) {
    QList<qint64> ids;
    for (const HistoryDay &day : days) {
        for (const HistorySummary &summary : day.entries)
            ids.append(summary.id);
    }
    return ids;
}

} // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir *m_dir = nullptr;
    QString dbPath() const { return m_dir->filePath("data/history.sqlite"); }

    HistoryStore::Options options(HistoryLimits limits = {}) const { return {dbPath(), limits}; }

    QList<HistoryDay> searchNow(HistoryStore &store, const HistoryQuery &query) {
        QSignalSpy found(&store, &HistoryStore::searchFinished);
        const quint64 request = store.search(query);
        [&] { QTRY_COMPARE(found.count(), 1); }();
        if (found.isEmpty())
            return {};
        [&] { QCOMPARE(found.first().at(0).toULongLong(), request); }();
        return found.first().at(1).value<QList<HistoryDay>>();
    }

    void fill(HistoryStore &store, const QList<HistoryEntry> &entries) {
        QSignalSpy done(&store, &HistoryStore::appendFinished);
        for (const HistoryEntry &entry : entries)
            store.append(entry);
        store.waitForIdle();
        QTRY_VERIFY(!done.isEmpty());
    }

private Q_SLOTS:
    void init() {
        m_dir = new QTemporaryDir;
        qRegisterMetaType<QList<HistoryDay>>();
        qRegisterMetaType<HistoryEntry>();
    }
    void cleanup() {
        delete m_dir;
        m_dir = nullptr;
    }

    void searchFindsByEveryFilter_data() {
        QTest::addColumn<HistoryQuery>("query");
        QTest::addColumn<QList<qint64>>("ids");
        const auto query = [](auto change) {
            HistoryQuery q;
            change(q);
            return q;
        };
        QTest::newRow("all, newest first") << HistoryQuery{} << QList<qint64>{6, 5, 4, 3, 2, 1};
        QTest::newRow("url piece") << query([](auto &q) { q.url = "users/42"; }) << QList<qint64>{3, 1};
        QTest::newRow("url with a LIKE wildcard") << query([](auto &q) { q.url = "%"; }) << QList<qint64>{};
        QTest::newRow("method any case") << query([](auto &q) { q.method = "post"; }) << QList<qint64>{3, 2};
        QTest::newRow("style") << query([](auto &q) { q.style = RequestStyle::Grpc; }) << QList<qint64>{5, 4};
        QTest::newRow("status range") << query([](auto &q) {
            q.statusFrom = 200;
            q.statusTo = 299;
        }) << QList<qint64>{3, 2, 1};
        QTest::newRow("one status") << query([](auto &q) { q.statusFrom = 5; }) << QList<qint64>{5};
        QTest::newRow("text in a request body") << query([](auto &q) { q.text = "keyboard"; }) << QList<qint64>{3};
        QTest::newRow("text prefix") << query([](auto &q) { q.text = "Lovel"; }) << QList<qint64>{5, 4, 3, 2, 1};
        QTest::newRow("text in an error") << query([](auto &q) { q.text = "refused"; }) << QList<qint64>{6};
        QTest::newRow("text words anywhere")
            << query([](auto &q) { q.text = "GetUserOrders 50051"; }) << QList<qint64>{4};
        QTest::newRow("text with FTS syntax") << query([](auto &q) { q.text = "\"a\" OR b* (c"; }) << QList<qint64>{};
        QTest::newRow("text and filter") << query([](auto &q) {
            q.text = "orders";
            q.style = RequestStyle::Rest;
        }) << QList<qint64>{3, 1};
        QTest::newRow("since this morning")
            << query([](auto &q) { q.fromMs = QDateTime(QDate::currentDate(), QTime(0, 0)).toMSecsSinceEpoch(); })
            << QList<qint64>{6, 5, 4, 3};
        QTest::newRow("before today") << query([](auto &q) { q.toMs = noon(1); }) << QList<qint64>{2, 1};
        QTest::newRow("limit") << query([](auto &q) { q.limit = 2; }) << QList<qint64>{6, 5};
    }
    void searchFindsByEveryFilter() {
        QFETCH(HistoryQuery, query);
        QFETCH(QList<qint64>, ids);
        HistoryStore store(options());
        fill(store, sampleCalls());
        QList<qint64> found = idsOf(searchNow(store, query));
        QCOMPARE(found, ids);
    }

    void resultsAreGroupedByDay() {
        HistoryStore store(options());
        fill(store, sampleCalls());
        const QList<HistoryDay> days = searchNow(store, {});
        QCOMPARE(days.size(), 3);
        QCOMPARE(days.at(0).day, QDate::currentDate());
        QCOMPARE(days.at(0).entries.size(), 4);
        QCOMPARE(days.at(1).day, QDate::currentDate().addDays(-3));
        QVERIFY(days.at(0).day > days.at(1).day);
        QCOMPARE(days.at(2).entries.first().url, QString("http://127.0.0.1:8080/v1/users/42/orders"));
    }

    void anEntryComesBackWhole() {
        HistoryStore store(options());
        HistoryEntry sent = sampleCalls().at(2);
        sent.dnsUs = 10;
        sent.firstByteUs = 700;
        sent.traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        fill(store, {sent});
        QSignalSpy fetched(&store, &HistoryStore::entryFetched);
        store.fetch(1);
        QTRY_COMPARE(fetched.count(), 1);
        sent.id = 1;
        QCOMPARE(fetched.first().at(1).value<HistoryEntry>(), sent);
        QSignalSpy missing(&store, &HistoryStore::fetchFailed);
        store.fetch(99);
        QTRY_COMPARE(missing.count(), 1);
    }

    void largeBodiesGoToFilesOrAreCapped_data() {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("inFile");
        QTest::addColumn<qint64>("kept");
        QTest::newRow("small: in the database") << qint64(1000) << false << qint64(1000);
        QTest::newRow("1 MiB: a file beside it") << qint64(1 << 20) << true << qint64(1 << 20);
        QTest::newRow("20 MiB: first 16 MiB kept") << qint64(20 << 20) << true << historylimits::kFileBodyBytes;
    }
    void largeBodiesGoToFilesOrAreCapped() {
        QFETCH(qint64, size);
        QFETCH(bool, inFile);
        QFETCH(qint64, kept);
        HistoryStore store(options());
        HistoryEntry entry = call(RequestStyle::Rest, "GET", "http://a/big", 200);
        entry.responseBody = QByteArray(size, 'x');
        entry.responseBodyBytes = size;
        fill(store, {entry});
        const QDir bodies(dbPath() + ".bodies");
        QCOMPARE(bodies.entryList(QDir::Files).size(), inFile ? 1 : 0);
        QSignalSpy fetched(&store, &HistoryStore::entryFetched);
        store.fetch(1);
        QTRY_COMPARE(fetched.count(), 1);
        const HistoryEntry back = fetched.first().at(1).value<HistoryEntry>();
        QCOMPARE(back.responseBody.size(), kept);
        QCOMPARE(back.responseBodyBytes, size);
        QCOMPARE(back.responseBodyTruncated, kept < size);
        QSignalSpy removed(&store, &HistoryStore::removeFinished);
        store.remove(1);
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(bodies.entryList(QDir::Files).size(), 0);
    }

    void limitsDropTheOldest_data() {
        QTest::addColumn<HistoryLimits>("limits");
        QTest::addColumn<QList<qint64>>("kept");
        QTest::newRow("count") << HistoryLimits{3, 0, 0} << QList<qint64>{6, 5, 4};
        QTest::newRow("age") << HistoryLimits{0, 2, 0} << QList<qint64>{6, 5, 4, 3};
        QTest::newRow("size") << HistoryLimits{0, 0, 1200} << QList<qint64>{6, 5, 4};
        QTest::newRow("none") << HistoryLimits{0, 0, 0} << QList<qint64>{6, 5, 4, 3, 2, 1};
    }
    void limitsDropTheOldest() {
        QFETCH(HistoryLimits, limits);
        QFETCH(QList<qint64>, kept);
        HistoryStore store(options(limits));
        fill(store, sampleCalls());
        QCOMPARE(idsOf(searchNow(store, {})), kept);
    }

    void changedLimitsApplyAtOnce() {
        HistoryStore store(options(HistoryLimits{0, 0, 0}));
        fill(store, sampleCalls());
        store.setLimits({2, 0, 0});
        QCOMPARE(idsOf(searchNow(store, {})), (QList<qint64>{6, 5}));
        QCOMPARE(store.limits().maxEntries, 2);
    }

    void historySurvivesARestart() {
        {
            HistoryStore store(options());
            for (const HistoryEntry &entry : sampleCalls())
                store.append(entry);
        } // closing finishes every write
        HistoryStore again(options());
        QCOMPARE(idsOf(searchNow(again, {})).size(), 6);
        QSignalSpy cleared(&again, &HistoryStore::clearFinished);
        again.clear();
        QTRY_COMPARE(cleared.count(), 1);
        QVERIFY(idsOf(searchNow(again, {})).isEmpty());
    }

    // kill -9 right after calls were written: they are there, and the database opens.
    void historySurvivesACrash() {
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            {
                HistoryDatabase database;
                QString error;
                QList<HistoryEntry> entries = sampleCalls();
                if (database.open(dbPath(), &error))
                    database.append(entries, &error);
                raise(SIGKILL); // while the database is still open: no clean close, the WAL not checkpointed
            }
            _exit(0);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));
        HistoryStore store(options());
        QCOMPARE(idsOf(searchNow(store, {})).size(), 6);
    }

    void appendsAfterAFailedOpenAreReported() {
        QFile blocker(m_dir->filePath("file"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        HistoryStore store({m_dir->filePath("file/history.sqlite"), {}});
        QSignalSpy failedOpen(&store, &HistoryStore::openFailed);
        QSignalSpy failed(&store, &HistoryStore::appendFailed);
        store.append(sampleCalls().first());
        QTRY_COMPARE(failedOpen.count(), 1);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().toString(), QString("The history database is not open"));
        QSignalSpy searchFailed(&store, &HistoryStore::searchFailed);
        store.search({});
        QTRY_COMPARE(searchFailed.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "test_historystore.moc"
