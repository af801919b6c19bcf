#include "app/ui/diffdialog.h"

#include <QListWidget>
#include <QTableWidget>
#include <QTest>

using namespace triptych;

// The side-by-side dialog: what it lists and how it colours the rows.
class TestDiffDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonDifferences() {
        client::CallRecord left;
        left.id = 1;
        left.body = R"({"id":7,"status":"PENDING","items":[1,2]})";
        client::CallRecord right;
        right.id = 2;
        right.body = "{\n  \"status\": \"PAID\",\n  \"id\": 7,\n  \"items\": [1, 2, 3]\n}";
        auto *dialog = ui::DiffDialog::openFor(left, right, nullptr);
        QCOMPARE(dialog->summaryText(), QStringLiteral("Compared as JSON: 2 difference(s)."));
        QCOMPARE(dialog->changesList()->count(), 2);
        QCOMPARE(dialog->changesList()->item(0)->text(), QStringLiteral("/items/2: added 3"));
        QCOMPARE(dialog->changesList()->item(1)->text(), QStringLiteral(R"(/status: "PENDING" → "PAID")"));
        QTableWidget *lines = dialog->linesTable();
        QVERIFY(lines->rowCount() > 0);
        int coloured = 0;
        for (int row = 0; row < lines->rowCount(); ++row) {
            if (lines->item(row, 0)->background().style() != Qt::NoBrush)
                ++coloured;
        }
        QCOMPARE(coloured, 3); // "2" gains a comma, "3" is added, the status changed
        QVERIFY(lines->horizontalHeaderItem(0)->text().startsWith("#1"));
        dialog->close();
    }

    void sameJsonInAnotherOrder() {
        ui::DiffDialog dialog("a", R"({"a":1,"b":2})", "b", R"({"b":2, "a":1})");
        QCOMPARE(dialog.summaryText(), QStringLiteral("The same JSON (key order and whitespace aside)."));
        QVERIFY(dialog.changesList()->isHidden());
    }

    void expectedAndActualAsText() {
        auto *dialog = ui::DiffDialog::openFor("header Server equals nginx", "nginx", "triptych", nullptr);
        QCOMPARE(dialog->summaryText(), QStringLiteral("Compared as text: 1 line(s) differ."));
        QCOMPARE(dialog->linesTable()->item(0, 0)->text(), QStringLiteral("nginx"));
        QCOMPARE(dialog->linesTable()->item(0, 1)->text(), QStringLiteral("triptych"));
        dialog->close();
    }
};

QTEST_MAIN(TestDiffDialog)
#include "test_diffdialog.moc"
