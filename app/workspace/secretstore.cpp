#include "app/workspace/secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <qt6keychain/keychain.h>

#include <memory>

namespace triptych::workspace {

namespace {

// The keyring did not answer at all (no Secret Service, no D-Bus session): the file takes over. A refusal by the
// person (AccessDeniedByUser) is not this and stays an error.
bool keyringMissing(QKeychain::Error error) {
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}

QString defaultFallbackFile() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("secrets.json"));
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : SecretStore(Options{}, parent) {}

SecretStore::SecretStore(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    if (m_options.fallbackFile.isEmpty())
        m_options.fallbackFile = defaultFallbackFile();
}

QString SecretStore::key(const QString &workspaceRoot, const QString &environment, const QString &variable) {
    return QStringLiteral("%1|%2|%3").arg(QDir::cleanPath(workspaceRoot), environment, variable);
}

void SecretStore::readThen(const QString &key, ReadDone done) {
    if (!m_options.useKeyring) {
        QMetaObject::invokeMethod(
            this, [this, key, done] { done(fileValue(key), {}); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_options.service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, done](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            done(static_cast<QKeychain::ReadPasswordJob *>(finished)->textData(), {});
        else if (finished->error() == QKeychain::EntryNotFound || keyringMissing(finished->error()))
            done(fileValue(key), {}); // a secret stored while no keyring ran is in the file
        else
            done(std::nullopt, finished->errorString());
    });
    job->start();
}

void SecretStore::writeThen(const QString &key, const QString &value, WriteDone done) {
    if (!m_options.useKeyring) {
        QMetaObject::invokeMethod(
            this,
            [this, key, value, done] {
                QString error;
                done(Backend::File, updateFile(key, value, &error) ? QString() : error);
            },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_options.service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, key, value, done](QKeychain::Job *finished) {
        QString error;
        if (finished->error() == QKeychain::NoError) {
            updateFile(key, std::nullopt, &error); // no stale copy stays in the file
            done(Backend::Keyring, {});
        } else if (keyringMissing(finished->error())) {
            done(Backend::File, updateFile(key, value, &error) ? QString() : error);
        } else {
            done(Backend::Keyring, finished->errorString());
        }
    });
    job->start();
}

void SecretStore::read(const QString &key) {
    readThen(key, [this, key](const std::optional<QString> &value, const QString &error) {
        if (!error.isEmpty())
            Q_EMIT readFailed(key, error);
        else
            Q_EMIT readFinished(key, value.value_or(QString()), value.has_value());
    });
}

void SecretStore::write(const QString &key, const QString &value) {
    writeThen(key, value, [this, key](Backend backend, const QString &error) {
        if (!error.isEmpty())
            Q_EMIT writeFailed(key, error);
        else
            Q_EMIT writeFinished(key, backend);
    });
}

void SecretStore::remove(const QString &key) {
    const auto removeFromFile = [this, key] {
        QString error;
        if (updateFile(key, std::nullopt, &error))
            Q_EMIT removeFinished(key);
        else
            Q_EMIT removeFailed(key, error);
    };
    if (!m_options.useKeyring) {
        QMetaObject::invokeMethod(this, removeFromFile, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_options.service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, removeFromFile](QKeychain::Job *finished) {
        const QKeychain::Error error = finished->error();
        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound || keyringMissing(error))
            removeFromFile();
        else
            Q_EMIT removeFailed(key, finished->errorString());
    });
    job->start();
}

void SecretStore::fill(const QString &workspaceRoot, const Environment &environment) {
    auto filled = std::make_shared<Environment>(environment);
    auto pending = std::make_shared<int>(1); // one for this loop, so a synchronous answer cannot finish early
    const auto finishOne = [this, filled, pending] {
        if (--*pending == 0)
            Q_EMIT environmentFilled(*filled);
    };
    for (qsizetype i = 0; i < filled->variables.size(); ++i) {
        const Variable &variable = filled->variables.at(i);
        if (!variable.secret || !variable.value.isEmpty())
            continue;
        ++*pending;
        readThen(key(workspaceRoot, environment.name, variable.name),
                 [filled, i, finishOne](const std::optional<QString> &value, const QString &) {
                     filled->variables[i].value = value.value_or(QString());
                     finishOne();
                 });
    }
    QMetaObject::invokeMethod(this, finishOne, Qt::QueuedConnection);
}

void SecretStore::store(const QString &workspaceRoot, const Environment &environment) {
    auto pending = std::make_shared<int>(1);
    auto errors = std::make_shared<QStringList>();
    const QString name = environment.name;
    const auto finishOne = [this, pending, errors, name] {
        if (--*pending != 0)
            return;
        if (errors->isEmpty())
            Q_EMIT storeFinished(name);
        else
            Q_EMIT storeFailed(name, errors->join(QStringLiteral("; ")));
    };
    for (const Variable &variable : environment.variables) {
        if (!variable.secret || variable.value.isEmpty())
            continue;
        ++*pending;
        writeThen(key(workspaceRoot, name, variable.name), variable.value,
                  [errors, finishOne](Backend, const QString &error) {
                      if (!error.isEmpty())
                          errors->append(error);
                      finishOne();
                  });
    }
    QMetaObject::invokeMethod(this, finishOne, Qt::QueuedConnection);
}

std::optional<QString> SecretStore::fileValue(const QString &key) const {
    QFile file(m_options.fallbackFile);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject secrets = QJsonDocument::fromJson(file.readAll()).object();
    const auto it = secrets.constFind(key);
    return it == secrets.constEnd() ? std::nullopt : std::optional(it->toString());
}

bool SecretStore::updateFile(const QString &key, const std::optional<QString> &value, QString *error) {
    QJsonObject secrets;
    QFile current(m_options.fallbackFile);
    if (current.open(QIODevice::ReadOnly))
        secrets = QJsonDocument::fromJson(current.readAll()).object();
    current.close();
    if (!value && !secrets.contains(key))
        return true;
    if (value)
        secrets.insert(key, *value);
    else
        secrets.remove(key);
    QDir().mkpath(QFileInfo(m_options.fallbackFile).absolutePath());
    QSaveFile file(m_options.fallbackFile);
    // Owner-only from the first byte: the permissions are set on the new file before anything is written to it.
    const bool written = file.open(QIODevice::WriteOnly) &&
                         file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
                         file.write(QJsonDocument(secrets).toJson()) >= 0 && file.commit();
    if (!written && error)
        *error = QStringLiteral("Could not write the secrets file %1: %2")
                     .arg(QDir::toNativeSeparators(m_options.fallbackFile), file.errorString());
    return written;
}

} // namespace triptych::workspace
