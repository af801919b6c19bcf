#pragma once

#include "app/editor/completionitem.h"

#include <QAbstractListModel>

namespace triptych::editor {

// The entries of a completion popup: the label with its type or kind, the description as tooltip.
class CompletionModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { InsertTextRole = Qt::UserRole, DetailRole, KindRole };

    explicit CompletionModel(QObject *parent = nullptr);

    void setItems(QList<CompletionItem> items);
    const QList<CompletionItem> &items() const { return m_items; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<CompletionItem> m_items;
};

} // namespace triptych::editor
