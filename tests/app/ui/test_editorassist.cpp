// EditorAssist on a plain editor with the shop schema: the completion list follows typing and keys, errors are
// underlined and listed, prettify.
#include "app/editor/completionmodel.h"
#include "app/ui/editorassist.h"

#include <QAbstractItemModelTester>
#include <QListView>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>

using namespace triptych;

class TestEditorAssist : public QObject {
    Q_OBJECT
    std::unique_ptr<QWidget> m_window;
    QPlainTextEdit *m_editor = nullptr;
    ui::EditorAssist *m_assist = nullptr;

    QStringList labels() const {
        QStringList out;
        for (const auto &item : m_assist->completionModel()->items())
            out.append(item.label);
        return out;
    }

private Q_SLOTS:
    void init() {
        m_window = std::make_unique<QWidget>();
        m_editor = new QPlainTextEdit(m_window.get());
        m_window->resize(600, 400);
        m_editor->resize(600, 300);
        m_assist = new ui::EditorAssist(m_editor, m_window.get());
        QString error;
        m_assist->setSchema(editor::EditorSchema::fromFile(QStringLiteral(TRIPTYCH_SHOP_SCHEMA), &error));
        QVERIFY(!m_assist->schema().isNull());
        m_window->show();
        m_editor->setFocus();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() { m_window.reset(); }

    void completesWhileTyping() {
        QAbstractItemModelTester tester(m_assist->completionModel());
        QTest::keyClicks(m_editor, QStringLiteral("{ cu"));
        QVERIFY(m_assist->isCompleting());
        QCOMPARE(labels(), QStringList{"customer"});
        QTest::keyClick(m_editor, Qt::Key_Return);
        QVERIFY(!m_assist->isCompleting());
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("{ customer"));
        // The argument list: an entry inserts "name: ".
        QTest::keyClicks(m_editor, QStringLiteral("(i"));
        QCOMPARE(labels(), QStringList{"id"});
        QTest::keyClick(m_editor, Qt::Key_Tab);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("{ customer(id: "));
    }

    void ctrlSpaceAndKeys() {
        QTest::keyClicks(m_editor, QStringLiteral("{ customer(id: 1) { "));
        QVERIFY(!m_assist->isCompleting()); // a space opens nothing
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(m_assist->isCompleting());
        QCOMPARE(labels().first(), QStringLiteral("id"));
        QTest::keyClick(m_editor, Qt::Key_Down);
        QTest::keyClick(m_editor, Qt::Key_Return);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("{ customer(id: 1) { name"));
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(!m_assist->isCompleting()); // "name" typed out in full: nothing to offer
        QTest::keyClick(m_editor, Qt::Key_Backspace);
        QVERIFY(m_assist->isCompleting());
        QTest::keyClick(m_editor, Qt::Key_Escape);
        QVERIFY(!m_assist->isCompleting());
    }

    void underlinesAndListsErrors() {
        m_editor->setPlainText(QStringLiteral("{\n  customer(id: 1) {\n    nam\n  }\n}"));
        m_assist->validateNow();
        QTRY_COMPARE(m_assist->diagnostics().size(), 1);
        QCOMPARE(m_assist->diagnostics().first().line, 3);
        QVERIFY(m_assist->diagnosticsView()->isVisible());
        QCOMPARE(m_assist->diagnosticsView()->model()->index(0, 0).data().toString(),
                 QStringLiteral("3:5  Cannot query field \"nam\" on type \"Customer\". Did you mean \"name\"?"));
        const auto selections = m_editor->extraSelections();
        QCOMPARE(selections.size(), 1);
        QCOMPARE(selections.first().cursor.selectedText(), QStringLiteral("nam"));
        // Fixing it clears the list and the underline after the typing pause.
        QTextCursor cursor(m_editor->document()->findBlockByNumber(2));
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.insertText(QStringLiteral("e"));
        QTRY_VERIFY(m_assist->diagnostics().isEmpty());
        QVERIFY(m_editor->extraSelections().isEmpty());
        QVERIFY(!m_assist->diagnosticsView()->isVisible());
    }

    void clickingAnErrorMovesTheCursor() {
        m_editor->setPlainText(QStringLiteral("{\n  nope\n}"));
        m_assist->validateNow();
        QTRY_COMPARE(m_assist->diagnostics().size(), 1);
        m_editor->moveCursor(QTextCursor::Start);
        QListView *view = m_assist->diagnosticsView();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(0, 0)).center());
        QCOMPARE(m_editor->textCursor().blockNumber(), 1);
        QCOMPARE(m_editor->textCursor().positionInBlock(), 2);
    }

    void prettifiesWithUndo() {
        m_editor->setPlainText(QStringLiteral("{customer(id:1){name}}"));
        QVERIFY(m_assist->prettify());
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("{\n  customer(id: 1) {\n    name\n  }\n}"));
        QVERIFY(m_assist->prettify()); // idempotent
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("{\n  customer(id: 1) {\n    name\n  }\n}"));
        m_editor->undo();
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("{customer(id:1){name}}"));
        m_editor->setPlainText(QStringLiteral("{ broken("));
        QVERIFY(!m_assist->prettify());
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("{ broken("));
    }
};

QTEST_MAIN(TestEditorAssist)
#include "test_editorassist.moc"
