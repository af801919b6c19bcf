#pragma once

#include "app/editor/graphqldiagnostics.h"

#include <QAbstractListModel>

namespace triptych::editor {

// The errors of a document as a list under the editor: "line:column  message"; the line and column as roles for
// jumping there.
class DiagnosticModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { LineRole = Qt::UserRole, ColumnRole };

    explicit DiagnosticModel(QObject *parent = nullptr);

    void setDiagnostics(QList<GraphQLDiagnostic> diagnostics);
    const QList<GraphQLDiagnostic> &diagnostics() const { return m_diagnostics; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<GraphQLDiagnostic> m_diagnostics;
};

} // namespace triptych::editor
