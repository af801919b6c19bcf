#include "app/ui/saveasdialog.h"

#include "app/workspace/atomicfile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace triptych::ui {

SaveAsDialog::SaveAsDialog(const QString &name, const QStringList &folders, const QString &folder, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(name, this))
    , m_folder(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Save request as"));
    for (const QString &path : folders)
        m_folder->addItem(path.isEmpty() ? tr("(top level)") : path, path);
    m_folder->setCurrentIndex(qMax(0, m_folder->findData(folder)));
    m_problem->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_problem->setWordWrap(true);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("Name"), m_name);
    layout->addRow(tr("Folder"), m_folder);
    layout->addRow(m_problem);
    layout->addRow(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this, &SaveAsDialog::onNameEdited);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_name->selectAll();
    onNameEdited();
}

QString SaveAsDialog::name() const {
    return m_name->text().trimmed();
}

QString SaveAsDialog::folder() const {
    return m_folder->currentData().toString();
}

void SaveAsDialog::onNameEdited() {
    const QString problem = name().isEmpty() ? tr("Give the request a name") : workspace::entryNameProblem(name());
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
}

} // namespace triptych::ui
