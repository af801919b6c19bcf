#include "app/session/instanceguard.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace triptych::session {

namespace {
constexpr int kNotifyTimeoutMs = 2'000;
constexpr auto kActivate = "activate\n";

QString canonicalWorkspace(const QString &workspace) {
    if (workspace.isEmpty())
        return QStringLiteral("default");
    const QFileInfo info(workspace);
    const QString canonical = info.canonicalFilePath(); // empty when it does not exist (yet)
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

// Socket paths are limited to about 100 bytes, so the workspace is a short hash in the name.
QString basePath(const QString &key, QString directory) {
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QDir(directory).filePath(QStringLiteral("triptych-%1").arg(QLatin1String(hash)));
}
} // namespace

InstanceGuard::InstanceGuard(const QString &workspace, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_key(canonicalWorkspace(workspace))
    , m_basePath(basePath(m_key, directory))
    , m_lock(m_basePath + QStringLiteral(".lock")) {
    // Only a live holder counts: QLockFile takes over a lock whose process is gone, however fresh.
    m_lock.setStaleLockTime(0);
}

InstanceGuard::~InstanceGuard() {
    if (m_server)
        m_server->close(); // removes the socket file before the lock goes
}

InstanceGuard::Claim InstanceGuard::claim() {
    if (m_lock.tryLock(0)) {
        listen();
        return Claim::First;
    }
    if (m_lock.error() != QLockFile::LockFailedError)
        return Claim::Unguarded;
    QString hostname;
    QString application;
    m_lock.getLockInfo(&m_holderPid, &hostname, &application);
    // The holder may be starting and not listening yet; it is open all the same, so this start gives up either way.
    m_holderNotified = notifyHolder();
    return Claim::AlreadyOpen;
}

void InstanceGuard::listen() {
    const QString socket = m_basePath + QStringLiteral(".socket");
    QLocalServer::removeServer(socket); // a crashed holder's socket file; the lock says nobody uses it
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(socket))
        return; // the workspace is still guarded; only a later start cannot raise this window
    connect(m_server, &QLocalServer::newConnection, this, &InstanceGuard::onNewConnection);
}

// Synchronous, bounded by kNotifyTimeoutMs: it runs before this process has a window, and then it exits.
bool InstanceGuard::notifyHolder() {
    QLocalSocket socket;
    socket.connectToServer(m_basePath + QStringLiteral(".socket"));
    if (!socket.waitForConnected(kNotifyTimeoutMs))
        return false;
    socket.write(kActivate);
    const bool written = socket.waitForBytesWritten(kNotifyTimeoutMs);
    socket.disconnectFromServer();
    return written;
}

void InstanceGuard::onNewConnection() {
    while (QLocalSocket *connection = m_server->nextPendingConnection()) {
        connect(connection, &QLocalSocket::disconnected, connection, &QObject::deleteLater);
        connect(connection, &QLocalSocket::readyRead, this, [this, connection] {
            while (connection->canReadLine()) {
                if (connection->readLine() == kActivate)
                    Q_EMIT activationRequested();
            }
        });
    }
}

} // namespace triptych::session
