#include "app/model/historymodel.h"
#include "app/session/comparisonsession.h"
#include "app/session/serverhost.h"
#include "app/ui/historyview.h"
#include "app/ui/mainwindow.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "app/ui/statusline.h"
#include "tests/app/ui/windowoptions.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace triptych;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        m_host = std::make_unique<session::ServerHost>();
        m_data = std::make_unique<QTemporaryDir>();
        m_window = std::make_unique<ui::MainWindow>(m_host.get(), testing::isolatedWindow(*m_data));
        session::ServerSettings settings;
        settings.httpPort = 0;
        settings.grpcPort = 0;
        settings.users = 100;
        m_host->start(settings);
        QTRY_COMPARE(int(m_host->state().phase), int(session::ServerState::Phase::Running));
    }

    void cleanup() {
        m_window.reset();
        m_host.reset();
    }

    void statusLineShowsPortsAndCredentials() {
        const QString text = m_window->statusLine()->text();
        QVERIFY(text.contains(QString::number(m_host->state().httpPort)));
        QVERIFY(text.contains(QString::number(m_host->state().grpcPort)));
        QVERIFY(text.contains(QStringLiteral("demo-token")));
    }

    void historyRecordsAndResends() {
        QAbstractItemModelTester tester(m_window->historyModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_window->applyQuestion(0);
        QSignalSpy finished(m_window->session(), &session::ComparisonSession::sendAllFinished);
        m_window->session()->sendAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        QCOMPARE(m_window->historyModel()->rowCount(), 3);

        int restRow = -1;
        for (int row = 0; row < 3; ++row) {
            if (m_window->historyModel()->record(row).kind == client::CallKind::Rest)
                restRow = row;
        }
        QVERIFY(restRow >= 0);
        m_window->historyView()->selectRow(restRow);
        m_window->resendSelected();
        QTRY_COMPARE(m_window->historyModel()->rowCount(), 4);
        const auto &resent = m_window->historyModel()->record(3);
        QVERIFY(resent.kind == client::CallKind::Rest);
        QCOMPARE(resent.url, m_window->historyModel()->record(restRow).url);
        QCOMPARE(m_window->restPane()->responseView()->statusText(), QStringLiteral("200"));
    }

    // The shortcut a person presses: the first question of the table, asked in all three panes.
    void altOneAsksAllThree() {
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QSignalSpy finished(m_window->session(), &session::ComparisonSession::comparisonFinished);
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        QCOMPARE(m_window->historyModel()->rowCount(), 3);
        QVERIFY(m_window->restPane()->urlEdit()->text().endsWith(QStringLiteral("/v1/users/42/orders")));
        QCOMPARE(m_window->restPane()->responseView()->statusText(), QStringLiteral("200"));
        QCOMPARE(m_window->session()->question()->title, QStringLiteral("A user's orders"));
    }

    void panePresetsStayInTheRequestMenu() {
        QAction *create = nullptr;
        for (auto *action : m_window->menuBar()->findChildren<QAction *>()) {
            if (action->text() == QStringLiteral("Create an order (needs auth)") &&
                action->parent()->property("title").toString() == QStringLiteral("REST presets"))
                create = action;
        }
        QVERIFY(create);
        create->trigger();
        QCOMPARE(m_window->restPane()->methodBox()->currentText(), QStringLiteral("POST"));
    }

private:
    std::unique_ptr<session::ServerHost> m_host;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_data;
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
