// The window with a workspace, end to end against the embedded server (issue 16's list): opening saved requests
// into each pane, Ctrl+S, files changed on disk (reload, and the question when there are unsaved changes), the
// history kept across a restart, undefined variables, switching environments between two servers, closing with
// unsaved changes, Ctrl+P, the Collections tree, the sample on first start and "Save to collection".
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
#include "tests/app/ui/windowoptions.h"
#include "testserver.h"

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

namespace {

constexpr int kCallTimeoutMs = 15'000;
constexpr int kDiskTimeoutMs = 10'000; // the folder watcher, its debounce and a rescan
const QString kRest = QStringLiteral("Name and avatar only/Name and avatar only.rest.yaml");
const QString kGraphQL = QStringLiteral("A user's orders/A user's orders.graphql.yaml");
const QString kGrpc = QStringLiteral("Name and avatar only/Name and avatar only.grpc.yaml");

// The visible question box whose text contains `words`, once it is there.
QMessageBox *questionBox(QWidget *window, const QString &words) {
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

void click(QMessageBox *box, const QString &button) {
    for (auto *candidate : box->buttons()) {
        if (candidate->text() == button) {
            candidate->click();
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no button %1").arg(button)));
}

QStringList linesOf(const QString &path) {
    return QString::fromUtf8(*workspace::readWholeFile(path)).split(QLatin1Char('\n'));
}

} // namespace

class TestWorkspaceWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_other.start());
    }

    void init() {
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

    void cleanup() {
        m_window.reset();
        m_host.reset();
        m_data.reset();
    }

    void opensASavedRequestIntoEachPane_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("title");
        QTest::newRow("REST") << kRest << "REST — Name and avatar only";
        QTest::newRow("GraphQL") << kGraphQL << "GraphQL — A user's orders";
        QTest::newRow("gRPC") << kGrpc << "gRPC — Name and avatar only";
    }
    void opensASavedRequestIntoEachPane() {
        QFETCH(QString, path);
        QFETCH(QString, title);
        // Activating the row in the tree, as a double-click or Enter does.
        auto *view = controller()->collectionsView();
        view->selectPath(path);
        Q_EMIT view->tree()->activated(view->tree()->currentIndex());
        auto *file = documents()->fileShowing(path);
        QVERIFY(file);
        QCOMPARE(file->pane()->title()->text(), title);
        QCOMPARE(file->pane()->toDocument(), workspace()->load(path).document);
        QVERIFY(!file->isDirty());
    }

    void ctrlSSavesAndAOneLineEditIsAOneLineDiff() {
        showWindow();
        documents()->openRequest(kGraphQL);
        auto *editor = m_window->graphqlPane()->queryEditor();
        QString before = editor->toPlainText();
        const QStringList linesBefore = linesOf(m_root + QLatin1Char('/') + kGraphQL);
        editor->setPlainText(before.replace(QStringLiteral("quantity"), QStringLiteral("quantity status")));
        auto *file = documents()->fileOf(m_window->graphqlPane());
        QTRY_VERIFY(file->isDirty());
        QVERIFY(m_window->graphqlPane()->title()->text().endsWith(QStringLiteral(" ●")));

        editor->setFocus();
        QSignalSpy saved(documents(), &ui::PaneDocuments::saveFinished);
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(!file->isDirty());
        QCOMPARE(m_window->graphqlPane()->title()->text(), QStringLiteral("GraphQL — A user's orders"));
        const QStringList linesAfter = linesOf(m_root + QLatin1Char('/') + kGraphQL);
        QCOMPARE(linesAfter.size(), linesBefore.size());
        int changed = 0;
        for (int i = 0; i < linesAfter.size(); ++i)
            changed += linesAfter.at(i) != linesBefore.at(i) ? 1 : 0;
        QCOMPARE(changed, 1);
        QCOMPARE(workspace()->load(kGraphQL).document, m_window->graphqlPane()->toDocument());
    }

    void aFileChangedOnDiskReloads() {
        documents()->openRequest(kRest);
        writeOutside(kRest, "version: 1\nurl: '{{baseUrl}}/v1/users/7'\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_window->restPane()->urlEdit()->text(), QStringLiteral("{{baseUrl}}/v1/users/7"),
                                  kDiskTimeoutMs);
        QVERIFY(!documents()->fileOf(m_window->restPane())->isDirty());
    }

    void aChangeOnDiskOverUnsavedChangesAsks_data() {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("url"); // in the pane afterwards
        QTest::addColumn<bool>("dirty");
        QTest::newRow("keep mine") << "Keep mine"
                                   << "{{baseUrl}}/v1/users/1" << true;
        QTest::newRow("take the file") << "Take the file on disk"
                                       << "{{baseUrl}}/v1/users/7" << false;
    }
    void aChangeOnDiskOverUnsavedChangesAsks() {
        QFETCH(QString, answer);
        QFETCH(QString, url);
        QFETCH(bool, dirty);
        showWindow();
        documents()->openRequest(kRest);
        m_window->restPane()->urlEdit()->setText(QStringLiteral("{{baseUrl}}/v1/users/1"));
        auto *file = documents()->fileOf(m_window->restPane());
        QTRY_VERIFY(file->isDirty());
        writeOutside(kRest, "version: 1\nurl: '{{baseUrl}}/v1/users/7'\n");
        auto *box = questionBox(m_window.get(), QStringLiteral("changed on disk, and the pane has unsaved changes"));
        QVERIFY(box);
        QCOMPARE(m_window->restPane()->urlEdit()->text(), QStringLiteral("{{baseUrl}}/v1/users/1")); // not yet
        click(box, answer);
        QTRY_COMPARE(m_window->restPane()->urlEdit()->text(), url);
        QTRY_COMPARE(file->isDirty(), dirty);
        if (!dirty)
            return;
        // Kept: the next save goes over the file without a second question.
        QSignalSpy saved(documents(), &ui::PaneDocuments::saveFinished);
        documents()->save(m_window->restPane());
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(workspace::readWholeFile(m_root + QLatin1Char('/') + kRest)->contains("/v1/users/1'"));
    }

    void aSaveOverAFileChangedUnseenAsks() {
        showWindow();
        documents()->openRequest(kRest);
        workspace()->setWatching(false); // the change is not seen before the save
        m_window->restPane()->urlEdit()->setText(QStringLiteral("{{baseUrl}}/v1/users/1"));
        writeOutside(kRest, "version: 1\nurl: '{{baseUrl}}/v1/users/7'\n");
        documents()->save(m_window->restPane());
        auto *box = questionBox(m_window.get(), QStringLiteral("changed on disk since you opened it"));
        QVERIFY(box);
        QVERIFY(workspace::readWholeFile(m_root + QLatin1Char('/') + kRest)->contains("/v1/users/7'"));
        QSignalSpy saved(documents(), &ui::PaneDocuments::saveFinished);
        click(box, QStringLiteral("Overwrite with mine"));
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(workspace::readWholeFile(m_root + QLatin1Char('/') + kRest)->contains("/v1/users/1'"));
    }

    void historyIsKeptAcrossARestart() {
        QSignalSpy completed(m_window->restPane(), &ui::ComposerPane::callCompleted);
        documents()->openRequest(kRest);
        m_window->restPane()->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, kCallTimeoutMs);
        const auto sent = completed.first().first().value<client::CallRecord>();
        QCOMPARE(sent.httpStatus, 200);
        QCOMPARE(m_window->historyModel()->rowCount(), 1);

        m_window.reset(); // writes what is queued
        openWindow();
        QTRY_COMPARE(m_window->historyModel()->rowCount(), 1);
        const auto &restored = m_window->historyModel()->record(0);
        QCOMPARE(restored.url, sent.url); // as sent: the variables resolved
        QVERIFY(!restored.url.contains(QStringLiteral("{{")));
        QCOMPARE(restored.httpStatus, 200);
        QCOMPARE(restored.body, sent.body);
        // The workspace came back too, with the request the pane showed, and a restored call can be looked at
        // again in its pane.
        QCOMPARE(controller()->workspace()->root(), QDir(m_root).canonicalPath());
        QVERIFY(documents()->fileShowing(kRest));
        QCOMPARE(documents()->fileShowing(kRest)->pane(), m_window->restPane());
        m_window->historyView()->selectRow(0);
        QCOMPARE(m_window->restPane()->responseView()->statusText(), QStringLiteral("200"));
    }

    void anUndefinedVariableStopsTheSend() {
        selectEnvironment(QStringLiteral("staging"));
        documents()->openRequest(QStringLiteral("Writes (need credentials)/Create an order.rest.yaml"));
        QSignalSpy completed(m_window->restPane(), &ui::ComposerPane::callCompleted);
        m_window->restPane()->send();
        QVERIFY(!m_window->restPane()->isBusy());
        QCOMPARE(m_window->restPane()->responseView()->errorText(),
                 QStringLiteral("No value on this machine for the secret {{token}} in environment “staging”; enter "
                                "it in the environment."));
        m_window->restPane()->urlEdit()->setText(QStringLiteral("{{baseUrl}}/v1/users/{{nobody}}"));
        m_window->restPane()->send();
        QVERIFY(m_window->restPane()->responseView()->errorText().startsWith(
            QStringLiteral("Undefined variable {{nobody}} in environment “staging”")));
        QCOMPARE(completed.size(), 0);
    }

    void switchingEnvironmentsChangesWhereARequestGoes() {
        writeOutside(
            QStringLiteral("environments/other.yaml"),
            QStringLiteral("version: 1\nvariables:\n  baseUrl: %1\n").arg(m_other.state().httpBaseUrl()).toUtf8());
        QTRY_VERIFY_WITH_TIMEOUT(controller()->environment()->names().contains(QStringLiteral("other")),
                                 kDiskTimeoutMs);
        documents()->openRequest(kRest);
        auto *pane = m_window->restPane();
        QSignalSpy completed(pane, &ui::ComposerPane::callCompleted);
        pane->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, kCallTimeoutMs);
        const auto embedded = completed.takeFirst().first().value<client::CallRecord>();
        QVERIFY2(embedded.url.startsWith(m_host->state().httpBaseUrl() + QStringLiteral("/v1/users/42")),
                 qPrintable(embedded.url));
        QCOMPARE(embedded.httpStatus, 200);

        // As a person does it: the toolbar's box.
        auto *box = controller()->environmentBox();
        const int other = box->findText(QStringLiteral("other"));
        QVERIFY(other > 0);
        box->setCurrentIndex(other);
        Q_EMIT box->activated(other);
        QTRY_COMPARE(controller()->environment()->current(), QStringLiteral("other"));
        pane->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, kCallTimeoutMs);
        const auto moved = completed.first().first().value<client::CallRecord>();
        QVERIFY2(moved.url.startsWith(m_other.state().httpBaseUrl() + QStringLiteral("/v1/users/42")),
                 qPrintable(moved.url));
        QCOMPARE(moved.httpStatus, 200);
        QVERIFY(m_other.state().httpPort != m_host->state().httpPort);
    }

    void variablesAreMarkedAndExplained() {
        // A secret with a value on this machine: the hover masks it.
        workspace::SecretStore::Options options;
        options.useKeyring = false;
        options.fallbackFile = m_data->filePath(QStringLiteral("secrets.json"));
        workspace::SecretStore secrets(options);
        QSignalSpy written(&secrets, &workspace::SecretStore::writeFinished);
        secrets.write(workspace::SecretStore::key(QDir(m_root).canonicalPath(), QStringLiteral("staging"),
                                                  QStringLiteral("token")),
                      QStringLiteral("s3cret-value"));
        QTRY_COMPARE(written.size(), 1);

        documents()->openRequest(QStringLiteral("Live order updates/Live order updates.graphql.yaml"));
        auto *marker = controller()->marker();
        auto *variables = m_window->graphqlPane()->variablesEditor();
        QVERIFY(ui::VariableMarker::undefinedMarks(variables).isEmpty());
        QCOMPARE(marker->explain(QStringLiteral("userId")), QStringLiteral("{{userId}} = 42 · workspace variable"));
        variables->setPlainText(QStringLiteral("{ \"userId\": {{nope}} }"));
        QCOMPARE(ui::VariableMarker::undefinedMarks(variables), QStringList{QStringLiteral("nope")});
        QCOMPARE(marker->explain(QStringLiteral("nope")),
                 QStringLiteral("{{nope}} is not defined in environment “Embedded server”"));
        QVERIFY(marker->explain(QStringLiteral("baseUrl"))
                    .startsWith(QStringLiteral("{{baseUrl}} = ") + m_host->state().httpBaseUrl()));

        selectEnvironment(QStringLiteral("staging"));
        QTRY_COMPARE(marker->explain(QStringLiteral("token")),
                     QStringLiteral("{{token}} = •••••• · secret, environment “staging”"));
    }

    // Hovering a {{variable}} in a line edit or a text editor shows what it resolves to.
    void hoveringAVariableShowsItsValue() {
        showWindow();
        documents()->openRequest(QStringLiteral("Live order updates/Live order updates.graphql.yaml"));
        QLineEdit *url = nullptr;
        for (auto *edit : m_window->graphqlPane()->findChildren<QLineEdit *>()) {
            if (edit->text().startsWith(QStringLiteral("{{baseUrl}}")))
                url = edit;
        }
        QVERIFY(url);
        url->setCursorPosition(0);
        (void)url->grab(); // painted: scrolled back to the start
        int x = 0;
        while (x < url->width() && url->cursorPositionAt(QPoint(x, url->height() / 2)) < 3)
            ++x;
        QVERIFY(url->cursorPositionAt(QPoint(x, url->height() / 2)) < 10); // inside {{baseUrl}}
        QHelpEvent overUrl(QEvent::ToolTip, QPoint(x, url->height() / 2), url->mapToGlobal(QPoint(x, 0)));
        QCoreApplication::sendEvent(url, &overUrl);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), controller()->marker()->explain(QStringLiteral("baseUrl")));

        auto *variables = m_window->graphqlPane()->variablesEditor();
        QTextCursor at(variables->document());
        at.setPosition(int(variables->toPlainText().indexOf(QStringLiteral("{{userId}}"))) + 3);
        const QPoint point = variables->cursorRect(at).center();
        QHelpEvent overText(QEvent::ToolTip, point, variables->viewport()->mapToGlobal(point));
        QCoreApplication::sendEvent(variables->viewport(), &overText);
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("{{userId}} = 42 · workspace variable"));
    }

    // File ▸ Enter secret values…: the value lands in the secrets store, never in the workspace folder.
    void aSecretEnteredInTheWindowIsUsedAndNotWritten() {
        selectEnvironment(QStringLiteral("staging"));
        controller()->enterSecrets();
        ui::SecretDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::SecretDialog *>()) != nullptr);
        QCOMPARE(dialog->secretBox()->count(), 2); // token and apiKey of staging
        dialog->secretBox()->setCurrentIndex(
            dialog->secretBox()->findText(QStringLiteral("token — environment staging")));
        QCOMPARE(dialog->valueEdit()->echoMode(), QLineEdit::Password);
        dialog->valueEdit()->setText(QStringLiteral("typed-s3cret"));
        dialog->accept();
        QTRY_COMPARE(controller()->environment()->resolver().resolveText(u"{{token}}"), QStringLiteral("typed-s3cret"));
        QDirIterator files(m_root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext())
            QVERIFY(!workspace::readWholeFile(files.next())->contains("typed-s3cret"));
        QVERIFY(workspace::readWholeFile(m_data->filePath(QStringLiteral("secrets.json")))->contains("typed-s3cret"));
    }

    void closingWithUnsavedChangesAsks() {
        showWindow();
        documents()->openRequest(kRest);
        m_window->restPane()->urlEdit()->setText(QStringLiteral("{{baseUrl}}/v1/users/3"));
        QTRY_VERIFY(documents()->fileOf(m_window->restPane())->isDirty());
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        auto *box = questionBox(m_window.get(), QStringLiteral("Save the changes to Name and avatar only"));
        QVERIFY(box);
        click(box, QStringLiteral("Save"));
        QTRY_VERIFY(!m_window->isVisible());
        QVERIFY(workspace::readWholeFile(m_root + QLatin1Char('/') + kRest)->contains("/v1/users/3'"));
    }

    void ctrlPOpensByFuzzyName() {
        showWindow();
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
        ui::QuickOpenDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::QuickOpenDialog *>()) != nullptr);
        QCOMPARE(dialog->model()->rowCount(), 15);
        QTest::keyClicks(dialog->patternEdit(), QStringLiteral("crord"));
        QCOMPARE(dialog->model()->rowCount(), 3); // "Create an order" in three styles
        const QString path = dialog->model()->pathAt(0);
        QTest::keyClick(dialog->patternEdit(), Qt::Key_Return);
        QVERIFY(path.startsWith(QStringLiteral("Writes (need credentials)/Create an order.")));
        QVERIFY(documents()->fileShowing(path));
    }

    void theTreeCreatesRenamesMovesAndDeletes() {
        auto *view = controller()->collectionsView();
        QVERIFY(view->createRequest(QString(), QStringLiteral("Probe"), workspace::RequestStyle::Rest));
        auto *file = documents()->fileOf(m_window->restPane());
        QCOMPARE(file->path(), QStringLiteral("Probe.rest.yaml"));
        QCOMPARE(m_window->restPane()->title()->text(), QStringLiteral("REST — Probe"));

        QVERIFY(view->rename(QStringLiteral("Probe.rest.yaml"), QStringLiteral("Renamed")));
        QCOMPARE(file->path(), QStringLiteral("Renamed.rest.yaml"));
        QCOMPARE(m_window->restPane()->title()->text(), QStringLiteral("REST — Renamed"));

        QVERIFY(view->duplicate(QStringLiteral("Renamed.rest.yaml")));
        QVERIFY(workspace()->indexOf(QStringLiteral("Renamed copy.rest.yaml")) >= 0);

        // A drop into a folder, before its first entry.
        QVERIFY(view->moveEntries({QStringLiteral("Renamed.rest.yaml")}, QStringLiteral("A user's orders"), 0));
        QCOMPARE(file->path(), QStringLiteral("A user's orders/Renamed.rest.yaml"));
        const auto &nodes = workspace()->nodes();
        const auto &folder = nodes.at(workspace()->indexOf(QStringLiteral("A user's orders")));
        QCOMPARE(nodes.at(folder.children.first()).path, QStringLiteral("A user's orders/Renamed.rest.yaml"));
        QCOMPARE(view->model()->indexOfPath(QStringLiteral("A user's orders/Renamed.rest.yaml")).row(), 0);

        QVERIFY(view->remove(QStringLiteral("A user's orders/Renamed.rest.yaml")));
        QVERIFY(file->path().isEmpty());
        QVERIFY(file->isDirty()); // the pane keeps it as a request not saved anywhere
    }

    void theTreeFiltersByName() {
        auto *view = controller()->collectionsView();
        QTest::keyClicks(view->filterEdit(), QStringLiteral("avatar"));
        auto *model = view->tree()->model();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Name and avatar only"));
        QCOMPARE(model->rowCount(model->index(0, 0)), 3);
    }

    void aMalformedFileIsListedWithItsLine() {
        writeOutside(QStringLiteral("Broken.rest.yaml"), "version: 1\nbody:\n  kind: xml\n");
        auto *problems = controller()->collectionsView()->problemsView();
        QTRY_VERIFY_WITH_TIMEOUT(problems->model()->rowCount() == 1, kDiskTimeoutMs);
        QCOMPARE(problems->model()->index(0, 0).data().toString(),
                 QStringLiteral("Broken.rest.yaml:3: body.kind must be one of none, json, raw, form, multipart, file, "
                                "not \"xml\""));
        // The rest of the workspace is there.
        QCOMPARE(workspace()->requestPaths().size(), 16);
    }

    void firstStartOffersTheSample() {
        m_window.reset();
        QSettings().clear(); // nothing opened before
        openWindow(false);
        QVERIFY(!controller()->workspace());
        auto *pages = controller()->collectionsView()->findChild<QStackedWidget *>();
        QCOMPARE(pages->currentIndex(), 0);
        QPushButton *sample = nullptr;
        for (auto *button : controller()->collectionsView()->findChildren<QPushButton *>()) {
            if (button->text() == QStringLiteral("Open the sample workspace"))
                sample = button;
        }
        QVERIFY(sample);
        sample->click();
        QVERIFY(controller()->workspace());
        const QString copy = m_data->filePath(QStringLiteral("Triptych samples"));
        QCOMPARE(controller()->workspace()->root(), QDir(copy).canonicalPath());
        QCOMPARE(controller()->workspace()->requestPaths().size(), 15);
        QCOMPARE(pages->currentIndex(), 1);
        QCOMPARE(session::recentworkspaces::last(), QDir(copy).canonicalPath());
    }

    void aCallFromTheHistoryIsSavedToACollection() {
        QSignalSpy completed(m_window->grpcPane(), &ui::ComposerPane::callCompleted);
        documents()->openRequest(kGrpc);
        m_window->grpcPane()->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, kCallTimeoutMs);
        m_window->historyView()->selectRow(0);
        m_window->saveSelectedCallToCollection();
        ui::SaveAsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::SaveAsDialog *>()) != nullptr);
        dialog->nameEdit()->setText(QStringLiteral("From history"));
        dialog->folderBox()->setCurrentIndex(dialog->folderBox()->findData(QStringLiteral("Name and avatar only")));
        dialog->accept();
        const QString path = QStringLiteral("Name and avatar only/From history.grpc.yaml");
        QVERIFY(workspace()->indexOf(path) >= 0);
        const auto saved = workspace()->load(path).document;
        QCOMPARE(saved.grpc.method, QStringLiteral("orders.v1.OrderService/GetUser"));
        QVERIFY(saved.grpc.message.contains(QStringLiteral("42")));
        QCOMPARE(documents()->fileOf(m_window->grpcPane())->path(), path);
    }

private:
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

    TestServer m_other; // a second server, for an environment that points elsewhere
    std::unique_ptr<QTemporaryDir> m_data;
    QString m_root;
    std::unique_ptr<session::ServerHost> m_host;
    std::unique_ptr<ui::MainWindow> m_window;
};

QTEST_MAIN(TestWorkspaceWindow)
#include "test_workspacewindow.moc"
