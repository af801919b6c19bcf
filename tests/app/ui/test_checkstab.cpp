#include "app/checks/check.h"
#include "app/ui/checkstab.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/restpane.h"
#include "app/workspace/documentformat.h"
#include "testserver.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace triptych;

namespace {

void setRow(ui::ChecksTab *tab, int row, const QStringList &texts) {
    for (int column = 0; column < texts.size(); ++column)
        tab->table()->item(row, column)->setText(texts.at(column));
}

QString resultText(ui::ChecksTab *tab, int row) {
    return tab->table()->item(row, ui::ChecksTab::ResultColumn)->text();
}

} // namespace

// The Checks tab of each pane: rows in, the request file's `checks:` out, and after a send each row's verdict.
class TestChecksTab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void rowsBecomeTheFilesChecks_data() {
        QTest::addColumn<QStringList>("row");
        QTest::addColumn<QString>("yaml");
        QTest::newRow("status") << QStringList{"status", "", "equals", "201"} << "- status: 201";
        QTest::newRow("budget") << QStringList{"timeMs", "", "lessThan", "500"} << "- timeMs: 500";
        QTest::newRow("operator inside") << QStringList{"status", "", "lessThan", "400"}
                                         << "- status:\n      lessThan: 400";
        QTest::newRow("path") << QStringList{"jsonPath", "$.status", "equals", "PENDING"}
                              << "- equals: PENDING\n    jsonPath: $.status";
        QTest::newRow("exists") << QStringList{"header", "Location", "exists", ""} << "- header: Location";
        QTest::newRow("capture") << QStringList{"capture", "$.id", "jsonPath", "orderId"}
                                 << "- capture: orderId\n    jsonPath: $.id";
    }
    void rowsBecomeTheFilesChecks() {
        QFETCH(QStringList, row);
        QFETCH(QString, yaml);
        ui::RestPane pane;
        pane.loadDocument(pane.toDocument());
        auto *tab = pane.checksTab();
        tab->addCheckRow();
        setRow(tab, 0, row);
        const workspace::RequestDocument document = pane.toDocument();
        const QByteArray file = workspace::writeRequest(document);
        QVERIFY2(file.contains(yaml.toUtf8()), file.constData());
        // The CLI reads the file back to the same list.
        const auto read = workspace::readRequest(file, workspace::RequestStyle::Rest, QStringLiteral("x"), {});
        QVERIFY(read.ok());
        QCOMPARE(checks::parseChecks(read.document.checks).checks, tab->checkList().checks);
        QCOMPARE(checks::parseChecks(read.document.checks).captures, tab->checkList().captures);
        QVERIFY(tab->checkList().errors.isEmpty());
    }

    // What the file had comes back unchanged when the table was not edited; a row that says nothing is refused.
    void keepsTheLoadedListAndRefusesNonsense() {
        ui::RestPane pane;
        workspace::RequestDocument document = pane.toDocument();
        document.checks = {QVariantMap{{"status", QVariantMap{{"equals", 200}}}}, QVariantMap{{"nonsense", 1}}};
        pane.loadDocument(document);
        QCOMPARE(pane.checksTab()->table()->rowCount(), 1);
        QCOMPARE(pane.toDocument().checks, document.checks);
        pane.checksTab()->addCheckRow();
        setRow(pane.checksTab(), 1, {"header", "", "", ""});
        const checks::CheckList list = pane.checksTab()->checkList();
        QCOMPARE(list.errors.size(), 1);
        QVERIFY2(list.errors.first().contains("header needs a value"), qPrintable(list.errors.first()));
        QCOMPARE(pane.toDocument().checks.size(), 3); // the nonsense entry of the file is kept
    }

    void sendShowsEachVerdict() {
        ui::RestPane pane;
        pane.setServer(m_server.state());
        pane.applyPreset(0);
        auto *tab = pane.checksTab();
        tab->addCheckRow();
        setRow(tab, 0, {"status", "", "equals", "200"});
        tab->addCheckRow();
        setRow(tab, 1, {"status", "", "equals", "201"});
        tab->addCheckRow();
        setRow(tab, 2, {"header", "Content-Type", "contains", "json"});
        tab->addCaptureRow();
        setRow(tab, 3, {"capture", "Content-Type", "header", "contentType"});
        QSignalSpy captured(tab, &ui::ChecksTab::variablesCaptured);
        QSignalSpy compare(tab, &ui::ChecksTab::compareRequested);
        QSignalSpy shown(tab, &ui::ChecksTab::verdictShown);
        pane.send();
        QTRY_COMPARE(shown.size(), 1); // judged on a worker thread
        QVERIFY2(resultText(tab, 0).startsWith("✓"), qPrintable(resultText(tab, 0)));
        QCOMPARE(resultText(tab, 1), QStringLiteral("✗ expected 201, got 200"));
        QVERIFY(!tab->resultOf(1).passed);
        QVERIFY(resultText(tab, 2).startsWith("✓"));
        QVERIFY2(resultText(tab, 3).startsWith("→ contentType = application/json"), qPrintable(resultText(tab, 3)));
        QCOMPARE(tab->summaryLabel()->text(), QStringLiteral("3 check(s): 2 passed, 1 failed; 1 capture(s) set"));
        QCOMPARE(captured.size(), 1);
        using Values = QHash<QString, QString>;
        QVERIFY(captured.first().first().value<Values>().value("contentType").contains("json"));
        // The failed row's expected and actual go to the diff.
        tab->table()->setCurrentCell(1, 0);
        for (auto *button : tab->findChildren<QPushButton *>()) {
            if (button->text().startsWith("Compare"))
                button->click();
        }
        QCOMPARE(compare.size(), 1);
        QCOMPARE(compare.first().at(1).toString(), QStringLiteral("201"));
        QCOMPARE(compare.first().at(2).toString(), QStringLiteral("200"));
    }

    void graphqlNoErrors() {
        ui::GraphQLPane pane;
        pane.setServer(m_server.state());
        pane.applyPreset(0);
        auto *tab = pane.checksTab();
        tab->addCheckRow();
        setRow(tab, 0, {"graphqlNoErrors", "", "", "true"});
        tab->addCheckRow();
        setRow(tab, 1, {"jsonPath", "$.data.nothing", "exists", ""});
        QSignalSpy shown(tab, &ui::ChecksTab::verdictShown);
        pane.send();
        QTRY_COMPARE(shown.size(), 1); // judged on a worker thread
        QVERIFY2(resultText(tab, 0).startsWith("✓"), qPrintable(resultText(tab, 0)));
        QVERIFY2(resultText(tab, 1).startsWith("✗ expected to exist"), qPrintable(resultText(tab, 1)));
    }

private:
    TestServer m_server;
};

QTEST_MAIN(TestChecksTab)
#include "test_checkstab.moc"
