#pragma once

#include "app/client/callrecord.h"
#include "app/session/question.h"
#include "app/session/serverstate.h"
#include "app/ui/syntaxhighlighting.h"
#include "app/workspace/requestdocument.h"

#include <QColor>
#include <QLabel>
#include <QWidget>

#include <optional>

class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QVBoxLayout;

namespace triptych::workspace {
class VariableResolver;
}

namespace triptych::ui {

class ChecksTab;
class ResponseView;

// A pane's title: the style's name on its accent colour; double-click maximises the pane.
class PaneTitle : public QLabel {
    Q_OBJECT
public:
    PaneTitle(const QString &text, const QColor &accent, QWidget *parent = nullptr);

Q_SIGNALS:
    void doubleClicked();

protected:
    void mouseDoubleClickEvent(QMouseEvent *event) override;
};

// What the three panes share: a title, a composer on top, a response view below, the send/cancel button and the
// record of the last finished call. Subclasses compose and send.
class ComposerPane : public QWidget {
    Q_OBJECT
public:
    ComposerPane(const QString &title, const QColor &accent, SyntaxLanguage bodyLanguage, QWidget *parent = nullptr);

    virtual void send() = 0;
    virtual void cancel() = 0;
    virtual bool isBusy() const = 0;
    // Fills the composer from a call in the history, so it can be looked at again and re-sent.
    virtual void load(const client::CallRecord &record) = 0;
    // Where the embedded server listens now; presets and defaults follow it.
    virtual void setServer(const session::ServerState &state) = 0;
    // Puts this pane's style of a question into the composer: presets and "Ask all three" alike.
    virtual void applyQuestion(const session::Question &question) = 0;
    virtual client::CallKind style() const = 0;
    // The composer as a saved request (docs/workspace.md) and back (composerdocument.cpp); fields the pane has no
    // editor for are kept from the document loaded last, so saving what was opened changes nothing.
    virtual workspace::RequestDocument toDocument() const = 0;
    virtual void loadDocument(const workspace::RequestDocument &document) = 0;
    // Called with what is about to be saved: a pane may write files the request refers to (GraphQL's cached schema).
    virtual void prepareSave(workspace::RequestDocument &document) { Q_UNUSED(document) }
    // {{variables}} in the composer are resolved from here when it sends; null: sent as written.
    void setVariableResolver(const workspace::VariableResolver *resolver) { m_resolver = resolver; }
    // The cookie jar HTTP calls of this pane use (the active environment's, cookiescontroller.h); empty: none.
    void setCookieSession(const QString &session) { m_cookieSession = session; }
    const QString &cookieSession() const { return m_cookieSession; }
    // The workspace folder that relative file names of a loaded document (.proto files) start from.
    void setWorkspaceFolder(const QString &folder) { m_workspaceFolder = folder; }
    // The question catalog's presets of this pane's style, for the Request menu.
    QStringList presetNames() const;
    void applyPreset(int index);

    // The composer as it will be sent (also for Copy as curl): toDocument() with every {{variable}} resolved. Nothing,
    // and the problem in words, when a variable is undefined (naming each and the active environment).
    std::optional<workspace::RequestDocument> resolvedDocument(QString *problem) const;

    // Puts the keyboard in the composer's first field, e.g. after a saved request was opened into this pane.
    void focusComposer();

    ResponseView *responseView() const { return m_response; }
    // The Checks tab each pane shows among its request parts; it judges every answer the pane shows after a send.
    ChecksTab *checksTab() const { return m_checks; }
    PaneTitle *title() const { return m_title; }
    QPushButton *sendButton() const { return m_sendButton; }
    static QColor accentFor(client::CallKind kind);

Q_SIGNALS:
    // Every call that ended, for the history.
    void callCompleted(const triptych::client::CallRecord &record);

protected:
    // The composer's widgets go here, above the response view.
    QVBoxLayout *composerLayout() const { return m_composerLayout; }
    void setBusy(bool busy);
    // Disables Send and says why, e.g. the JSON error; empty text enables it.
    void setSendBlocked(const QString &reason);
    void finishCall(const client::CallRecord &record);
    void onSendClicked();
    void resizeEvent(QResizeEvent *event) override;
    // A send refused before anything went out: the view says why and shows no older answer.
    void refuse(const QString &problem);
    // The call `id` was cancelled: its record (what came until then) still arrives, for the view and the history.
    void expectCancelledRecord(quint64 id);
    // Shows or files the cancelled call's record; false when `record` is not that call's.
    bool takeCancelledRecord(const client::CallRecord &record);
    // The view moved on (a new call, a history entry): a cancelled call's record goes to the history only.
    void stopShowingCancelled() { m_showingCancelled = false; }

    // Keyboard: Tab leaves this pane's tables and editors (arrows still move inside them), and goes through
    // `composer` in this order, then the response view. Call at the end of the subclass's constructor.
    void finishKeyboardOrder(const QList<QWidget *> &composer);
    static bool followsInFocusChain(QWidget *first, QWidget *second);

    // Checks a JSON editor as the user types: underlines the error and returns it in words; empty when fine.
    static QString validateJson(QPlainTextEdit *editor, bool allowEmpty);

    QString resolvedText(const QString &text) const;
    const workspace::RequestDocument &loadedDocument() const { return m_loaded; }
    void setLoadedDocument(const workspace::RequestDocument &document) { m_loaded = document; }
    QString workspaceFolder() const { return m_workspaceFolder; }

private:
    PaneTitle *m_title;
    QVBoxLayout *m_composerLayout;
    ResponseView *m_response;
    ChecksTab *m_checks;
    QPushButton *m_sendButton;
    QSplitter *m_splitter;
    QWidget *m_firstField = nullptr; // where the keyboard goes first (finishKeyboardOrder)
    bool m_sized = false;            // the splitter got its first proportions
    bool m_busy = false;
    QString m_blockReason;
    quint64 m_cancelledId = 0;
    bool m_showingCancelled = false;
    const workspace::VariableResolver *m_resolver = nullptr;
    workspace::RequestDocument m_loaded;
    QString m_workspaceFolder;
    QString m_cookieSession;
};

} // namespace triptych::ui
