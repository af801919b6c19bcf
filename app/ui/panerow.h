#pragma once

#include "app/client/callrecord.h"
#include "app/session/serverstate.h"

#include <QHash>
#include <QList>
#include <QSplitter>

namespace triptych::ui {

class ComposerPane;
class GraphQLPane;
class GrpcPane;
class RestPane;

// The three composers side by side in equal columns. Knows which pane a person works in (the one holding the
// focus, else the last one used) and that pane's newest call, and can give one pane the whole width.
class PaneRow : public QSplitter {
    Q_OBJECT
public:
    explicit PaneRow(QWidget *parent = nullptr);

    RestPane *restPane() const { return m_rest; }
    GraphQLPane *graphqlPane() const { return m_graphql; }
    GrpcPane *grpcPane() const { return m_grpc; }
    const QList<ComposerPane *> &panes() const { return m_panes; }
    ComposerPane *paneFor(client::CallKind kind) const;
    ComposerPane *focusedPane() const;
    // The pane worked in last, for when the focus is outside all three (a menu, the history).
    void setCurrentPane(ComposerPane *pane) { m_lastPane = pane; }
    void toggleMaximised(ComposerPane *pane);
    // Every pane follows the embedded server's ports and credentials.
    void setServer(const session::ServerState &state);
    // Esc: cancels the focused pane's call, or every pane's when the focused one has none.
    void cancelFocused();
    void sendFocused();
    // Puts a call from the history into its style's pane, to look at it again or re-send it.
    void showRecord(const client::CallRecord &record);
    void resend(const client::CallRecord &record);

Q_SIGNALS:
    // The focused pane's newest call changed: the focus moved to another pane, or a call of its ended.
    void currentCallChanged(const triptych::client::CallRecord &record);

private:
    void onFocusChanged(QWidget *now);
    void onCallCompleted(ComposerPane *pane, const client::CallRecord &record);

    RestPane *m_rest;
    GraphQLPane *m_graphql;
    GrpcPane *m_grpc;
    QList<ComposerPane *> m_panes;
    ComposerPane *m_lastPane = nullptr;
    ComposerPane *m_maximised = nullptr;
    QHash<ComposerPane *, client::CallRecord> m_lastCalls;
};

} // namespace triptych::ui
