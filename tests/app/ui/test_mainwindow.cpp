#include "app/model/historymodel.h"
#include "app/session/comparisonsession.h"
#include "app/session/serverhost.h"
#include "app/ui/aboutdialog.h"
#include "app/ui/comparisonstrip.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/historyview.h"
#include "app/ui/largetextview.h"
#include "app/ui/mainwindow.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "app/ui/statusline.h"
#include "tests/app/ui/windowoptions.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeView>
#include <QWidgetAction>

#include <algorithm>

using namespace triptych;

namespace {
constexpr int kComparisonMs = 60'000;
// The smaller screen a new user tried the window on (the offscreen platform's screen is set to it in main()).
constexpr int kScreenWidth = 1280;
constexpr int kScreenHeight = 720;

// A widget a person can reach with Tab, shown now.
bool tabReachable(const QWidget *widget) {
    return widget->isVisible() && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus) &&
           !widget->focusProxy() && !widget->window()->windowFlags().testFlag(Qt::Popup) &&
           !widget->parentWidget()->inherits("QComboBoxPrivateContainer");
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        QSettings().clear();
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

    // A comparison is one entry of the history; a call re-sent from it is an entry of its own.
    void historyGroupsAComparisonAndResends() {
        QAbstractItemModelTester tester(m_window->historyModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_window->applyQuestion(0);
        QSignalSpy finished(m_window->session(), &session::ComparisonSession::comparisonFinished);
        m_window->session()->sendAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonMs);
        auto *history = m_window->historyModel();
        QCOMPARE(history->rowCount(), 1);
        const QModelIndex group = history->index(0, 0);
        QVERIFY(group.data(model::HistoryModel::IsGroupRole).toBool());
        QCOMPARE(history->rowCount(group), 3);
        QCOMPARE(history->callCount(), 3);

        const auto *rest = history->lastRecordOf(client::CallKind::Rest);
        QVERIFY(rest);
        const QString url = rest->url;
        QVERIFY(m_window->historyView()->selectRecord(rest->id));
        m_window->resendSelected();
        QTRY_COMPARE(history->callCount(), 4);
        QCOMPARE(history->rowCount(), 2);
        const auto *resent = history->record(history->index(1, 0));
        QVERIFY(resent && resent->kind == client::CallKind::Rest);
        QCOMPARE(resent->url, url);
        QCOMPARE(m_window->restPane()->responseView()->statusText(), QStringLiteral("200"));
    }

    void historyFiltersAndDeletes() {
        m_window->applyQuestion(0);
        QSignalSpy finished(m_window->session(), &session::ComparisonSession::comparisonFinished);
        m_window->session()->sendAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonMs);
        auto *view = m_window->historyView();
        auto *tree = view->treeView();
        view->filterEdit()->setText(QStringLiteral("gRPC"));
        QCOMPARE(tree->model()->rowCount(), 1);
        QCOMPARE(tree->model()->rowCount(tree->model()->index(0, 0)), 1);
        view->filterEdit()->setText(QStringLiteral("no call matches this"));
        QCOMPARE(tree->model()->rowCount(), 0);
        view->filterEdit()->clear();

        QVERIFY(view->selectRecord(m_window->historyModel()->lastRecordOf(client::CallKind::Grpc)->id));
        auto *menu = view->createContextMenu();
        QStringList actions;
        for (auto *action : menu->actions())
            actions << action->text();
        for (const char *wanted : {"Re-send", "Copy URL or target", "Copy response body", "Delete", "Clear history"})
            QVERIFY2(actions.contains(QString::fromLatin1(wanted)), qPrintable(actions.join(QLatin1Char('|'))));
        menu->actions().at(actions.indexOf(QStringLiteral("Delete")))->trigger();
        QCOMPARE(m_window->historyModel()->callCount(), 2);
        menu->actions().at(actions.indexOf(QStringLiteral("Clear history")))->trigger();
        QCOMPARE(m_window->historyModel()->rowCount(), 0);
        delete menu;
    }

    // The shortcut a person presses: the first question of the table, asked in all three panes.
    void altOneAsksAllThree() {
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QSignalSpy finished(m_window->session(), &session::ComparisonSession::comparisonFinished);
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonMs);
        QCOMPARE(m_window->historyModel()->callCount(), 3);
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

    // Alt+5 restarts the embedded server for the DataLoader: the status line says so while it restarts and stops
    // saying it when the server runs, the ports stay, and the strip says the switch stays.
    void askAllRestartsOnTheSamePortsAndSaysSo() {
        const int http = m_host->state().httpPort;
        const int grpc = m_host->state().grpcPort;
        QStringList restarting;
        connect(m_host.get(), &session::ServerHost::stateChanged, this, [this, &restarting] {
            if (m_host->state().phase == session::ServerState::Phase::Starting)
                restarting << m_window->statusLine()->text() + QLatin1Char('|') +
                                  m_window->comparisonStrip()->titleText();
        });
        QSignalSpy finished(m_window->session(), &session::ComparisonSession::comparisonFinished);
        m_window->askQuestion(4);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonMs);
        QCOMPARE(restarting.size(), 1);
        QVERIFY2(restarting.first().contains(QStringLiteral("restarting"), Qt::CaseInsensitive) &&
                     restarting.first().contains(QStringLiteral("DataLoader off")),
                 qPrintable(restarting.first()));
        QCOMPARE(m_host->state().httpPort, http);
        QCOMPARE(m_host->state().grpcPort, grpc);
        const QString line = m_window->statusLine()->text();
        QVERIFY2(line.contains(QStringLiteral("Server running")) && !line.contains(QStringLiteral("restarting")),
                 qPrintable(line));
        QVERIFY(line.contains(QStringLiteral("DataLoader off")));
        QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
        const QString notice = m_window->comparisonStrip()->noticeText();
        QVERIFY2(notice.contains(QStringLiteral("stays")), qPrintable(notice));
        QVERIFY2(!notice.contains(QLatin1Char('{')), qPrintable(notice));
    }

    // Every control a person can reach with Tab says what it is to a screen reader.
    void everyControlHasAnAccessibleName() {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QStringList unnamed;
        for (auto *widget : m_window->findChildren<QWidget *>()) {
            if (!tabReachable(widget))
                continue;
            auto *accessible = QAccessible::queryAccessibleInterface(widget);
            if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << QStringLiteral("%1 (%2)").arg(QString::fromLatin1(widget->metaObject()->className()),
                                                         widget->parentWidget()->metaObject()->className());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        // Every action of the menus and the toolbar has words (a toolbar's widget, the question picker, is named
        // above as a widget).
        for (auto *action : m_window->findChildren<QAction *>()) {
            const auto places = action->associatedObjects();
            const bool shown = std::any_of(places.cbegin(), places.cend(), [](const QObject *place) {
                return qobject_cast<const QMenu *>(place) || qobject_cast<const QToolBar *>(place);
            });
            if (shown && !action->isSeparator() && !qobject_cast<QWidgetAction *>(action))
                QVERIFY2(!action->text().remove(QLatin1Char('&')).trimmed().isEmpty(), "an action without a name");
        }
    }

    // Tab goes from the REST URL through the REST pane, out of its tables, into the next pane; Shift+Tab goes back.
    void tabWalksThePanesInOrder() {
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->restPane()->urlEdit()->setFocus();
        QTRY_VERIFY(m_window->restPane()->urlEdit()->hasFocus());
        QList<QWidget *> visited;
        for (int press = 0; press < 40; ++press) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            visited << QApplication::focusWidget();
            if (m_window->graphqlPane()->isAncestorOf(visited.last()))
                break;
        }
        QStringList names;
        for (auto *widget : visited)
            names << QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(':') +
                         widget->accessibleName();
        const QByteArray walk = names.join(QStringLiteral(", ")).toUtf8();
        QVERIFY2(m_window->graphqlPane()->isAncestorOf(visited.last()), walk.constData());
        QVERIFY2(visited.contains(static_cast<QWidget *>(m_window->restPane()->sendButton())), walk.constData());
        QVERIFY2(visited.contains(static_cast<QWidget *>(m_window->restPane()->responseView()->bodyView())),
                 walk.constData());
        // Each widget once: no table kept Tab for its cells.
        QCOMPARE(QSet<QWidget *>(visited.cbegin(), visited.cend()).size(), visited.size());
        for (int back = int(visited.size()) - 2; back >= 0; --back) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
            QVERIFY2(QApplication::focusWidget() == visited.at(back),
                     qPrintable(QStringLiteral("back to %1 of %2").arg(back).arg(names.join(QStringLiteral(", ")))));
        }
    }

    // Ctrl++ / Ctrl+- / Ctrl+0 zoom the whole window: labels, editors and the body view alike.
    void zoomChangesFontSizes() {
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        const QList<QWidget *> widgets = {
            m_window->restPane()->urlEdit(), m_window->restPane()->bodyEditor(), m_window->graphqlPane()->queryEditor(),
            m_window->restPane()->responseView()->bodyView(), m_window->historyView()->treeView()};
        QList<qreal> before;
        for (auto *widget : widgets)
            before << widget->font().pointSizeF();
        QTest::keyClick(m_window.get(), Qt::Key_Plus, Qt::ControlModifier);
        QTest::keyClick(m_window.get(), Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(m_window->zoomSteps(), 2);
        for (int i = 0; i < widgets.size(); ++i)
            QVERIFY2(widgets.at(i)->font().pointSizeF() > before.at(i), widgets.at(i)->metaObject()->className());
        QTest::keyClick(m_window.get(), Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(m_window->zoomSteps(), 1);
        QTest::keyClick(m_window.get(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(m_window->zoomSteps(), 0);
        for (int i = 0; i < widgets.size(); ++i)
            QCOMPARE(widgets.at(i)->font().pointSizeF(), before.at(i));
    }

    // On a 1280 × 720 screen the window stays inside it: after answers fill the panes and with docks hidden.
    void windowNeverGrowsPastTheScreen() {
        const QRect available = m_window->screen()->availableGeometry();
        QCOMPARE(available.size(), QSize(kScreenWidth, kScreenHeight));
        m_window->resize(available.size());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        const auto inside = [&] {
            return m_window->width() <= available.width() && m_window->height() <= available.height() &&
                   m_window->minimumSizeHint().width() <= available.width();
        };
        QVERIFY2(inside(), qPrintable(QStringLiteral("%1 x %2").arg(m_window->width()).arg(m_window->height())));
        for (const int question : {0, 1}) {
            QSignalSpy finished(m_window->session(), &session::ComparisonSession::comparisonFinished);
            m_window->askQuestion(question);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonMs);
            QCoreApplication::processEvents();
            QVERIFY2(inside(), qPrintable(QStringLiteral("question %1: %2 x %3, minimum %4")
                                              .arg(question)
                                              .arg(m_window->width())
                                              .arg(m_window->height())
                                              .arg(m_window->minimumSizeHint().width())));
        }
        for (auto *dock : m_window->findChildren<QDockWidget *>())
            dock->toggleViewAction()->trigger();
        QCoreApplication::processEvents();
        QVERIFY2(inside(),
                 qPrintable(QStringLiteral("docks hidden: %1 x %2").arg(m_window->width()).arg(m_window->height())));
    }

    // Help ▸ About opens the dialog; View ▸ Theme offers System, Light and Dark.
    void helpAboutAndViewTheme() {
        QMenu *help = nullptr;
        QMenu *theme = nullptr;
        for (auto *menu : m_window->findChildren<QMenu *>()) {
            if (menu->title() == QStringLiteral("&Help"))
                help = menu;
            if (menu->title() == QStringLiteral("&Theme"))
                theme = menu;
        }
        QVERIFY(help && theme);
        QCOMPARE(theme->actions().size(), 3);
        QCOMPARE(help->actions().size(), 1);
        help->actions().first()->trigger();
        QTRY_VERIFY(m_window->findChild<ui::AboutDialog *>() && m_window->findChild<ui::AboutDialog *>()->isVisible());
    }

private:
    std::unique_ptr<session::ServerHost> m_host;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_data;
};

// The offscreen platform's screen as the 1280 × 720 one of the issue, not its 800 × 600 default.
int main(int argc, char *argv[]) {
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(QStringLiteral(R"({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": %1, "height": %2,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                   .arg(kScreenWidth)
                   .arg(kScreenHeight)
                   .toUtf8());
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + config.toLocal8Bit());
    QApplication app(argc, argv);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_mainwindow.moc"
