#include "app/editor/completionmodel.h"

namespace triptych::editor {

CompletionModel::CompletionModel(QObject *parent)
    : QAbstractListModel(parent) {}

void CompletionModel::setItems(QList<CompletionItem> items) {
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

int CompletionModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant CompletionModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CompletionItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return item.label + (item.detail.isEmpty() ? QString() : QStringLiteral("  ") + item.detail) +
               (item.deprecated ? tr("  (deprecated)") : QString());
    case Qt::EditRole:
        return item.label;
    case Qt::ToolTipRole:
        return item.deprecated ? tr("Deprecated. %1").arg(item.documentation) : item.documentation;
    case InsertTextRole:
        return item.insertText;
    case DetailRole:
        return item.detail;
    case KindRole:
        return toString(item.kind);
    default:
        return {};
    }
}

} // namespace triptych::editor
