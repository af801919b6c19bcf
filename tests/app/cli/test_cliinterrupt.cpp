#include "app/cli/cliinterrupt.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace triptych::cli;

namespace {

bool sigintIsDefault() {
    struct sigaction current {};
    sigaction(SIGINT, nullptr, &current);
    return current.sa_handler == SIG_DFL;
}

} // namespace

class TestCliInterrupt : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The first Ctrl+C becomes a signal on the event loop; the second would end the process as usual.
    void firstInterruptIsASignal() {
        InterruptNotifier notifier;
        QSignalSpy interrupted(&notifier, &InterruptNotifier::interrupted);
        QVERIFY(!sigintIsDefault());
        QCOMPARE(::raise(SIGINT), 0);
        QTRY_COMPARE(interrupted.count(), 1);
        QVERIFY(sigintIsDefault());
    }

    void destructionRestoresTheDefault() {
        {
            InterruptNotifier notifier;
            QVERIFY(!sigintIsDefault());
        }
        QVERIFY(sigintIsDefault());
    }

    // A later notifier (the next subscription in the same process) works as the first did.
    void aLaterNotifierWorksToo() {
        for (int round = 0; round < 2; ++round) {
            InterruptNotifier notifier;
            QSignalSpy interrupted(&notifier, &InterruptNotifier::interrupted);
            QCOMPARE(::raise(SIGINT), 0);
            QTRY_COMPARE(interrupted.count(), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliInterrupt)
#include "test_cliinterrupt.moc"
