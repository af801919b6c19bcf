#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QLineEdit;
class QPlainTextEdit;

namespace triptych::session {
class ActiveEnvironment;
}

namespace triptych::ui {

class ComposerPane;

// Colours the {{variables}} in a composer's editors — defined ones in the variable colour, undefined ones red and
// underlined — and explains each on hover: its value in the active environment (secrets masked) or that it is not
// defined there. Text editors get extra selections beside the JSON checker's; line edits a text format. The tables
// (headers, params, metadata) are resolved at send like everything else but not coloured.
class VariableMarker : public QObject {
    Q_OBJECT
public:
    explicit VariableMarker(const session::ActiveEnvironment *environment, QObject *parent = nullptr);

    // Every text editor and line edit of the pane's composer (not of its response view).
    void watchPane(ComposerPane *pane);
    void watch(QPlainTextEdit *editor);
    void watch(QLineEdit *edit);
    // Colours everything again: the environment changed, so which variables are defined did too.
    void refresh();

    // What the hover says about {{name}}.
    QString explain(const QString &name) const;
    // The variable names marked as undefined in an editor now (for tests).
    static QStringList undefinedMarks(const QPlainTextEdit *editor);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void mark(QPlainTextEdit *editor);
    void mark(QLineEdit *edit);
    bool isDefined(const QString &name) const;
    // The name of the {{variable}} at `position` of `text`; empty when there is none.
    static QString variableAt(const QString &text, int position);

    const session::ActiveEnvironment *m_environment;
    QList<QPointer<QPlainTextEdit>> m_editors;
    QList<QPointer<QLineEdit>> m_lines;
};

} // namespace triptych::ui
