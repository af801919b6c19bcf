#include "server/http/scheduler.h"

#include <QtTest>

#include <atomic>
#include <mutex>
#include <stdexcept>

using namespace triptych::http;
using namespace std::chrono_literals;

namespace {

// What the scheduler's thread ran, read from the test thread.
class Record {
public:
    void add(int value) {
        std::lock_guard lock(m_mutex);
        m_values.append(value);
    }
    QList<int> values() const {
        std::lock_guard lock(m_mutex);
        return m_values;
    }

private:
    mutable std::mutex m_mutex;
    QList<int> m_values;
};

} // namespace

class TestScheduler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Tasks run in the order of their times, not of their scheduling; a time already passed runs at once.
    void runsInTimeOrder_data() {
        QTest::addColumn<QList<int>>("offsetsMs");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("scheduled in order") << QList<int>{0, 10, 20} << QList<int>{0, 1, 2};
        QTest::newRow("scheduled in reverse") << QList<int>{40, 20, 0} << QList<int>{2, 1, 0};
        QTest::newRow("past times first") << QList<int>{30, -1000, 0} << QList<int>{1, 2, 0};
        QTest::newRow("equal times keep their order") << QList<int>{5, 5, 5} << QList<int>{0, 1, 2};
    }
    void runsInTimeOrder() {
        QFETCH(QList<int>, offsetsMs);
        QFETCH(QList<int>, expected);
        Record record;
        Scheduler scheduler;
        const auto now = Scheduler::Clock::now();
        for (int i = 0; i < offsetsMs.size(); ++i)
            scheduler.at(now + std::chrono::milliseconds(offsetsMs[i]), [&record, i] { record.add(i); });
        QTRY_COMPARE(record.values().size(), expected.size());
        QCOMPARE(record.values(), expected);
        QCOMPARE(scheduler.pendingCount(), std::size_t(0));
    }

    // A task runs outside the queue's lock, so it may schedule the next one (how streams pace themselves).
    void taskSchedulesNext() {
        Record record;
        Scheduler scheduler;
        scheduler.after(0ms, [&] {
            record.add(1);
            scheduler.after(1ms, [&] { record.add(2); });
        });
        QTRY_COMPARE(record.values(), (QList<int>{1, 2}));
    }

    void throwingTaskEndsOnlyItself() {
        Record record;
        Scheduler scheduler;
        const auto now = Scheduler::Clock::now();
        scheduler.at(now, [] { throw std::runtime_error("task failed"); });
        scheduler.at(now + 1ms, [&] { record.add(1); });
        QTRY_COMPARE(record.values(), QList<int>{1});
    }

    // Destruction drops what has not run yet (and its captures) without waiting for it.
    void destructionDropsPendingTasks() {
        auto capture = std::make_shared<int>(0);
        std::atomic<bool> ran = false;
        {
            Scheduler scheduler;
            scheduler.after(1h, [capture, &ran] { ran = true; });
            QCOMPARE(scheduler.pendingCount(), std::size_t(1));
            QCOMPARE(capture.use_count(), 2L);
        }
        QCOMPARE(capture.use_count(), 1L);
        QVERIFY(!ran);
    }

    // A stream's task may hold the last owner of the scheduler; the thread cannot join itself, so it is let go.
    void lastOwnerMayBeATask() {
        std::atomic<bool> released = false;
        auto scheduler = std::make_shared<Scheduler>();
        auto guard = std::shared_ptr<void>(nullptr, [&](void *) { released = true; });
        scheduler->after(1ms, [owner = scheduler, guard = std::move(guard)] {});
        scheduler.reset();
        QTRY_VERIFY(released);
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "test_scheduler.moc"
