#pragma once

#include "app/workspace/requestdocument.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

namespace triptych::ui {

class ComposerPane;

// Which saved request a pane shows, and whether it has unsaved changes: after any edit of the pane's editors it
// compares the pane's document with the one last opened or saved, and says so on the pane's title
// ("REST — A user's orders ●"). A pane shows scratch work (nothing tracked), a new request not saved yet, or a file.
class PaneFile : public QObject {
    Q_OBJECT
public:
    explicit PaneFile(ComposerPane *pane);

    ComposerPane *pane() const { return m_pane; }
    // Loads `document` into the pane as the saved request at `path` (empty: a new one, not on disk yet).
    void open(const QString &path, const workspace::RequestDocument &document, const QByteArray &hash);
    // The pane's document as it was written to `path`.
    void saved(const QString &path, const workspace::RequestDocument &document, const QByteArray &hash);
    // Back to scratch work: nothing is tracked.
    void detach();
    // The file was renamed or moved; its name follows the path.
    void setPath(const QString &path);
    // The file on disk is now the one with `hash`: the next save goes over it (the person chose to keep theirs).
    void setHash(const QByteArray &hash) { m_hash = hash; }

    bool isAttached() const { return m_attached; }
    bool isDirty() const { return m_dirty; }
    QString path() const { return m_path; }
    QByteArray hash() const { return m_hash; }
    QString name() const { return m_saved.name; }
    // Compares now instead of after the next turn of the event loop.
    void check();

Q_SIGNALS:
    void dirtyChanged(bool dirty);

private:
    void watchEditors();
    void setDirty(bool dirty);
    void updateTitle();

    ComposerPane *m_pane;
    QString m_style;    // the title's own text: "REST"
    QString m_titleTip; // and its own tooltip
    QString m_path;
    QByteArray m_hash;
    workspace::RequestDocument m_saved; // the pane's document as last opened or saved
    bool m_attached = false;
    bool m_dirty = false;
    QTimer m_check; // one comparison per burst of edits
};

} // namespace triptych::ui
