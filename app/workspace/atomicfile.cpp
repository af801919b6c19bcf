#include "app/workspace/atomicfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace triptych::workspace {

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error, qint64 failAfterBytes) {
    const auto fail = [error, &path](const QString &why) {
        if (error)
            *error = QStringLiteral("Could not save %1: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    };
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(QStringLiteral("cannot create its folder"));
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
