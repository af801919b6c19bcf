#pragma once

#include "app/workspace/requestdocument.h"

#include <QWidget>

class QTableWidget;

namespace triptych::ui {

// A multipart/form-data body (docs/workspace.md, `body.kind: multipart`): one row per part — name, inline value or a
// file, its content type, and whether it is sent.
class MultipartEditor : public QWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, FileColumn, ContentTypeColumn, SendColumn, ColumnCount };

    explicit MultipartEditor(QWidget *parent = nullptr);

    void setParts(const QList<workspace::MultipartPart> &parts);
    QList<workspace::MultipartPart> parts() const;
    void addPart(const workspace::MultipartPart &part = {});
    void removeSelectedParts();
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace triptych::ui
