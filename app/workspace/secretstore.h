#pragma once

#include "app/workspace/environment.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace triptych::workspace {

// Where the values of secret variables live: never in the workspace folder a team commits, but in the system keyring
// (QtKeychain: Secret Service, KWallet, macOS Keychain, Windows Credential Store) or, when no keyring answers, in a
// file only the user can read (0600) in the user's data directory. Every call answers later with one signal, as the
// keyring's jobs are asynchronous; the file fallback answers the same way.
class SecretStore : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString service = QStringLiteral("Triptych"); // the keyring's service name
        QString fallbackFile;                         // empty: <AppDataLocation>/secrets.json
        bool useKeyring = true;                       // false: the file only (tests, machines without a keyring)
    };
    enum class Backend { Keyring, File };

    explicit SecretStore(QObject *parent = nullptr);
    explicit SecretStore(Options options, QObject *parent = nullptr);

    // The key of one secret variable: the workspace folder, the environment ("" for workspace.yaml) and the name.
    static QString key(const QString &workspaceRoot, const QString &environment, const QString &variable);
    QString fallbackFile() const { return m_options.fallbackFile; }

    void read(const QString &key);
    void write(const QString &key, const QString &value);
    void remove(const QString &key);

    // Reads the values of an environment's secret variables; environmentFilled follows with them filled in (a
    // secret without a stored value stays empty, and the resolver names it).
    void fill(const QString &workspaceRoot, const Environment &environment);
    // Writes the values of the environment's secret variables that have one; storeFinished or storeFailed follows.
    void store(const QString &workspaceRoot, const Environment &environment);

Q_SIGNALS:
    void readFinished(const QString &key, const QString &value, bool found);
    void readFailed(const QString &key, const QString &error);
    void writeFinished(const QString &key, triptych::workspace::SecretStore::Backend backend);
    void writeFailed(const QString &key, const QString &error);
    void removeFinished(const QString &key);
    void removeFailed(const QString &key, const QString &error);
    void environmentFilled(const triptych::workspace::Environment &environment);
    void storeFinished(const QString &environment);
    void storeFailed(const QString &environment, const QString &error);

private:
    // The keyring first, the file when it does not answer; the callbacks run later on this object's thread.
    using ReadDone = std::function<void(const std::optional<QString> &value, const QString &error)>;
    using WriteDone = std::function<void(Backend backend, const QString &error)>;
    void readThen(const QString &key, ReadDone done);
    void writeThen(const QString &key, const QString &value, WriteDone done);
    // Reads, changes and writes back the fallback file; false with `error` when it cannot be written.
    bool updateFile(const QString &key, const std::optional<QString> &value, QString *error);
    std::optional<QString> fileValue(const QString &key) const;

    Options m_options;
};

} // namespace triptych::workspace

Q_DECLARE_METATYPE(triptych::workspace::SecretStore::Backend)
