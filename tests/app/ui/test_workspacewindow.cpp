// The window with a workspace, end to end against the embedded server (issue 16's list): opening saved requests
// into each pane, Ctrl+S, files changed on disk (reload, and the question when there are unsaved changes), the
// history kept across a restart, closing with unsaved changes, Ctrl+P, the Collections tree, the sample on first
// start and "Save to collection". Variables and environments are in test_workspacevariables.cpp.
#include "tests/app/ui/workspacewindow.h"

#include "app/model/historydaymodel.h"
#include "app/session/historyrecorder.h"
#include "app/ui/historysearchview.h"
#include "app/workspace/historystore.h"

#include <QRegularExpression>

using namespace triptych;
using namespace triptych::testing;

class TestWorkspaceWindow : public QObject, protected WorkspaceWindowFixture {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

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
        showWindow();
        // Activating the row in the tree, as a double-click or Enter does.
        auto *view = controller()->collectionsView();
        view->selectPath(path);
        Q_EMIT view->tree()->activated(view->tree()->currentIndex());
        auto *file = documents()->fileShowing(path);
        QVERIFY(file);
        QCOMPARE(file->pane()->title()->text(), title);
        QCOMPARE(file->pane()->toDocument(), workspace()->load(path).document);
        QVERIFY(!file->isDirty());
        // The keyboard follows, so Ctrl+Return sends what was opened.
        QTRY_VERIFY(file->pane()->isAncestorOf(QApplication::focusWidget()));
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
        // The schema loaded from the server, if it came in time, is cached beside the request (docs/editor.md).
        QStringList linesAfter = linesOf(m_root + QLatin1Char('/') + kGraphQL);
        linesAfter.removeIf([](const QString &line) { return line.startsWith(QLatin1String("schemaCache: ")); });
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
        const auto *restoredCall = m_window->historyModel()->record(m_window->historyModel()->index(0, 0));
        QVERIFY(restoredCall);
        const auto &restored = *restoredCall;
        QCOMPARE(restored.url, sent.url); // as sent: the variables resolved
        QVERIFY(!restored.url.contains(QStringLiteral("{{")));
        QCOMPARE(restored.httpStatus, 200);
        QCOMPARE(restored.body, sent.body);
        // The workspace came back too, with the request the pane showed, and a restored call can be looked at
        // again in its pane.
        QCOMPARE(controller()->workspace()->root(), QDir(m_root).canonicalPath());
        QVERIFY(documents()->fileShowing(kRest));
        QCOMPARE(documents()->fileShowing(kRest)->pane(), m_window->restPane());
        QVERIFY(m_window->historyView()->selectRecord(restored.id));
        QCOMPARE(m_window->restPane()->responseView()->statusText(), QStringLiteral("200"));
    }

    void theSavedHistoryIsSearchedByDayWithItsLimits() {
        QSignalSpy completed(m_window->restPane(), &ui::ComposerPane::callCompleted);
        documents()->openRequest(kRest);
        m_window->restPane()->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, kCallTimeoutMs);
        const auto sent = completed.first().first().value<client::CallRecord>();
        QTRY_COMPARE(m_window->historySearchView()->dayModel()->callCount(), 1);

        QSettings().setValue(QStringLiteral("history/maxAgeDays"), 400); // as the limits dialog keeps it
        m_window.reset();
        openWindow();
        QCOMPARE(m_window->historyRecorder()->store()->limits().maxAgeDays, 400);
        auto *search = m_window->historySearchView();
        QTRY_COMPARE(search->dayModel()->callCount(), 1);
        QCOMPARE(search->dayModel()->index(0, 0).data().toString(), QStringLiteral("Today"));
        // A word of the response body finds the call; one that is nowhere finds nothing.
        const QString word =
            QRegularExpression(QStringLiteral("[A-Za-z]{4,}")).match(QString::fromUtf8(sent.body)).captured();
        QVERIFY(!word.isEmpty());
        search->searchEdit()->setText(QStringLiteral("Zyxwvut"));
        QTRY_COMPARE(search->dayModel()->rowCount(), 0);
        search->searchEdit()->setText(word);
        QTRY_COMPARE(search->dayModel()->callCount(), 1);
        // Picking it brings the whole call from the store and shows it in its pane.
        QSignalSpy selected(search, &ui::HistorySearchView::callSelected);
        search->treeView()->setCurrentIndex(search->dayModel()->index(0, 0, search->dayModel()->index(0, 0)));
        QTRY_COMPARE(selected.size(), 1);
        const auto entry = selected.first().first().value<workspace::HistoryEntry>();
        QCOMPARE(entry.url, sent.url);
        QCOMPARE(entry.responseBody, sent.body);
        QCOMPARE(m_window->restPane()->responseView()->statusText(), QStringLiteral("200"));
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
        QCOMPARE(dialog->model()->rowCount(), 21);
        QTest::keyClicks(dialog->patternEdit(), QStringLiteral("create an"));
        QCOMPARE(dialog->model()->rowCount(),
                 3); // "Create an order" in three styles; the sample folder also reads and cancels
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
        QCOMPARE(workspace()->requestPaths().size(), 22);
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
        QCOMPARE(controller()->workspace()->requestPaths().size(), 21);
        QCOMPARE(pages->currentIndex(), 1);
        QCOMPARE(session::recentworkspaces::last(), QDir(copy).canonicalPath());
    }

    void aCallFromTheHistoryIsSavedToACollection() {
        QSignalSpy completed(m_window->grpcPane(), &ui::ComposerPane::callCompleted);
        documents()->openRequest(kGrpc);
        m_window->grpcPane()->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, kCallTimeoutMs);
        QVERIFY(m_window->historyView()->selectRecord(completed.first().first().value<client::CallRecord>().id));
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
};

QTEST_MAIN(TestWorkspaceWindow)
#include "test_workspacewindow.moc"
