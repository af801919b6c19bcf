#pragma once

#include <QLockFile>
#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;

namespace triptych::session {

// One window per workspace. The first start for a workspace holds a lock file and listens on a local socket, both
// named after the workspace in the user's runtime directory; a later start finds the lock held, asks the first over
// the socket to come to the front and gives up. A lock left by a crash is recognised by its dead process and taken.
class InstanceGuard : public QObject {
    Q_OBJECT
public:
    enum class Claim {
        First,       // this process holds the workspace now
        AlreadyOpen, // another process holds it and was asked to show its window
        Unguarded,   // the lock could not be written (e.g. no runtime directory): run without the guard
    };

    // `workspace` is the workspace folder as given, or empty for the default workspace; `directory` is where the
    // lock and the socket go (empty: QStandardPaths::RuntimeLocation).
    explicit InstanceGuard(const QString &workspace, const QString &directory = {}, QObject *parent = nullptr);
    ~InstanceGuard() override;

    Claim claim();
    // The workspace as the key sees it: the canonical path, or "default".
    const QString &workspaceKey() const { return m_key; }
    // After AlreadyOpen: the process that holds the workspace (0 when the lock file does not say), and whether it
    // took the request to show its window.
    qint64 holderPid() const { return m_holderPid; }
    bool holderNotified() const { return m_holderNotified; }

Q_SIGNALS:
    // A later start for the same workspace asked this process to show its window.
    void activationRequested();

private:
    void listen();
    bool notifyHolder();
    void onNewConnection();

    QString m_key;
    QString m_basePath; // lock file and socket: <basePath>.lock, <basePath>.socket
    QLockFile m_lock;
    QLocalServer *m_server = nullptr;
    qint64 m_holderPid = 0;
    bool m_holderNotified = false;
};

} // namespace triptych::session
