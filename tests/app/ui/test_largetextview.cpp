#include "app/ui/findbar.h"
#include "app/ui/largetextview.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace triptych::ui;

class TestLargeTextView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void indexesLines_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QList<qint64>>("starts");
        QTest::addColumn<qint64>("longest");
        QTest::newRow("empty") << QByteArray() << QList<qint64>{0} << qint64(0);
        QTest::newRow("one line") << QByteArray("abc") << QList<qint64>{0} << qint64(3);
        QTest::newRow("trailing newline") << QByteArray("ab\n") << QList<qint64>{0, 3} << qint64(2);
        QTest::newRow("three lines") << QByteArray("a\nbcd\nef") << QList<qint64>{0, 2, 6} << qint64(3);
        QTest::newRow("empty lines") << QByteArray("\n\n") << QList<qint64>{0, 1, 2} << qint64(0);
    }
    void indexesLines() {
        QFETCH(QByteArray, text);
        QFETCH(QList<qint64>, starts);
        QFETCH(qint64, longest);
        const auto indexed = IndexedText::fromUtf8(text);
        QCOMPARE(QList<qint64>(indexed.lineStarts.cbegin(), indexed.lineStarts.cend()), starts);
        QCOMPARE(indexed.longestLineBytes, longest);
        QCOMPARE(indexed.lineEnd(indexed.lineCount() - 1), qint64(text.size()));
    }

    void findsIgnoringAsciiCase_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("needle");
        QTest::addColumn<QList<qint64>>("matches");
        QTest::newRow("none") << QByteArray("abc") << QByteArray("x") << QList<qint64>{};
        QTest::newRow("case folds") << QByteArray("Id id ID") << QByteArray("id") << QList<qint64>{0, 3, 6};
        QTest::newRow("no overlaps") << QByteArray("aaaa") << QByteArray("aa") << QList<qint64>{0, 2};
        QTest::newRow("needle longer than text") << QByteArray("ab") << QByteArray("abc") << QList<qint64>{};
        QTest::newRow("UTF-8 bytes match exactly") << QByteArray("ñandú Ñandú") << QByteArray("ñandú")
                                                   << QList<qint64>{0};
        QTest::newRow("at the very end") << QByteArray("xx\"end\"") << QByteArray("\"END\"") << QList<qint64>{2};
    }
    void findsIgnoringAsciiCase() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, needle);
        QFETCH(QList<qint64>, matches);
        const std::atomic_bool stop{false};
        const auto found = findAllMatches(text, needle, 100, stop);
        QCOMPARE(QList<qint64>(found.cbegin(), found.cend()), matches);
    }

    void paintsOnlyTheVisibleLines() {
        QByteArray text;
        for (int i = 0; i < 100'000; ++i)
            text += "  \"id\": " + QByteArray::number(i) + ",\n";
        LargeTextView view;
        view.resize(400, 300);
        view.setText(IndexedText::fromUtf8(text), true);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.viewport()->repaint();
        QCOMPARE(view.lineCount(), 100'001);
        QVERIFY(view.lastPaintedLineCount() > 0);
        QVERIFY(view.lastPaintedLineCount() < 100);
        QCOMPARE(view.verticalScrollBar()->maximum() + view.verticalScrollBar()->pageStep() - 1 >= 100'000, true);
    }

    void selectsAndCopies() {
        LargeTextView view;
        view.setText(IndexedText::fromUtf8("{\n  \"name\": \"Ada\"\n}"), true);
        view.select(5, 9);
        QCOMPARE(view.selectedText(), QStringLiteral("name"));
        view.copy();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("name"));
        view.selectAll();
        QCOMPARE(view.selectedText(), view.toPlainText());
    }

    void findBarStepsThroughMatches() {
        LargeTextView view;
        view.setText(IndexedText::fromUtf8("one two one three ONE"), false);
        FindBar bar(&view);
        QSignalSpy finished(&bar, &FindBar::searchFinished);
        bar.open();
        bar.field()->setText(QStringLiteral("one"));
        QTRY_VERIFY(!finished.isEmpty());
        QCOMPARE(bar.matchCount(), 3);
        QCOMPARE(bar.resultText(), QStringLiteral("1 of 3"));
        QCOMPARE(view.selectionStart(), qint64(0));
        bar.findNext();
        QCOMPARE(view.selectionStart(), qint64(8));
        bar.findNext();
        QCOMPARE(view.selectedText(), QStringLiteral("ONE"));
        bar.findNext(); // wraps
        QCOMPARE(view.selectionStart(), qint64(0));
        bar.findPrevious();
        QCOMPARE(bar.resultText(), QStringLiteral("3 of 3"));
        finished.clear();
        bar.field()->setText(QStringLiteral("four"));
        QTRY_VERIFY(!finished.isEmpty());
        QCOMPARE(bar.resultText(), QStringLiteral("no match"));
    }
};

QTEST_MAIN(TestLargeTextView)
#include "test_largetextview.moc"
