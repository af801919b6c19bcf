#pragma once

#include "app/model/quickopenmodel.h"

#include <QDialog>

class QLineEdit;
class QListView;

namespace triptych::ui {

// Ctrl+P: type a few letters of a saved request's name, pick it with the arrows, Enter opens it.
class QuickOpenDialog : public QDialog {
    Q_OBJECT
public:
    QuickOpenDialog(const QList<model::QuickOpenItem> &items, QWidget *parent = nullptr);

    QLineEdit *patternEdit() const { return m_pattern; }
    model::QuickOpenModel *model() const { return m_model; }
    // Opens the highlighted request (what Enter does).
    void chooseCurrent();

Q_SIGNALS:
    void requestChosen(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onPatternEdited(const QString &pattern);

    model::QuickOpenModel *m_model;
    QLineEdit *m_pattern;
    QListView *m_list;
};

} // namespace triptych::ui
