#pragma once

#include "app/checks/checkjudge.h"
#include "app/client/callrecord.h"
#include "app/client/resultrelay.h"

#include <QHash>
#include <QVariantList>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace triptych::ui {

// A pane's Checks tab (docs/checks.md): the saved request's checks and captures as a table — kind, subject or path,
// operator (a capture's source), expected (a capture's variable) — and, after a send, each one's verdict with what
// was expected and what came back, judged by the same code as `triptych-cli run` (checks::judge).
class ChecksTab : public QWidget {
    Q_OBJECT
public:
    enum Column { KindColumn, SubjectColumn, OperatorColumn, ExpectedColumn, ResultColumn, ColumnCount };

    explicit ChecksTab(QWidget *parent = nullptr);
    ~ChecksTab() override;

    // The request file's `checks:` list; entries the table cannot show (invalid ones) are kept aside and saved back.
    void setEntries(const QVariantList &entries);
    // The table as a `checks:` list: what was loaded when the table still shows it, else the rows in their shortest
    // form, then the entries kept aside.
    QVariantList entries() const;
    // The rows as checks and captures, with `checks[N]: …` errors for rows that say nothing sensible.
    checks::CheckList checkList() const;

    // Judges `record` with the table's checks, their {{variables}} through `resolveText`, on a worker thread; then
    // shows each verdict in its row (verdictShown), and the captures' values go out with variablesCaptured. A newer
    // answer, an edit or another file drops a verdict still being judged.
    void judge(const client::CallRecord &record, const std::function<QString(const QString &)> &resolveText);
    void clearResults();

    void addCheckRow();
    void addCaptureRow();
    void removeSelectedRows();
    QTableWidget *table() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }
    // The verdict of a row after a send; empty before.
    checks::CheckResult resultOf(int row) const { return m_results.value(row); }

Q_SIGNALS:
    void variablesCaptured(const QHash<QString, QString> &values);
    void verdictShown();
    // A failed check's expected and actual, to be compared side by side.
    void compareRequested(const QString &title, const QString &expected, const QString &actual);

private:
    struct Rows {
        QList<int> checks;   // the row of each check of the list judged
        QList<int> captures; // and of each capture
        int invalid = 0;     // rows that are no check
    };
    void showVerdict(const checks::Verdict &verdict, const Rows &rows);
    void appendRow(const QString &kind, const QString &subject, const QString &op, const QString &expected);
    QVariantMap rowEntry(int row) const;
    QVariantList rowEntries() const;
    void onCellChanged(int row, int column);
    void onCompareClicked();
    void showResult(int row, bool passed, const QString &text, const QString &tip);

    QTableWidget *m_table;
    QLabel *m_summary;
    QPushButton *m_compare;
    QVariantList m_loaded;     // the entries as loaded
    QVariantList m_loadedRows; // the rows as they were right after loading
    QVariantList m_aside;      // loaded entries the table cannot show
    QHash<int, checks::CheckResult> m_results;
    client::ResultRelayPtr m_relay;
    quint64 m_generation = 0;
};

} // namespace triptych::ui
