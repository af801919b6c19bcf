#include "app/ui/multiparteditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace triptych::ui {

MultipartEditor::MultipartEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this)) {
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value"), tr("File"), tr("Content-Type"), tr("Send")});
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Multipart parts"));
    m_table->setToolTip(tr("A part is its value, or the file named (relative to the workspace folder)"));
    auto *add = new QPushButton(tr("Add part"), this);
    auto *remove = new QPushButton(tr("Remove selected"), this);
    connect(add, &QPushButton::clicked, this, [this] { addPart(); });
    connect(remove, &QPushButton::clicked, this, &MultipartEditor::removeSelectedParts);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

void MultipartEditor::setParts(const QList<workspace::MultipartPart> &parts) {
    m_table->setRowCount(0);
    for (const auto &part : parts)
        addPart(part);
}

void MultipartEditor::addPart(const workspace::MultipartPart &part) {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(part.name));
    m_table->setItem(row, ValueColumn, new QTableWidgetItem(part.value));
    m_table->setItem(row, FileColumn, new QTableWidgetItem(part.filePath));
    m_table->setItem(row, ContentTypeColumn, new QTableWidgetItem(part.contentType));
    auto *send = new QTableWidgetItem;
    send->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    send->setCheckState(part.enabled ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, SendColumn, send);
}

QList<workspace::MultipartPart> MultipartEditor::parts() const {
    QList<workspace::MultipartPart> parts;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        parts.append({m_table->item(row, NameColumn)->text(), m_table->item(row, ValueColumn)->text(),
                      m_table->item(row, FileColumn)->text(), m_table->item(row, ContentTypeColumn)->text(),
                      m_table->item(row, SendColumn)->checkState() == Qt::Checked});
    }
    return parts;
}

void MultipartEditor::removeSelectedParts() {
    QList<int> rows;
    for (const auto &range : m_table->selectedRanges()) {
        for (int row = range.topRow(); row <= range.bottomRow(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_table->removeRow(row);
}

} // namespace triptych::ui
