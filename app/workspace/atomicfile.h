#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Writing and naming the workspace's files.
namespace triptych::workspace {

// Writes through QSaveFile (a temporary file beside the target, flushed, then renamed over it), so a crash, a kill or
// a failed write leaves either the old file or the new one, never half of either. Creates missing folders.
// `failAfterBytes` >= 0 makes the write fail after that many bytes: the tests' simulated failure.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error = nullptr,
                         qint64 failAfterBytes = -1);

// While one is alive on the calling thread, writeFileAtomically still writes a temporary file and renames it over the
// target, but does not flush each file to disk: the file system is flushed once when the outermost one ends. An import
// of thousands of new files then pays one sync instead of one per file (each costs milliseconds on a busy disk).
class DeferredSync {
public:
    explicit DeferredSync(const QString &folder);
    ~DeferredSync();
    DeferredSync(const DeferredSync &) = delete;
    DeferredSync &operator=(const DeferredSync &) = delete;

    // Whether writes on this thread are deferred now.
    static bool active();

private:
    QString m_folder;
};

// Reads a whole file; nothing and an error when it cannot be read.
std::optional<QByteArray> readWholeFile(const QString &path, QString *error = nullptr);

// The content hash the workspace compares to tell a real change from a touch: SHA-256, hex.
QByteArray contentHash(const QByteArray &bytes);

// Why `name` cannot name a request or folder on every system Triptych runs on; empty when it can.
QString entryNameProblem(QStringView name);

} // namespace triptych::workspace
