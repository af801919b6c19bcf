#include "app/workspace/atomicfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace triptych::workspace {

namespace {

thread_local int deferredSyncDepth = 0;

// A temporary file beside the target, written whole and renamed over it, without the flush QSaveFile makes: used
// under DeferredSync, whose end flushes everything at once.
bool writeAndRename(const QString &path, const QByteArray &bytes, QString *why) {
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary =
        target + ".partial-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        *why = QString::fromLocal8Bit(strerror(errno));
        return false;
    }
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += n;
    }
    const int writeErrno = errno;
    const bool closed = ::close(fd) == 0;
    if (written != bytes.size() || !closed || ::rename(temporary.constData(), target.constData()) != 0) {
        *why = QString::fromLocal8Bit(strerror(written != bytes.size() ? writeErrno : errno));
        ::unlink(temporary.constData());
        return false;
    }
    return true;
}

} // namespace

DeferredSync::DeferredSync(const QString &folder)
    : m_folder(folder) {
    ++deferredSyncDepth;
}

DeferredSync::~DeferredSync() {
    if (--deferredSyncDepth > 0)
        return;
    // syncfs flushes the file system holding the folder: every file written meanwhile, and the renames.
    const int fd = ::open(QFile::encodeName(m_folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::syncfs(fd);
        ::close(fd);
    } else {
        ::sync();
    }
}

bool DeferredSync::active() {
    return deferredSyncDepth > 0;
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error, qint64 failAfterBytes) {
    const auto fail = [error, &path](const QString &why) {
        if (error)
            *error = QStringLiteral("Could not save %1: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    };
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(QStringLiteral("cannot create its folder"));
    if (DeferredSync::active() && failAfterBytes < 0) {
        QString why;
        return writeAndRename(path, bytes, &why) || fail(why);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (failAfterBytes >= 0) {
        file.write(bytes.left(failAfterBytes));
        file.cancelWriting();
        file.commit();
        return fail(QStringLiteral("simulated failure after %1 bytes").arg(failAfterBytes));
    }
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(why);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

std::optional<QByteArray> readWholeFile(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

QByteArray contentHash(const QByteArray &bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QString entryNameProblem(QStringView name) {
    if (name.trimmed().isEmpty())
        return QStringLiteral("a name cannot be empty");
    if (name.startsWith(u'.'))
        return QStringLiteral("a name cannot start with '.' (such files are hidden)");
    if (name.endsWith(u'.') || name.endsWith(u' ') || name.startsWith(u' '))
        return QStringLiteral("a name cannot start or end with a space or end with '.'");
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || QStringView(u"/\\:*?\"<>|").contains(c))
            return QStringLiteral("a name cannot contain / \\ : * ? \" < > | or control characters");
    }
    if (name.size() > 200)
        return QStringLiteral("a name can be at most 200 characters long");
    return {};
}

} // namespace triptych::workspace
