#include "app/ui/environmenteditor.h"

#include "app/workspace/atomicfile.h"
#include "app/workspace/secretstore.h"
#include "app/workspace/workspace.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {
QString masked(const QString &value, bool secret) {
    return secret && !value.isEmpty() ? QStringLiteral("••••••") : value;
}

// A secret's value is shown as dots and typed without being shown.
class SecretValueDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        option->text = masked(option->text, isSecret(index));
    }
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor); line && isSecret(index))
            line->setEchoMode(QLineEdit::Password);
        return editor;
    }

private:
    static bool isSecret(const QModelIndex &index) {
        return index.siblingAtColumn(EnvironmentEditor::SecretColumn).data(Qt::CheckStateRole).toInt() == Qt::Checked;
    }
};
} // namespace

EnvironmentEditor::EnvironmentEditor(workspace::Workspace *workspace, workspace::SecretStore *secrets,
                                     const QString &selected, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_secrets(secrets)
    , m_list(new QListWidget(this))
    , m_table(new QTableWidget(0, 3, this))
    , m_problem(new QLabel(this)) {
    setWindowTitle(tr("Environments"));
    m_list->setAccessibleName(tr("Environments"));
    m_table->setAccessibleName(tr("Variables"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value"), tr("Secret")});
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SecretColumn, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(ValueColumn, new SecretValueDelegate(m_table));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(link-visited)"));
    m_problem->hide();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(createListButtons());
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_table, 1);
    rightLayout->addWidget(createTableButtons());
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &EnvironmentEditor::saveCurrent);
    auto *note = new QLabel(tr("Secret values are kept in your system keyring (or an owner-only file), never in the "
                               "workspace folder."),
                            this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(720, 420);

    connect(m_secrets, &workspace::SecretStore::environmentFilled, this, &EnvironmentEditor::onEnvironmentFilled);
    connect(m_secrets, &workspace::SecretStore::storeFinished, this, &EnvironmentEditor::secretsStored);
    connect(m_secrets, &workspace::SecretStore::storeFailed, this, &EnvironmentEditor::secretsFailed);
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            m_modified = true;
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &EnvironmentEditor::onCurrentRowChanged);
    reloadList(selected);
}

QWidget *EnvironmentEditor::createListButtons() {
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto button = [this, layout](const QString &text, auto slot) {
        auto *push = new QPushButton(text, this);
        push->setAutoDefault(false);
        connect(push, &QPushButton::clicked, this, slot);
        layout->addWidget(push);
    };
    button(tr("New…"), [this] {
        askName(tr("New environment"), QString(), [this](const QString &name) { return createEnvironment(name); });
    });
    button(tr("Rename…"), [this] {
        if (m_current.isEmpty())
            return;
        askName(tr("Rename %1").arg(m_current), m_current,
                [this](const QString &name) { return renameEnvironment(name); });
    });
    button(tr("Duplicate…"), [this] {
        if (m_current.isEmpty())
            return;
        askName(tr("Duplicate %1").arg(m_current), tr("%1 copy").arg(m_current),
                [this](const QString &name) { return duplicateEnvironment(name); });
    });
    button(tr("Delete"), [this] {
        if (m_current.isEmpty())
            return;
        auto *ask = new QMessageBox(QMessageBox::Question, tr("Delete %1").arg(m_current),
                                    tr("Delete the environment %1 and its file?").arg(m_current),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
        ask->setAttribute(Qt::WA_DeleteOnClose);
        connect(ask, &QMessageBox::accepted, this, &EnvironmentEditor::deleteEnvironment);
        ask->open();
    });
    return box;
}

QWidget *EnvironmentEditor::createTableButtons() {
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *add = new QPushButton(tr("Add variable"), this);
    auto *remove = new QPushButton(tr("Remove selected"), this);
    for (auto *push : {add, remove})
        push->setAutoDefault(false);
    connect(add, &QPushButton::clicked, this, [this] {
        addVariable();
        m_table->editItem(m_table->item(m_table->rowCount() - 1, NameColumn));
    });
    connect(remove, &QPushButton::clicked, this, &EnvironmentEditor::removeSelectedVariables);
    layout->addWidget(add);
    layout->addWidget(remove);
    layout->addStretch(1);
    return box;
}

void EnvironmentEditor::askName(const QString &title, const QString &proposal,
                                std::function<bool(const QString &)> apply) {
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(tr("Name (the file environments/<name>.yaml):"));
    dialog->setTextValue(proposal);
    connect(dialog, &QInputDialog::textValueSelected, this, [apply](const QString &name) { apply(name.trimmed()); });
    dialog->open();
}

void EnvironmentEditor::reloadList(const QString &select) {
    const QStringList names = m_workspace ? m_workspace->environmentNames() : QStringList();
    {
        const QSignalBlocker quiet(m_list);
        m_list->clear();
        m_list->addItems(names);
    }
    m_current.clear();
    const int row = names.indexOf(select);
    m_list->setCurrentRow(row >= 0 ? row : (names.isEmpty() ? -1 : 0));
    if (m_list->currentRow() < 0)
        onCurrentRowChanged();
}

void EnvironmentEditor::selectEnvironment(const QString &name) {
    const QList<QListWidgetItem *> found = m_list->findItems(name, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
}

void EnvironmentEditor::onCurrentRowChanged() {
    // The table being left is kept: switching is saving.
    if (m_modified && !m_current.isEmpty() && !saveCurrent()) {
        // The table cannot be saved as it is: it stays, and so does the selection, until it is mended.
        const QSignalBlocker quiet(m_list);
        const auto found = m_list->findItems(m_current, Qt::MatchExactly);
        m_list->setCurrentItem(found.isEmpty() ? nullptr : found.first());
        return;
    }
    const auto *item = m_list->currentItem();
    m_current = item ? item->text() : QString();
    if (m_current.isEmpty() || !m_workspace) {
        showEnvironment({});
        return;
    }
    const auto loaded = m_workspace->loadEnvironment(m_current);
    QStringList problems;
    for (const auto &diagnostic : loaded.diagnostics)
        problems.append(diagnostic.text());
    setProblem(problems.join(QLatin1Char('\n')));
    showEnvironment(loaded.value);
    m_secrets->fill(m_workspace->root(), loaded.value);
}

void EnvironmentEditor::showEnvironment(const workspace::Environment &environment) {
    m_filling = true;
    m_table->setRowCount(0);
    for (const auto &variable : environment.variables)
        addVariable(variable.name, variable.value, variable.secret);
    m_table->setEnabled(!m_current.isEmpty());
    m_filling = false;
    m_modified = false;
}

void EnvironmentEditor::onEnvironmentFilled(const workspace::Environment &environment) {
    // The secret values come from the keyring a moment later; a table already edited keeps what was typed.
    if (environment.name != m_current || m_modified)
        return;
    showEnvironment(environment);
}

void EnvironmentEditor::addVariable(const QString &name, const QString &value, bool secret) {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(name));
    m_table->setItem(row, ValueColumn, new QTableWidgetItem(value));
    auto *flag = new QTableWidgetItem;
    flag->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    flag->setCheckState(secret ? Qt::Checked : Qt::Unchecked);
    flag->setToolTip(tr("A secret's value stays on this machine, in the keyring"));
    m_table->setItem(row, SecretColumn, flag);
}

void EnvironmentEditor::removeSelectedVariables() {
    QList<int> rows;
    for (const auto &range : m_table->selectedRanges()) {
        for (int row = range.topRow(); row <= range.bottomRow(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_table->removeRow(row);
    m_modified = m_modified || !rows.isEmpty();
}

QString EnvironmentEditor::shownValue(int row) const {
    return masked(m_table->item(row, ValueColumn)->text(),
                  m_table->item(row, SecretColumn)->checkState() == Qt::Checked);
}

workspace::Environment EnvironmentEditor::tableEnvironment() const {
    workspace::Environment environment;
    environment.name = m_current;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = m_table->item(row, NameColumn)->text().trimmed();
        const QString value = m_table->item(row, ValueColumn)->text();
        if (name.isEmpty() && value.isEmpty())
            continue; // a row added and left empty
        environment.variables.append({name, value, m_table->item(row, SecretColumn)->checkState() == Qt::Checked});
    }
    return environment;
}

bool EnvironmentEditor::saveCurrent() {
    if (m_current.isEmpty())
        return true;
    const workspace::Environment environment = tableEnvironment();
    QSet<QString> seen;
    for (const auto &variable : environment.variables) {
        if (!workspace::isValidVariableName(variable.name)) {
            setProblem(tr("“%1” is not a variable name: letters, digits, _ - and ., starting with a letter or _")
                           .arg(variable.name));
            return false;
        }
        if (seen.contains(variable.name)) {
            setProblem(tr("%1 is defined twice").arg(variable.name));
            return false;
        }
        seen.insert(variable.name);
    }
    if (!writeEnvironment(environment))
        return false;
    m_modified = false;
    setProblem({});
    return true;
}

bool EnvironmentEditor::writeEnvironment(const workspace::Environment &environment, bool quiet) {
    if (!m_workspace)
        return false;
    const auto written = m_workspace->saveEnvironment(environment); // the file says `secret: true`, no value
    if (!written.ok) {
        setProblem(tr("Cannot save %1: %2").arg(environment.name, written.error));
        return false;
    }
    m_secrets->store(m_workspace->root(), environment);
    if (!quiet)
        Q_EMIT environmentsChanged();
    return true;
}

bool EnvironmentEditor::checkNewName(const QString &name) {
    const QString problem = workspace::entryNameProblem(name);
    if (!problem.isEmpty()) {
        setProblem(problem);
        return false;
    }
    if (m_workspace && m_workspace->environmentNames().contains(name, Qt::CaseInsensitive)) {
        setProblem(tr("There is an environment %1 already").arg(name));
        return false;
    }
    return m_workspace != nullptr;
}

bool EnvironmentEditor::createEnvironment(const QString &name) {
    if (!checkNewName(name) || (m_modified && !saveCurrent()))
        return false;
    if (!writeEnvironment({name, {}}))
        return false;
    reloadList(name);
    return true;
}

bool EnvironmentEditor::duplicateEnvironment(const QString &newName) {
    if (m_current.isEmpty() || !checkNewName(newName) || (m_modified && !saveCurrent()))
        return false;
    workspace::Environment copy = tableEnvironment(); // with the secret values: the copy stores its own
    copy.name = newName;
    if (!writeEnvironment(copy))
        return false;
    reloadList(newName);
    return true;
}

bool EnvironmentEditor::renameEnvironment(const QString &newName) {
    if (m_current.isEmpty() || newName == m_current || !checkNewName(newName) || (m_modified && !saveCurrent()))
        return false;
    const workspace::Environment old = tableEnvironment();
    workspace::Environment renamed = old;
    renamed.name = newName;
    if (!writeEnvironment(renamed, true))
        return false;
    m_workspace->removeEnvironment(old.name);
    removeSecrets(old);
    // Renamed first, so that the switcher can follow the active environment to its new name.
    Q_EMIT environmentRenamed(old.name, newName);
    Q_EMIT environmentsChanged();
    reloadList(newName);
    return true;
}

bool EnvironmentEditor::deleteEnvironment() {
    if (m_current.isEmpty() || !m_workspace)
        return false;
    const workspace::Environment old = tableEnvironment();
    const auto removed = m_workspace->removeEnvironment(old.name);
    if (!removed.ok) {
        setProblem(removed.error);
        return false;
    }
    removeSecrets(old);
    m_modified = false;
    Q_EMIT environmentsChanged();
    reloadList({});
    return true;
}

void EnvironmentEditor::removeSecrets(const workspace::Environment &environment) {
    for (const auto &variable : environment.variables) {
        if (variable.secret)
            m_secrets->remove(workspace::SecretStore::key(m_workspace->root(), environment.name, variable.name));
    }
}

void EnvironmentEditor::setProblem(const QString &text) {
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void EnvironmentEditor::done(int result) {
    // OK saves the table; Close leaves the file as it was last saved.
    if (result == QDialog::Accepted && m_modified && !saveCurrent())
        return;
    QDialog::done(result);
}

} // namespace triptych::ui
