#pragma once

#include "app/checks/jsondiff.h"
#include "app/client/callrecord.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QTableWidget;

namespace triptych::ui {

// Two answers side by side (docs/checks.md, "Filter and compare"): two history entries, or a check's expected and
// actual. JSON is compared structurally (checks::diffAnswers): the list above names each difference by its JSON
// Pointer, the rows below show both sides indented with keys sorted, so a moved key is no change; other text is
// compared line by line.
class DiffDialog : public QDialog {
    Q_OBJECT
public:
    DiffDialog(const QString &leftTitle, const QByteArray &left, const QString &rightTitle, const QByteArray &right,
               QWidget *parent = nullptr);

    // Two calls' answers (their bodies), in a window of their own that goes when closed.
    static DiffDialog *openFor(const client::CallRecord &left, const client::CallRecord &right, QWidget *parent);
    // A check's expected and actual value.
    static DiffDialog *openFor(const QString &check, const QString &expected, const QString &actual, QWidget *parent);

    const checks::AnswerDiff &diff() const { return m_diff; }
    QString summaryText() const;
    QListWidget *changesList() const { return m_changes; }
    QTableWidget *linesTable() const { return m_lines; }

    // Rows past this are left out, with a note: a table of millions of rows is no use to read.
    static constexpr int kMaxRows = 20'000;

private:
    void fillChanges();
    void fillLines();

    checks::AnswerDiff m_diff;
    QLabel *m_summary;
    QListWidget *m_changes;
    QTableWidget *m_lines;
};

} // namespace triptych::ui
