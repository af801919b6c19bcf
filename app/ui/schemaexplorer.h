#pragma once

#include "app/editor/editorschema.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QToolButton;
class QTreeView;

namespace triptych::editor {
class ExplorerModel;
}

namespace triptych::ui {

// The GraphQL schema as a docs browser (docs/editor.md): the types, a type's fields with their arguments,
// descriptions and deprecations; search by name; back and forward. A click on a type goes there; a click on a
// field's name asks to insert it (with its required arguments) into the query.
class SchemaExplorer : public QWidget {
    Q_OBJECT
public:
    explicit SchemaExplorer(QWidget *parent = nullptr);

    void setSchema(const editor::EditorSchema &schema);
    // "" is the start page; the current page goes into the back history.
    void showType(const QString &typeName);
    void back();
    void forward();
    void search(const QString &text);

    QString currentType() const { return m_current; }
    editor::ExplorerModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    bool canGoBack() const { return !m_back.isEmpty(); }
    bool canGoForward() const { return !m_forward.isEmpty(); }

Q_SIGNALS:
    void insertRequested(const QString &text);
    // The same click as the field's type and name, for an insertion that looks at the query (editor::placeField).
    void fieldInsertRequested(const QString &typeName, const QString &fieldName);

private:
    void onClicked(const QModelIndex &index);
    void render();

    editor::EditorSchema m_schema;
    editor::ExplorerModel *m_model;
    QLineEdit *m_search;
    QToolButton *m_backButton;
    QToolButton *m_forwardButton;
    QLabel *m_header;
    QTreeView *m_view;
    QString m_current;
    QStringList m_back;
    QStringList m_forward;
};

} // namespace triptych::ui
