#include "app/editor/diagnosticmodel.h"

namespace triptych::editor {

DiagnosticModel::DiagnosticModel(QObject *parent)
    : QAbstractListModel(parent) {}

void DiagnosticModel::setDiagnostics(QList<GraphQLDiagnostic> diagnostics) {
    if (diagnostics == m_diagnostics)
        return;
    beginResetModel();
    m_diagnostics = std::move(diagnostics);
    endResetModel();
}

int DiagnosticModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

QVariant DiagnosticModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GraphQLDiagnostic &d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1:%2  %3").arg(d.line).arg(d.column).arg(d.message);
    case Qt::ToolTipRole:
        return d.message;
    case LineRole:
        return d.line;
    case ColumnRole:
        return d.column;
    default:
        return {};
    }
}

} // namespace triptych::editor
