#include "app/client/messagebatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <thread>
#include <vector>

using namespace triptych;
using client::MessageBatcher;

namespace {
client::StreamMessage order(int i) {
    return {false, i, 12, QStringLiteral("order"), QByteArray("{\"id\":") + QByteArray::number(i) + "}"};
}

// What the receiving thread saw: every message, per call, in the order each worker added them.
struct Received {
    QHash<quint64, QList<qint64>> offsets;
    int deliveries = 0;
    int messages = 0;
};
} // namespace

class TestMessageBatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deliversEveryMessageInFewerEvents_data() {
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("perWorker");
        QTest::newRow("one message") << 1 << 1;
        QTest::newRow("a thousand from one worker") << 1 << 1000;
        QTest::newRow("a hundred thousand from one worker") << 1 << 100'000;
        QTest::newRow("four workers, 50,000 each") << 4 << 50'000;
    }
    void deliversEveryMessageInFewerEvents() {
        QFETCH(int, workers);
        QFETCH(int, perWorker);
        QObject target;
        Received received;
        auto batcher = std::make_shared<MessageBatcher>(&target, [&received](const MessageBatcher::Batch &batch) {
            ++received.deliveries;
            received.messages += int(batch.size());
            for (const auto &[callId, message] : batch)
                received.offsets[callId].append(message.offsetUs);
        });
        std::vector<std::thread> threads;
        for (int worker = 0; worker < workers; ++worker) {
            threads.emplace_back([batcher, worker, perWorker] {
                for (int i = 0; i < perWorker; ++i)
                    batcher->add(quint64(worker + 1), order(i));
            });
        }
        for (auto &thread : threads)
            thread.join();
        const int total = workers * perWorker;
        QTRY_COMPARE(received.messages, total);
        QCOMPARE(received.offsets.size(), workers);
        for (const auto &offsets : std::as_const(received.offsets)) {
            QCOMPARE(offsets.size(), perWorker);
            QCOMPARE(offsets.last(), qint64(perWorker - 1));
            QVERIFY(std::is_sorted(offsets.cbegin(), offsets.cend())); // each call's messages in order
        }
        QCOMPARE(received.deliveries, int(batcher->postedEvents()));
        if (total == 1)
            QCOMPARE(batcher->postedEvents(), qint64(1));
        else
            QVERIFY2(batcher->postedEvents() < total / 10, qPrintable(QString::number(batcher->postedEvents())));
    }

    void flushDeliversWhatIsQueuedAtOnce() {
        QObject target;
        int delivered = 0;
        auto batcher = std::make_shared<MessageBatcher>(
            &target, [&delivered](const MessageBatcher::Batch &batch) { delivered += int(batch.size()); });
        for (int i = 0; i < 5; ++i)
            batcher->add(7, order(i));
        QCOMPARE(delivered, 0); // posted, not yet run
        batcher->flush();       // a call's end reported now must find its messages delivered
        QCOMPARE(delivered, 5);
        QCoreApplication::processEvents(); // the posted delivery finds nothing left
        QTest::qWait(MessageBatcher::kFrame.count() * 2);
        QCOMPARE(delivered, 5);
    }

    void aDetachedBatcherDeliversNothing() {
        QObject target;
        int delivered = 0;
        auto batcher = std::make_shared<MessageBatcher>(
            &target, [&delivered](const MessageBatcher::Batch &batch) { delivered += int(batch.size()); });
        batcher->add(1, order(1));
        batcher->detach();
        batcher->add(1, order(2));
        QTest::qWait(MessageBatcher::kFrame.count() * 2);
        QCOMPARE(delivered, 0);
        QCOMPARE(batcher->postedEvents(), qint64(1));
    }

    void cutsABatchIntoRunsOfOneCall() {
        const MessageBatcher::Batch batch{{1, order(0)}, {1, order(1)}, {2, order(2)}, {1, order(3)}};
        const auto runs = MessageBatcher::byCall(batch);
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs.at(0).first, quint64(1));
        QCOMPARE(runs.at(0).second.size(), 2);
        QCOMPARE(runs.at(1).first, quint64(2));
        QCOMPARE(runs.at(2).second.first().offsetUs, qint64(3));
    }
};

QTEST_GUILESS_MAIN(TestMessageBatcher)
#include "test_messagebatcher.moc"
