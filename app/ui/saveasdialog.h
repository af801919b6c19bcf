#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace triptych::ui {

// Save as…: a name for the request and the collection folder it goes into. The name is checked as it is typed
// (it becomes a file name that must work on every system and in git).
class SaveAsDialog : public QDialog {
    Q_OBJECT
public:
    // `folders`: every folder of the workspace, "" for its top level.
    SaveAsDialog(const QString &name, const QStringList &folders, const QString &folder, QWidget *parent = nullptr);

    QString name() const;
    QString folder() const;
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *folderBox() const { return m_folder; }

private:
    void onNameEdited();

    QLineEdit *m_name;
    QComboBox *m_folder;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace triptych::ui
