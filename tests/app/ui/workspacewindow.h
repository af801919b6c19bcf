#pragma once

// A window over a fresh copy of the sample workspace and the embedded server on free ports, for the workspace
// widget tests (test_workspacewindow.cpp, test_workspacevariables.cpp).
#include "app/model/collectiontreemodel.h"
#include "app/model/historymodel.h"
#include "app/model/quickopenmodel.h"
#include "app/session/activeenvironment.h"
#include "app/session/recentworkspaces.h"
#include "app/session/sampleworkspace.h"
#include "app/session/serverhost.h"
#include "app/ui/collectionsview.h"
#include "app/ui/environmentbox.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/grpcpane.h"
#include "app/ui/historyview.h"
#include "app/ui/mainwindow.h"
#include "app/ui/panedocuments.h"
#include "app/ui/panefile.h"
#include "app/ui/quickopendialog.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "app/ui/saveasdialog.h"
#include "app/ui/secretdialog.h"
#include "app/ui/variablemarker.h"
#include "app/ui/workspacecontroller.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/secretstore.h"
#include "app/workspace/workspace.h"
#include "tests/app/ui/testserver.h"
#include "tests/app/ui/windowoptions.h"

#include <QComboBox>
#include <QDirIterator>
#include <QHelpEvent>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolTip>
#include <QTreeView>

using namespace triptych;

namespace triptych::testing {

inline constexpr int kCallTimeoutMs = 15'000;
inline constexpr int kDiskTimeoutMs = 10'000; // the folder watcher, its debounce and a rescan
inline const QString kRest = QStringLiteral("Name and avatar only/Name and avatar only.rest.yaml");
inline const QString kGraphQL = QStringLiteral("A user's orders/A user's orders.graphql.yaml");
inline const QString kGrpc = QStringLiteral("Name and avatar only/Name and avatar only.grpc.yaml");

// The visible question box whose text contains `words`, once it is there.
inline QMessageBox *questionBox(QWidget *window, const QString &words) {
    QMessageBox *found = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            for (auto *box : window->findChildren<QMessageBox *>()) {
                if (box->isVisible() && box->text().contains(words))
                    found = box;
            }
            return found != nullptr;
        },
        kDiskTimeoutMs);
    return found;
}

inline void click(QMessageBox *box, const QString &button) {
    for (auto *candidate : box->buttons()) {
        if (candidate->text() == button) {
            candidate->click();
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no button %1").arg(button)));
}

inline QStringList linesOf(const QString &path) {
    return QString::fromUtf8(*workspace::readWholeFile(path)).split(QLatin1Char('\n'));
}

class WorkspaceWindowFixture {
protected:
    void setUp() {
        QSettings().clear();
        m_data = std::make_unique<QTemporaryDir>();
        m_root = m_data->filePath(QStringLiteral("workspace"));
        QVERIFY(session::sampleworkspace::copyTo(m_root));
        m_host = std::make_unique<session::ServerHost>();
        session::ServerSettings settings;
        settings.httpPort = 0;
        settings.grpcPort = 0;
        settings.users = 100;
        m_host->start(settings);
        QTRY_COMPARE(int(m_host->state().phase), int(session::ServerState::Phase::Running));
        openWindow();
    }
    void tearDown() {
        m_window.reset();
        m_host.reset();
        m_data.reset();
    }
    // Reopens the workspace of the last window, as the app does; the first one opens the copy of the sample.
    void openWindow(bool openTheCopy = true) {
        auto options = testing::isolatedWindow(*m_data);
        options.reopenLastWorkspace = true;
        m_window = std::make_unique<ui::MainWindow>(m_host.get(), options);
        if (openTheCopy && !controller()->workspace())
            controller()->openWorkspace(m_root);
    }
    void showWindow() {
        m_window->resize(1600, 1000); // as the app opens it
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    ui::WorkspaceController *controller() const { return m_window->workspaceController(); }
    ui::PaneDocuments *documents() const { return controller()->documents(); }
    workspace::Workspace *workspace() const { return controller()->workspace(); }
    void writeOutside(const QString &path, const QByteArray &bytes) {
        QVERIFY(workspace::writeFileAtomically(m_root + QLatin1Char('/') + path, bytes));
    }
    void selectEnvironment(const QString &name) {
        QSignalSpy changed(controller()->environment(), &session::ActiveEnvironment::environmentChanged);
        controller()->environment()->select(name);
        QTRY_VERIFY(!changed.isEmpty() && changed.last().first().toString() == name);
    }

    std::unique_ptr<QTemporaryDir> m_data;
    QString m_root;
    std::unique_ptr<session::ServerHost> m_host;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace triptych::testing
