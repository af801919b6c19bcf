#include "app/client/callrecord.h"
#include "app/ui/jsonpathfilter.h"
#include "app/ui/responseview.h"

#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;

// The JSONPath filter of a response view: a query shows its matches, a bad one its error, off the GUI thread.
class TestJsonPathFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void filters_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("result"); // compact
        QTest::newRow("member") << "$.status"
                                << "1 match(es)"
                                << R"(["PENDING"])";
        QTest::newRow("filter") << "$.items[?@.quantity > 1].sku"
                                << "1 match(es)"
                                << R"(["K-2"])";
        QTest::newRow("wildcard") << "$.items[*].quantity"
                                  << "2 match(es)"
                                  << "[1,3]";
        QTest::newRow("nothing") << "$.missing"
                                 << "0 match(es)"
                                 << "[]";
        QTest::newRow("bad query") << "$.items[?@.quantity >]"
                                   << "Not a JSONPath query, at"
                                   << "";
        QTest::newRow("no dollar") << "status"
                                   << "Not a JSONPath query, at 0"
                                   << "";
    }
    void filters() {
        QFETCH(QString, query);
        QFETCH(QString, status);
        QFETCH(QString, result);
        ui::ResponseView view(ui::SyntaxLanguage::Json);
        client::CallRecord record;
        record.kind = client::CallKind::Rest;
        record.httpStatus = 200;
        record.body = R"({"status":"PENDING","items":[{"sku":"K-1","quantity":1},{"sku":"K-2","quantity":3}]})";
        view.showRecord(record);
        ui::JsonPathFilter *filter = view.filter();
        QSignalSpy finished(filter, &ui::JsonPathFilter::filterFinished);
        QTest::keyClicks(filter->queryField(), query); // as typed: each keystroke supersedes the last run
        QTRY_VERIFY(!filter->isRunning() && finished.size() > 0 && filter->statusText() != "Filtering…");
        QVERIFY2(filter->statusText().startsWith(status), qPrintable(filter->statusText()));
        QString compact = filter->resultText();
        compact.remove(QRegularExpression(R"(\s)"));
        QCOMPARE(compact, result);
    }

    void bodyThatIsNotJson() {
        ui::JsonPathFilter filter;
        filter.setBody("<html>");
        QSignalSpy finished(&filter, &ui::JsonPathFilter::filterFinished);
        filter.setQuery("$.a");
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY2(filter.statusText().startsWith("The body is not JSON"), qPrintable(filter.statusText()));
    }

    // A large body is parsed on a worker: the GUI thread returns at once, and a newer query wins over an older one.
    void largeBodyOffTheGuiThread() {
        QByteArray body = "[";
        for (int i = 0; i < 200'000; ++i)
            body += QByteArray(i ? "," : "") + R"({"n":)" + QByteArray::number(i) + R"(,"pad":"xxxxxxxxxxxxxxxxxxxx"})";
        body += "]";
        ui::JsonPathFilter filter;
        filter.setBody(body);
        QSignalSpy finished(&filter, &ui::JsonPathFilter::filterFinished);
        filter.setQuery("$[*].n");
        QVERIFY(filter.isRunning());
        filter.setQuery("$[?@.n == 199999].n");
        QTRY_VERIFY_WITH_TIMEOUT(!filter.isRunning(), 30'000);
        QCOMPARE(finished.size(), 1); // the first query's result was dropped
        QCOMPARE(filter.statusText(), QStringLiteral("1 match(es)"));
        QVERIFY(filter.resultText().contains("199999"));
    }
};

QTEST_MAIN(TestJsonPathFilter)
#include "test_jsonpathfilter.moc"
