#include "app/model/streammessagemodel.h"
#include "app/ui/findbar.h"
#include "app/ui/largetextview.h"
#include "app/ui/responseview.h"

#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

using namespace triptych;
using namespace triptych::ui;

namespace {
client::CallRecord recordWith(const QByteArray &body) {
    client::CallRecord record;
    record.httpStatus = 200;
    record.body = body;
    return record;
}

QByteArray manyOrders(int count) {
    QByteArray body = "[";
    for (int i = 0; i < count; ++i)
        body += (i ? "," : "") + QByteArray("{\"id\":") + QByteArray::number(i) + ",\"product\":\"keyboard\"}";
    return body + "]";
}
} // namespace

class TestResponseView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // As a terminal does: the list follows new messages while it is at its end; scrolled up, it stays.
    void messageListFollowsWhileAtTheBottom() {
        ResponseView view(SyntaxLanguage::Json);
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.begin(QStringLiteral("Streaming…"));
        const auto add = [&view](int count) {
            for (int i = 0; i < count; ++i)
                view.addMessage({false, i, 10, QStringLiteral("order"), QByteArray("{\"id\":1}")});
            view.messagesModel()->flush();
            QCoreApplication::processEvents();
        };
        add(200);
        auto *bar = view.messagesView()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        add(50);
        QTRY_COMPARE(bar->value(), bar->maximum());
        bar->setValue(bar->maximum() / 2);
        const int readingAt = bar->value();
        add(50);
        QCOMPARE(bar->value(), readingAt);
        bar->setValue(bar->maximum());
        add(50);
        QTRY_COMPARE(bar->value(), bar->maximum());
    }

    void showsBodies_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<bool>("coloured");
        QTest::newRow("JSON is indented in the server's key order")
            << QByteArray("{\"b\":1,\"a\":[true,null]}") << "{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null\n  ]\n}"
            << true;
        QTest::newRow("text stays as it came") << QByteArray("plain text") << "plain text" << false;
        QTest::newRow("broken JSON stays as it came") << QByteArray("{\"a\":") << "{\"a\":" << false;
        QTest::newRow("empty") << QByteArray() << "" << false;
    }
    void showsBodies() {
        QFETCH(QByteArray, body);
        QFETCH(QString, shown);
        QFETCH(bool, coloured);
        ResponseView view(SyntaxLanguage::Json);
        view.showRecord(recordWith(body));
        QVERIFY(view.isBodyFormatted());
        QCOMPARE(view.bodyText(), shown);
        QCOMPARE(view.bodyView()->highlightsJson(), coloured);
    }

    void notesWhereJsonIsBroken_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("note");
        QTest::newRow("valid") << QByteArray("{\"a\":1}") << QString();
        QTest::newRow("broken") << QByteArray("{\n  \"a\": 1,\n  \"b\": [1, 2,\n}")
                                << "Not valid JSON at line 4, column 1: expected a value (object, array, string, "
                                   "number, true, false or null) — shown as received";
        QTest::newRow("html error page") << QByteArray("<html>502</html>") << QString();
        QTest::newRow("broken and big") << manyOrders(20'000).chopped(1)
                                        << "Not valid JSON at line 1, column 668891: the text ends inside an array: "
                                           "expected ',' or ']' — shown as received";
    }
    void notesWhereJsonIsBroken() {
        QFETCH(QByteArray, body);
        QFETCH(QString, note);
        ResponseView view(SyntaxLanguage::Json);
        QSignalSpy shown(&view, &ResponseView::bodyShown);
        view.showRecord(recordWith(body));
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(view.formatNote(), note);
        if (!note.isEmpty())
            QCOMPARE(view.bodyText(), QString::fromUtf8(body)); // broken JSON stays as it came
    }

    void bigBodyShowsItsStartAtOnceThenTheWhole() {
        const QByteArray body = manyOrders(20'000); // ~700 KB: formatted on a worker
        ResponseView view(SyntaxLanguage::Json);
        QSignalSpy shown(&view, &ResponseView::bodyShown);
        view.showRecord(recordWith(body));
        QVERIFY(!view.isBodyFormatted());
        QVERIFY(view.bodyText().startsWith(QStringLiteral("[{\"id\":0")));
        QVERIFY(view.bodyText().size() < body.size());
        QTRY_COMPARE(shown.count(), 1);
        QVERIFY(view.isBodyFormatted());
        QCOMPARE(view.bodyView()->lineCount(), 20'000 * 4 + 2);
        QVERIFY(view.bodyView()->highlightsJson());
    }

    void aReplacedBigBodyIsDropped() {
        ResponseView view(SyntaxLanguage::Json);
        QSignalSpy shown(&view, &ResponseView::bodyShown);
        view.showRecord(recordWith(manyOrders(20'000)));
        view.begin(QStringLiteral("again"));
        view.showRecord(recordWith("{\"small\":true}"));
        QCOMPARE(shown.count(), 1);
        QTRY_VERIFY(QThreadPool::globalInstance()->activeThreadCount() == 0);
        QCoreApplication::processEvents();
        QCOMPARE(shown.count(), 1);
        QCOMPARE(view.bodyText(), QStringLiteral("{\n  \"small\": true\n}"));
    }

    void findsInTheBody() {
        ResponseView view(SyntaxLanguage::Json);
        view.showRecord(recordWith(manyOrders(50)));
        QSignalSpy finished(view.findBar(), &FindBar::searchFinished);
        view.findBar()->open();
        view.findBar()->field()->setText(QStringLiteral("KEYBOARD"));
        QTRY_VERIFY(!finished.isEmpty());
        QCOMPARE(view.findBar()->matchCount(), 50);
        QCOMPARE(view.bodyView()->selectedText(), QStringLiteral("keyboard"));
    }

    void countsStreamMessagesAtOnceAndShowsThemInBatches() {
        ResponseView view(SyntaxLanguage::Json);
        view.begin(QStringLiteral("streaming"));
        for (int i = 0; i < 500; ++i) {
            view.addMessage({false, i, 10, {}, "{\"id\":1}"});
            view.setStreamState(QStringLiteral("Stream open · %1 messages").arg(i + 1));
        }
        QCOMPARE(view.messageCount(), 500);
        QCOMPARE(view.statusText(), QStringLiteral("Stream open · 500 messages"));
        QTRY_COMPARE(view.messagesModel()->rowCount(), 500);
        client::CallRecord end = recordWith({});
        view.showRecord(end);
        QCOMPARE(view.statusText(), QStringLiteral("200"));
        QCOMPARE(view.messageCount(), 500);
    }

    void showsTheHttpVersionTheServerAgreedTo_data() {
        QTest::addColumn<QString>("version");
        QTest::addRow("1.1") << QStringLiteral("HTTP/1.1");
        QTest::addRow("2") << QStringLiteral("HTTP/2");
        QTest::addRow("none") << QString();
    }
    void showsTheHttpVersionTheServerAgreedTo() {
        QFETCH(QString, version);
        ResponseView view(SyntaxLanguage::Json);
        client::CallRecord record = recordWith("{}");
        record.httpVersion = version;
        view.showRecord(record);
        QCOMPARE(view.sizesText().startsWith(QStringLiteral("HTTP/")), !version.isEmpty());
        QVERIFY(view.sizesText().startsWith(version));
    }
};

QTEST_MAIN(TestResponseView)
#include "test_responseview.moc"
