// The environment editor (environmenteditor.h) on a workspace of its own, with secrets in an owner-only file.
#include "app/ui/environmenteditor.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/secretstore.h"
#include "app/workspace/workspace.h"

#include <QDirIterator>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;
using workspace::Environment;
using workspace::Variable;

namespace {
const QString kSecret = QStringLiteral("s3cr3t-Token-9f2c");

QString fileText(const QString &path) {
    return QString::fromUtf8(workspace::readWholeFile(path).value_or(QByteArray()));
}
} // namespace

class TestEnvironmentEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->filePath(QStringLiteral("orders"));
        QVERIFY(workspace::Workspace::create(m_root, QStringLiteral("orders")).ok);
        m_workspace = std::make_unique<workspace::Workspace>();
        QVERIFY(m_workspace->open(m_root));
        QVERIFY(m_workspace->saveEnvironment(
            {QStringLiteral("local"), {{QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:8080"), false}}}));
        QVERIFY(m_workspace->saveEnvironment({QStringLiteral("staging"),
                                              {{QStringLiteral("baseUrl"), QStringLiteral("https://staging"), false},
                                               {QStringLiteral("token"), QString(), true}}}));
        workspace::SecretStore::Options options;
        options.fallbackFile = m_dir->filePath(QStringLiteral("data/secrets.json"));
        options.useKeyring = false;
        m_secrets = std::make_unique<workspace::SecretStore>(options);
        QSignalSpy written(m_secrets.get(), &workspace::SecretStore::writeFinished);
        m_secrets->write(
            workspace::SecretStore::key(m_workspace->root(), QStringLiteral("staging"), QStringLiteral("token")),
            kSecret);
        QTRY_COMPARE(written.size(), 1);
        m_editor =
            std::make_unique<ui::EnvironmentEditor>(m_workspace.get(), m_secrets.get(), QStringLiteral("staging"));
    }

    void cleanup() {
        m_editor.reset();
        m_secrets.reset();
        m_workspace.reset();
    }

    void listsTheEnvironmentsAndShowsTheSelectedOne() {
        QCOMPARE(m_editor->environmentList()->count(), 2);
        QCOMPARE(m_editor->currentEnvironment(), QStringLiteral("staging"));
        auto *table = m_editor->variableTable();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, ui::EnvironmentEditor::NameColumn)->text(), QStringLiteral("baseUrl"));
        QCOMPARE(table->item(0, ui::EnvironmentEditor::SecretColumn)->checkState(), Qt::Unchecked);
        QCOMPARE(table->item(1, ui::EnvironmentEditor::SecretColumn)->checkState(), Qt::Checked);
        // The secret's value comes from the store a moment later, and is shown as dots.
        QTRY_COMPARE(table->item(1, ui::EnvironmentEditor::ValueColumn)->text(), kSecret);
        QCOMPARE(m_editor->shownValue(1), QStringLiteral("••••••"));
        QCOMPARE(m_editor->shownValue(0), QStringLiteral("https://staging"));
        QVERIFY(!m_editor->isModified());
        m_editor->selectEnvironment(QStringLiteral("local"));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, ui::EnvironmentEditor::ValueColumn)->text(), QStringLiteral("http://127.0.0.1:8080"));
    }

    void savesTheTableWithSecretsOutOfTheFolder() {
        auto *table = m_editor->variableTable();
        QTRY_COMPARE(table->item(1, ui::EnvironmentEditor::ValueColumn)->text(), kSecret);
        table->item(0, ui::EnvironmentEditor::ValueColumn)->setText(QStringLiteral("https://staging.example.com"));
        m_editor->addVariable(QStringLiteral("apiKey"), QStringLiteral("key-Secret-77"), true);
        m_editor->addVariable(QStringLiteral("userId"), QStringLiteral("42"));
        m_editor->addVariable(); // left empty: not saved
        QVERIFY(m_editor->isModified());
        QSignalSpy stored(m_editor.get(), &ui::EnvironmentEditor::secretsStored);
        QSignalSpy changed(m_editor.get(), &ui::EnvironmentEditor::environmentsChanged);
        QVERIFY(m_editor->saveCurrent());
        QCOMPARE(changed.size(), 1);
        QTRY_COMPARE(stored.size(), 1);
        const auto saved = m_workspace->loadEnvironment(QStringLiteral("staging"));
        QVERIFY(saved.ok());
        const QList<Variable> expected = {{QStringLiteral("baseUrl"), QStringLiteral("https://staging.example.com")},
                                          {QStringLiteral("token"), QString(), true},
                                          {QStringLiteral("apiKey"), QString(), true},
                                          {QStringLiteral("userId"), QStringLiteral("42")}};
        QCOMPARE(saved.value.variables, expected);
        QDirIterator files(m_root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString text = fileText(files.next());
            QVERIFY2(!text.contains(kSecret) && !text.contains(QStringLiteral("key-Secret-77")),
                     qPrintable(files.filePath()));
        }
        QVERIFY(fileText(m_secrets->fallbackFile()).contains(QStringLiteral("key-Secret-77")));
        QVERIFY(!m_editor->isModified());
    }

    void refusesBadVariables_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not a name") << "base url"
                                    << "“base url” is not a variable name";
        QTest::newRow("a digit first") << "1st"
                                       << "“1st” is not a variable name";
        QTest::newRow("twice") << "baseUrl"
                               << "baseUrl is defined twice";
    }
    void refusesBadVariables() {
        QFETCH(QString, name);
        QFETCH(QString, problem);
        const QString before = fileText(m_root + QStringLiteral("/environments/staging.yaml"));
        m_editor->addVariable(name, QStringLiteral("x"));
        QVERIFY(!m_editor->saveCurrent());
        QVERIFY(m_editor->problemLabel()->text().startsWith(problem));
        QCOMPARE(fileText(m_root + QStringLiteral("/environments/staging.yaml")), before);
    }

    void aTableThatCannotBeSavedKeepsTheSelection() {
        m_editor->addVariable(QStringLiteral("not a name"), QStringLiteral("x"));
        m_editor->selectEnvironment(QStringLiteral("local"));
        QCOMPARE(m_editor->currentEnvironment(), QStringLiteral("staging"));
        QCOMPARE(m_editor->environmentList()->currentItem()->text(), QStringLiteral("staging"));
        QVERIFY(m_editor->problemLabel()->isVisibleTo(m_editor.get()));
        QCOMPARE(m_editor->variableTable()->rowCount(), 3);
    }

    void switchingSavesTheTableLeft() {
        m_editor->variableTable()->item(0, ui::EnvironmentEditor::ValueColumn)->setText(QStringLiteral("https://x"));
        m_editor->selectEnvironment(QStringLiteral("local"));
        QCOMPARE(m_editor->currentEnvironment(), QStringLiteral("local"));
        QCOMPARE(m_workspace->loadEnvironment(QStringLiteral("staging")).value.variables.first().value,
                 QStringLiteral("https://x"));
    }

    void okSavesAndCloseDiscards_data() {
        QTest::addColumn<bool>("ok");
        QTest::newRow("OK") << true;
        QTest::newRow("Close") << false;
    }
    void okSavesAndCloseDiscards() {
        QFETCH(bool, ok);
        m_editor->selectEnvironment(QStringLiteral("local"));
        m_editor->variableTable()->item(0, ui::EnvironmentEditor::ValueColumn)->setText(QStringLiteral("http://y"));
        ok ? m_editor->accept() : m_editor->reject();
        QCOMPARE(m_workspace->loadEnvironment(QStringLiteral("local")).value.variables.first().value,
                 ok ? QStringLiteral("http://y") : QStringLiteral("http://127.0.0.1:8080"));
    }

    void createsDuplicatesRenamesAndDeletes() {
        QTRY_COMPARE(m_editor->variableTable()->item(1, ui::EnvironmentEditor::ValueColumn)->text(), kSecret);
        QVERIFY(m_editor->createEnvironment(QStringLiteral("mine.local")));
        QCOMPARE(m_editor->currentEnvironment(), QStringLiteral("mine.local"));
        QCOMPARE(m_editor->variableTable()->rowCount(), 0);
        QVERIFY(QFile::exists(m_root + QStringLiteral("/environments/mine.local.yaml")));

        m_editor->selectEnvironment(QStringLiteral("staging"));
        QTRY_COMPARE(m_editor->variableTable()->item(1, ui::EnvironmentEditor::ValueColumn)->text(), kSecret);
        QSignalSpy stored(m_editor.get(), &ui::EnvironmentEditor::secretsStored);
        QVERIFY(m_editor->duplicateEnvironment(QStringLiteral("production")));
        QTRY_COMPARE(stored.size(), 1);
        QCOMPARE(m_editor->currentEnvironment(), QStringLiteral("production"));
        // The copy's secret is its own, under its own key.
        QTRY_COMPARE(m_editor->variableTable()->item(1, ui::EnvironmentEditor::ValueColumn)->text(), kSecret);

        QSignalSpy renamed(m_editor.get(), &ui::EnvironmentEditor::environmentRenamed);
        QVERIFY(m_editor->renameEnvironment(QStringLiteral("prod")));
        QCOMPARE(renamed.size(), 1);
        QCOMPARE(renamed.first(), (QVariantList{QStringLiteral("production"), QStringLiteral("prod")}));
        QVERIFY(!QFile::exists(m_root + QStringLiteral("/environments/production.yaml")));
        QCOMPARE(m_workspace->environmentNames(), (QStringList{QStringLiteral("local"), QStringLiteral("mine.local"),
                                                               QStringLiteral("prod"), QStringLiteral("staging")}));
        QTRY_COMPARE(m_editor->variableTable()->item(1, ui::EnvironmentEditor::ValueColumn)->text(), kSecret);
        QTRY_VERIFY(!fileText(m_secrets->fallbackFile()).contains(QStringLiteral("|production|")));

        QVERIFY(m_editor->deleteEnvironment());
        QVERIFY(!QFile::exists(m_root + QStringLiteral("/environments/prod.yaml")));
        QCOMPARE(m_editor->environmentList()->count(), 3);
        QTRY_VERIFY(!fileText(m_secrets->fallbackFile()).contains(QStringLiteral("|prod|")));
        QVERIFY(fileText(m_secrets->fallbackFile()).contains(QStringLiteral("|staging|")));
    }

    void refusesNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("problem");
        QTest::newRow("taken") << "local"
                               << "There is an environment local already";
        QTest::newRow("taken, other case") << "LOCAL"
                                           << "There is an environment LOCAL already";
        QTest::newRow("a slash") << "a/b"
                                 << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void refusesNames() {
        QFETCH(QString, name);
        QFETCH(QString, problem);
        const QStringList before = m_workspace->environmentNames();
        QVERIFY(!m_editor->createEnvironment(name));
        QVERIFY(!m_editor->duplicateEnvironment(name));
        QVERIFY(!m_editor->renameEnvironment(name));
        QVERIFY(m_editor->problemLabel()->text().startsWith(problem));
        QVERIFY(!m_editor->problemLabel()->text().isEmpty());
        QCOMPARE(m_workspace->environmentNames(), before);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    std::unique_ptr<workspace::Workspace> m_workspace;
    std::unique_ptr<workspace::SecretStore> m_secrets;
    std::unique_ptr<ui::EnvironmentEditor> m_editor;
};

QTEST_MAIN(TestEnvironmentEditor)
#include "test_environmenteditor.moc"
