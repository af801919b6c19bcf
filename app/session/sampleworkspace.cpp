#include "app/session/sampleworkspace.h"

#include "app/workspace/atomicfile.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QStandardPaths>

// Outside any namespace: the name Q_INIT_RESOURCE declares must be global.
static void initSampleWorkspaceResources() {
    Q_INIT_RESOURCE(sampleworkspace);
}

namespace triptych::session::sampleworkspace {

namespace {
constexpr auto kRoot = ":/triptych/sample-workspace";
constexpr int kMaxCopies = 99; // "Triptych samples 2" … before giving up

bool isEmptyOrMissing(const QString &folder) {
    const QDir dir(folder);
    return !dir.exists() || dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}
} // namespace

QStringList files() {
    initSampleWorkspaceResources();
    QStringList found;
    const QDir root{QLatin1String(kRoot)};
    QDirIterator it(root.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        found.append(root.relativeFilePath(it.next()));
    found.sort();
    return found;
}

QString defaultFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(QStringLiteral("Triptych samples"));
}

bool copyTo(const QString &folder, QString *error) {
    if (!isEmptyOrMissing(folder)) {
        if (error)
            *error = QStringLiteral("%1 is not empty").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    const QStringList names = files();
    if (names.isEmpty()) {
        if (error)
            *error = QStringLiteral("The sample workspace is missing from this build");
        return false;
    }
    const QDir source{QLatin1String(kRoot)};
    const QDir target(folder);
    for (const QString &name : names) {
        const auto bytes = workspace::readWholeFile(source.filePath(name), error);
        if (!bytes || !workspace::writeFileAtomically(target.filePath(name), *bytes, error))
            return false;
    }
    return true;
}

QString openOrCopy(const QString &preferred, QString *error) {
    for (int copy = 1; copy <= kMaxCopies; ++copy) {
        const QString folder = copy == 1 ? preferred : QStringLiteral("%1 %2").arg(preferred).arg(copy);
        if (QFileInfo::exists(QDir(folder).filePath(QStringLiteral("workspace.yaml"))))
            return folder;
        if (isEmptyOrMissing(folder))
            return copyTo(folder, error) ? folder : QString();
    }
    if (error)
        *error = QStringLiteral("No free folder beside %1").arg(QDir::toNativeSeparators(preferred));
    return {};
}

} // namespace triptych::session::sampleworkspace
