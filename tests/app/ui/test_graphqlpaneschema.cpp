// GraphQLPane's schema-aware editing against the embedded server: the schema by introspection of the URL,
// completion and errors in the pane, a schema file, Ctrl+Shift+F and the variables skeleton; sending stays possible.
#include "app/editor/completionmodel.h"
#include "app/ui/editorassist.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/responseview.h"
#include "app/workspace/documentformat.h"
#include "testserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>

using namespace triptych;

class TestGraphQLPaneSchema : public QObject {
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<ui::GraphQLPane> m_pane;

    bool schemaFromServer() {
        m_pane->loadSchema();
        return QTest::qWaitFor([this] { return !m_pane->assist()->schema().isNull(); }, 20'000);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init() {
        m_pane = std::make_unique<ui::GraphQLPane>();
        m_pane->setServer(m_server.state());
        m_pane->resize(900, 700);
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    }
    void cleanup() { m_pane.reset(); }

    void completesFromTheServersSchema() {
        QVERIFY(schemaFromServer());
        QVERIFY2(m_pane->schemaStatus().contains(QStringLiteral("type(s) from http://127.0.0.1:")),
                 qPrintable(m_pane->schemaStatus()));
        QPlainTextEdit *query = m_pane->queryEditor();
        query->clear();
        query->setFocus();
        QTest::keyClicks(query, QStringLiteral("{ user(id: 42) { emai"));
        QVERIFY(m_pane->assist()->isCompleting());
        QCOMPARE(m_pane->assist()->completionModel()->items().first().label, QStringLiteral("email"));
        QTest::keyClick(query, Qt::Key_Return);
        QCOMPARE(query->toPlainText(), QStringLiteral("{ user(id: 42) { email"));
    }

    void errorsShowButSendingStaysPossible() {
        QVERIFY(schemaFromServer());
        m_pane->queryEditor()->setPlainText(QStringLiteral("{ user(id: 42) { nam } }"));
        QTRY_COMPARE(m_pane->assist()->diagnostics().size(), 1);
        QVERIFY(m_pane->schemaStatus().contains(QStringLiteral("you can still send")));
        QVERIFY(m_pane->sendButton()->isEnabled());
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 20'000);
        // The server's answer says the same as the editor did.
        QVERIFY(m_pane->responseView()->bodyText().contains(QStringLiteral("Cannot query field \\\"nam\\\"")));
    }

    void schemaChangesWithTheUrl() {
        QVERIFY(schemaFromServer());
        QLineEdit *url = nullptr;
        for (auto *edit : m_pane->findChildren<QLineEdit *>())
            url = edit->accessibleName() == QStringLiteral("GraphQL URL") ? edit : url;
        QVERIFY(url);
        url->setText(QStringLiteral("http://127.0.0.1:1/graphql"));
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->schemaStatus().contains(QStringLiteral("cannot load it")), 20'000);
    }

    void schemaFromAFile() {
        m_pane->loadSchemaFile(QStringLiteral(TRIPTYCH_SHOP_SCHEMA));
        QVERIFY(m_pane->schemaStatus().contains(QStringLiteral("schema.graphql")));
        m_pane->loadSchemaFile(QStringLiteral("/nonexistent/schema.graphql"));
        QVERIFY(m_pane->schemaStatus().contains(QStringLiteral("Cannot read")));
    }

    void prettifyShortcutAndVariables() {
        m_pane->loadSchemaFile(QStringLiteral(TRIPTYCH_SHOP_SCHEMA));
        QPlainTextEdit *query = m_pane->queryEditor();
        query->setPlainText(QStringLiteral("query Q($id:ID!,$n:Int=3){customer(id:$id){orders(first:$n){id}}}"));
        query->setFocus();
        QTest::keyClick(query, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(query->toPlainText(), QStringLiteral("query Q($id: ID!, $n: Int = 3) {\n  customer(id: $id) {\n"
                                                      "    orders(first: $n) {\n      id\n    }\n  }\n}"));
        m_pane->variablesEditor()->setPlainText(QStringLiteral("{\"id\": \"c-7\"}"));
        m_pane->fillVariables();
        const QJsonObject variables =
            QJsonDocument::fromJson(m_pane->variablesEditor()->toPlainText().toUtf8()).object();
        QCOMPARE(variables.value(QStringLiteral("id")).toString(), QStringLiteral("c-7")); // kept
        QCOMPARE(variables.value(QStringLiteral("n")).toInt(), 3);                         // the default
    }

    void explorerFieldGoesWhereItFits() {
        m_pane->loadSchemaFile(QStringLiteral(TRIPTYCH_SHOP_SCHEMA));
        QPlainTextEdit *query = m_pane->queryEditor();
        const QString before = QStringLiteral("{\n  customer(id: 1) {\n    id\n  }\n}");
        query->setPlainText(before);
        query->moveCursor(QTextCursor::End);
        m_pane->insertField(QStringLiteral("Customer"), QStringLiteral("name"));
        QCOMPARE(query->toPlainText(), QStringLiteral("{\n  customer(id: 1) {\n    id\n    name\n  }\n}"));
        QCOMPARE(query->textCursor().position(), int(query->toPlainText().indexOf(QStringLiteral("name")) + 4));
        query->undo();
        QCOMPARE(query->toPlainText(), before);
        m_pane->insertField(QStringLiteral("OrderItem"), QStringLiteral("quantity"));
        QCOMPARE(query->toPlainText(), before);
        QVERIFY2(m_pane->schemaStatus().contains(QStringLiteral("Not inserted: No selection of OrderItem")),
                 qPrintable(m_pane->schemaStatus()));
    }

    void schemaCachedWithASavedRequest() {
        QTemporaryDir folder;
        m_pane->setWorkspaceFolder(folder.path());
        QVERIFY(schemaFromServer());
        const int types = m_pane->assist()->schema().typeCount();
        workspace::RequestDocument document = m_pane->toDocument();
        QVERIFY(document.graphql.schemaCache.isEmpty());
        m_pane->prepareSave(document);
        QVERIFY2(document.graphql.schemaCache.startsWith(QStringLiteral(".triptych/schemas/")),
                 qPrintable(document.graphql.schemaCache));
        QVERIFY(QFile::exists(folder.filePath(document.graphql.schemaCache)));
        QCOMPARE(m_pane->toDocument().graphql.schemaCache, document.graphql.schemaCache); // not dirty after saving

        // Through the file format, then opened where the URL answers nothing.
        document.http.url = QStringLiteral("http://127.0.0.1:1/graphql");
        const auto read = workspace::readRequest(workspace::writeRequest(document), workspace::RequestStyle::GraphQL,
                                                 QStringLiteral("q"), QStringLiteral("q.graphql.yaml"));
        QVERIFY(read.ok());
        QCOMPARE(read.document.graphql.schemaCache, document.graphql.schemaCache);
        ui::GraphQLPane offline;
        offline.setWorkspaceFolder(folder.path());
        offline.loadDocument(read.document);
        QCOMPARE(offline.assist()->schema().typeCount(), types);
        QVERIFY2(offline.schemaStatus().contains(QStringLiteral("cached (")), qPrintable(offline.schemaStatus()));
        QTRY_VERIFY_WITH_TIMEOUT(offline.schemaStatus().contains(QStringLiteral("cannot be loaded")), 20'000);
        QCOMPARE(offline.assist()->schema().typeCount(), types);
        offline.queryEditor()->setPlainText(QStringLiteral("{ user(id: 42) { nam } }"));
        QTRY_COMPARE(offline.assist()->diagnostics().size(), 1);
        QCOMPARE(offline.toDocument().graphql.schemaCache, document.graphql.schemaCache);

        // A reference that leaves the cache folder is not followed.
        workspace::RequestDocument escaping = read.document;
        escaping.graphql.schemaCache = QStringLiteral(".triptych/schemas/../../schema.graphql");
        QFile::copy(folder.filePath(document.graphql.schemaCache), folder.filePath(QStringLiteral("schema.graphql")));
        ui::GraphQLPane refused;
        refused.setWorkspaceFolder(folder.path());
        refused.loadDocument(escaping);
        QVERIFY(refused.assist()->schema().isNull());
    }
};

QTEST_MAIN(TestGraphQLPaneSchema)
#include "test_graphqlpaneschema.moc"