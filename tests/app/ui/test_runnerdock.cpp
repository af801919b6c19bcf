#include "app/ui/runnerdock.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/variableresolver.h"
#include "app/workspace/workspace.h"
#include "testserver.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace triptych;

// The Runner dock against the in-process server: each request and check as it finishes, what differed, re-run failed.
class TestRunnerDock : public QObject {
    Q_OBJECT
    TestServer m_server;
    QTemporaryDir m_folder;
    workspace::Workspace m_workspace;
    workspace::VariableResolver m_resolver;

    bool write(const QString &path, const QByteArray &text) {
        return workspace::writeFileAtomically(m_folder.filePath(path), text);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_server.start());
        QVERIFY(m_folder.isValid());
        QVERIFY(write("workspace.yaml", "version: 1\n"));
        QVERIFY(write("Orders/A user.rest.yaml", "version: 1\nurl: '{{baseUrl}}/v1/users/42'\nchecks:\n"
                                                 "  - status: 200\n  - jsonPath: $.id\n    equals: 42\n"));
        QVERIFY(write("Orders/Wrong user.rest.yaml", "version: 1\nurl: '{{baseUrl}}/v1/users/42'\nchecks:\n"
                                                     "  - status: 200\n  - jsonPath: $.id\n    equals: 43\n"));
        QVERIFY(write("Other/Not run.rest.yaml", "version: 1\nurl: '{{baseUrl}}/v1/users/1'\n"));
        QString error;
        QVERIFY2(m_workspace.open(m_folder.path(), &error), qPrintable(error));
        m_resolver.setWorkspaceVariables(
            {{QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:%1").arg(m_server.state().httpPort)}});
    }

    void runsAFolderAndShowsWhatDiffered() {
        ui::RunnerDock dock;
        QSignalSpy finished(&dock, &ui::RunnerDock::runFinished);
        QVERIFY(dock.runFolder(&m_workspace, "Orders", m_resolver));
        QVERIFY(dock.isRunning());
        QVERIFY(dock.stopButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
        QTreeWidget *tree = dock.tree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("✓ Orders/A user.rest"));
        QVERIFY2(tree->topLevelItem(0)->text(1).startsWith("200 · "), qPrintable(tree->topLevelItem(0)->text(1)));
        QTreeWidgetItem *failed = tree->topLevelItem(1);
        QCOMPARE(failed->text(0), QStringLiteral("✗ Orders/Wrong user.rest"));
        QCOMPARE(failed->childCount(), 2);
        QCOMPARE(failed->child(0)->text(0), QStringLiteral("✓ status equals 200"));
        QCOMPARE(failed->child(1)->text(0), QStringLiteral("✗ jsonPath $.id equals 43"));
        QCOMPARE(failed->child(1)->text(1), QStringLiteral("expected 43, got 42"));
        QVERIFY2(dock.totalsText().startsWith("2 request(s), 4 check(s): 3 passed, 1 failed; 0 request error(s)"),
                 qPrintable(dock.totalsText()));
        QCOMPARE(dock.failedPaths(), QStringList{"Orders/Wrong user.rest.yaml"});
        QVERIFY(dock.rerunButton()->isEnabled());

        // A double-click opens the answer.
        QSignalSpy activated(&dock, &ui::RunnerDock::resultActivated);
        Q_EMIT tree->itemActivated(failed->child(1), 0);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), QStringLiteral("Orders/Wrong user.rest.yaml"));
        QVERIFY(activated.first().at(1).value<client::CallRecord>().body.contains("\"id\""));

        // Re-run failed runs only the failed one.
        dock.rerunButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20'000);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("✗ Orders/Wrong user.rest"));
    }

    void stopEndsTheRun() {
        ui::RunnerDock dock;
        QSignalSpy finished(&dock, &ui::RunnerDock::runFinished);
        QVERIFY(dock.runFolder(&m_workspace, {}, m_resolver));
        dock.stop();
        QVERIFY(!dock.stopButton()->isEnabled());
        QTRY_COMPARE(finished.size(), 1); // the run lives on its own thread
        QVERIFY(!dock.isRunning());
        QVERIFY2(dock.totalsText().contains("stopped"), qPrintable(dock.totalsText()));
        QVERIFY(dock.tree()->topLevelItemCount() < 3); // of the workspace's three requests
    }

    void emptyFolderSaysSo() {
        ui::RunnerDock dock;
        QSignalSpy message(&dock, &ui::RunnerDock::message);
        QVERIFY(!dock.runFolder(&m_workspace, "Nowhere", m_resolver));
        QCOMPARE(message.size(), 1);
    }
};

QTEST_MAIN(TestRunnerDock)
#include "test_runnerdock.moc"
