// {{variables}} and environments in the window: an undefined variable stops the send naming it and the
// environment, switching environments moves a saved request between two servers, the editors mark variables and
// explain them on hover (secrets masked), and a secret entered in the window is used and never written to the
// workspace.
#include "tests/app/ui/workspacewindow.h"

#include "app/ui/environmenteditor.h"

#include <QTableWidget>
#include <QToolBar>

using namespace triptych;
using namespace triptych::testing;

class TestWorkspaceVariables : public QObject, protected WorkspaceWindowFixture {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_other.start());
    }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

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

    void theEnvironmentEditorChangesWhatTheWindowUses() {
        selectEnvironment(QStringLiteral("staging"));
        QAction *edit = controller()->editEnvironmentsAction();
        QCOMPARE(edit->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
        auto *bar = m_window->findChild<QToolBar *>(QStringLiteral("environment"));
        QVERIFY(bar && bar->actions().contains(edit)); // the button beside the switcher
        edit->trigger();
        ui::EnvironmentEditor *editor = nullptr;
        QTRY_VERIFY((editor = m_window->findChild<ui::EnvironmentEditor *>()) != nullptr);
        QCOMPARE(editor->currentEnvironment(), QStringLiteral("staging"));
        auto *table = editor->variableTable();
        int baseUrl = -1;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, ui::EnvironmentEditor::NameColumn)->text() == QStringLiteral("baseUrl"))
                baseUrl = row;
        }
        QVERIFY(baseUrl >= 0);
        table->item(baseUrl, ui::EnvironmentEditor::ValueColumn)->setText(m_other.state().httpBaseUrl());
        QVERIFY(editor->saveCurrent());
        QTRY_COMPARE(controller()->environment()->resolver().resolveText(u"{{baseUrl}}"),
                     m_other.state().httpBaseUrl());
        // Renaming the active environment keeps it active under its new name.
        QVERIFY(editor->renameEnvironment(QStringLiteral("stage")));
        QTRY_COMPARE(controller()->environment()->current(), QStringLiteral("stage"));
        QTRY_COMPARE(controller()->environmentBox()->currentText(), QStringLiteral("stage"));
        QVERIFY(!controller()->environment()->names().contains(QStringLiteral("staging")));
        editor->accept();
    }

private:
    TestServer m_other; // a second server, for an environment that points elsewhere
};

QTEST_MAIN(TestWorkspaceVariables)
#include "test_workspacevariables.moc"
