#pragma once

#include "app/editor/schemapages.h"

#include <QAbstractTableModel>

namespace triptych::editor {

// The rows of one explorer page in two columns: the name (a field with its arguments) and its type; the
// description as tooltip, deprecated rows marked.
class ExplorerModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, ColumnCount };

    explicit ExplorerModel(QObject *parent = nullptr);

    void setRows(QList<ExplorerRow> rows);
    const QList<ExplorerRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ExplorerRow> m_rows;
};

} // namespace triptych::editor
