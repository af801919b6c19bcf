#pragma once

#include "app/editor/editorschema.h"
#include "app/editor/graphqldiagnostics.h"

#include "app/editor/completionitem.h"

#include <QObject>

#include <functional>

class QFrame;
class QLabel;
class QListView;
class QPlainTextEdit;
class QTimer;

namespace triptych::editor {
class CompletionModel;
class DiagnosticModel;
} // namespace triptych::editor

namespace triptych::ui {

// Schema-aware help for an editor (docs/editor.md): a completion list at the cursor (Ctrl+Space, and while a word,
// `$`, `@` or `"` is typed) with each entry's type and description; checks as you type (debounced, on a worker
// thread), their errors underlined and listed under the editor. GraphQL by default (the engine's completion,
// validation and prettify); other providers make it the gRPC pane's JSON message editor. The editor keeps the
// focus: the list is a child popup driven by the editor's keys (Up, Down, Enter, Tab, Esc).
class EditorAssist : public QObject {
    Q_OBJECT
public:
    static constexpr int kValidateDelayMs = 250; // typing pauses this long before the document is checked
    using Completer = std::function<editor::Completion(const QString &text, int position)>;
    // Called on a worker thread: it must only read what it captured.
    using Checker = std::function<QList<editor::GraphQLDiagnostic>(const QString &text)>;

    explicit EditorAssist(QPlainTextEdit *editor, QObject *parent = nullptr);

    void setSchema(const editor::EditorSchema &schema);
    // Replaces GraphQL's completion and checks; empty functions turn them off.
    void setProviders(Completer completer, Checker checker);
    const editor::EditorSchema &schema() const { return m_schema; }
    // The list of errors, to be placed under the editor by the pane.
    QListView *diagnosticsView() const { return m_diagnosticsView; }
    const QList<editor::GraphQLDiagnostic> &diagnostics() const;
    bool isCompleting() const;
    editor::CompletionModel *completionModel() const { return m_completions; }

    void complete();
    // Replaces the document with the engine's print of it; false (and nothing changes) when it does not parse.
    bool prettify();
    // Checks now instead of after the typing pause (tests, and after a schema change).
    void validateNow();

Q_SIGNALS:
    void diagnosticsChanged(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTextChanged();
    void onValidated(quint64 generation, const QList<editor::GraphQLDiagnostic> &diagnostics);
    void onDiagnosticActivated(const QModelIndex &index);
    void accept(int row);
    void hidePopup();
    void underline();
    bool handlePopupKey(int key);

    QPlainTextEdit *m_editor;
    editor::EditorSchema m_schema;
    Completer m_completer;
    Checker m_checker;
    bool m_customProviders = false;
    editor::CompletionModel *m_completions;
    editor::DiagnosticModel *m_diagnostics;
    QFrame *m_popup;
    QListView *m_list;
    QLabel *m_documentation;
    QListView *m_diagnosticsView;
    QTimer *m_validateTimer;
    int m_replaceStart = 0;
    quint64 m_generation = 0; // a late validation of an older text is dropped
    bool m_inserting = false;
};

} // namespace triptych::ui
