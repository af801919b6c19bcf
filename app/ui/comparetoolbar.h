#pragma once

#include <QToolBar>

class QComboBox;

namespace triptych::ui {

// The "Ask all three" toolbar: the picker of the catalog's comparison questions, Send all and Benchmark.
class CompareToolBar : public QToolBar {
    Q_OBJECT
public:
    explicit CompareToolBar(QWidget *parent = nullptr);

    // Shows which question the panes hold.
    void setCurrentQuestion(int index);

Q_SIGNALS:
    void questionChosen(int index);
    void sendAllClicked();
    void benchmarkClicked();

private:
    QComboBox *m_questions;
};

} // namespace triptych::ui
