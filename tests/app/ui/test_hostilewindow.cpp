// The window against hostile servers (tests/support/hostileserver.h): the GUI thread keeps processing events while a
// call floods it, the response size limit set in the window stops the call with a clear message, and Request ▸
// Cancel ends a call that would never end.
#include "app/session/serverhost.h"
#include "app/ui/mainwindow.h"
#include "app/ui/responselimitsetting.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "tests/app/ui/windowoptions.h"
#include "tests/support/hostileserver.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace triptych;
using testing::HostileServer;
using testing::Misbehaviour;

namespace {
constexpr int kWaitMs = 30'000;
constexpr int kTickMs = 10;

QAction *menuAction(QMenuBar *bar, const QString &text) {
    for (auto *menu : bar->findChildren<QMenu *>()) {
        for (auto *action : menu->actions()) {
            if (action->text() == text)
                return action;
        }
    }
    return nullptr;
}

HostileServer::Options misbehaving(Misbehaviour how) {
    HostileServer::Options options;
    options.how = how;
    return options;
}
} // namespace

class TestHostileWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        QSettings().clear();
        m_host = std::make_unique<session::ServerHost>();
        m_data = std::make_unique<QTemporaryDir>();
        m_window = std::make_unique<ui::MainWindow>(m_host.get(), testing::isolatedWindow(*m_data));
        m_window->show();
        // The GUI thread's heartbeat: a stalled event loop would let these pile up into one late tick.
        m_ticks = 0;
        m_heartbeat = std::make_unique<QTimer>();
        connect(m_heartbeat.get(), &QTimer::timeout, this, [this] { ++m_ticks; });
        m_heartbeat->start(kTickMs);
    }

    void cleanup() {
        m_heartbeat.reset();
        m_window.reset();
        m_host.reset();
        QSettings().clear();
    }

    void eventLoopKeepsRunningDuringAnEndlessBodyAndCancelEndsIt() {
        HostileServer server(misbehaving(Misbehaviour::EndlessBody));
        auto *pane = m_window->restPane();
        pane->urlEdit()->setText(server.url());
        pane->send();
        QTRY_VERIFY_WITH_TIMEOUT(server.bytesSent() > 1024 * 1024, kWaitMs);
        const int ticksBefore = m_ticks;
        const qint64 bytesBefore = server.bytesSent();
        // The server goes on sending tens of megabytes while the window's timer keeps firing and input is handled.
        QTRY_VERIFY_WITH_TIMEOUT(m_ticks > ticksBefore + 20 && server.bytesSent() > bytesBefore + 8 * 1024 * 1024,
                                 kWaitMs);
        QTest::keyClicks(pane->urlEdit(), QStringLiteral("x"));
        QVERIFY(pane->urlEdit()->text().endsWith(QLatin1Char('x')));
        QCOMPARE(server.openConnections(), 1);
        QVERIFY(pane->responseView()->errorText().isEmpty());
        QAction *cancel = menuAction(m_window->menuBar(), QStringLiteral("&Cancel"));
        QVERIFY(cancel);
        cancel->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(pane->responseView()->statusText().contains(QLatin1String("Cancelled")), kWaitMs);
    }

    void limitSetInTheWindowStopsAFloodOfEvents() {
        QAction *limit = m_window->findChild<QAction *>(QStringLiteral("responseLimitAction"));
        QVERIFY(limit);
        limit->trigger();
        auto *dialog = m_window->findChild<QInputDialog *>(QStringLiteral("responseLimitDialog"));
        QVERIFY(dialog);
        dialog->setIntValue(8);
        dialog->accept();
        QCOMPARE(ui::ResponseLimitSetting::limitMegabytes(), 8);

        HostileServer server(misbehaving(Misbehaviour::EndlessEvents));
        auto *pane = m_window->restPane();
        pane->urlEdit()->setText(server.url(QStringLiteral("http"), QStringLiteral("/events")));
        const int ticksBefore = m_ticks;
        pane->send();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->responseView()->errorText().isEmpty(), kWaitMs);
        const QString error = pane->responseView()->errorText();
        QVERIFY2(error.contains(QStringLiteral("exceeded the 8 MB limit — raise it in Request ▸ Response size limit")),
                 qPrintable(error));
        QVERIFY(m_ticks > ticksBefore);
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, kWaitMs);
    }

private:
    std::unique_ptr<session::ServerHost> m_host;
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QTimer> m_heartbeat;
    int m_ticks = 0;
};

QTEST_MAIN(TestHostileWindow)
#include "test_hostilewindow.moc"
