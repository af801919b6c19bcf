// The compiled-in sample workspace and the recent-workspaces list.
#include "app/session/recentworkspaces.h"
#include "app/session/sampleworkspace.h"
#include "app/workspace/workspace.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;
namespace sample = session::sampleworkspace;
namespace recent = session::recentworkspaces;

class TestSampleWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }

    // resources/sampleworkspace.qrc lists its files one by one: none may be forgotten.
    void everyFileOfTheFolderIsCompiledIn() {
        const QDir source(QStringLiteral(TRIPTYCH_SAMPLE_WORKSPACE));
        QStringList onDisk;
        QDirIterator it(source.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            onDisk.append(source.relativeFilePath(it.next()));
        onDisk.sort();
        QCOMPARE(sample::files(), onDisk);
    }

    void copyIsAWorkspaceOfPlainFiles() {
        QTemporaryDir folder;
        const QString target = folder.filePath(QStringLiteral("samples"));
        QString error;
        QVERIFY2(sample::copyTo(target, &error), qPrintable(error));
        workspace::Workspace copy;
        QVERIFY(copy.open(target));
        QCOMPARE(copy.requestPaths().size(), 21);
        QVERIFY(copy.validate().isEmpty());
        QVERIFY(QFileInfo(target + QStringLiteral("/.gitignore")).isFile());
        QVERIFY(QFileInfo(target + QStringLiteral("/workspace.yaml")).isWritable()); // not the resource's read-only
        QVERIFY(!sample::copyTo(target, &error));                                    // no longer empty
        QVERIFY(error.contains(QStringLiteral("is not empty")));
    }

    void openOrCopyKeepsAnEarlierCopy() {
        QTemporaryDir folder;
        const QString preferred = folder.filePath(QStringLiteral("Triptych samples"));
        QCOMPARE(sample::openOrCopy(preferred), preferred);
        QVERIFY(QFile::remove(preferred + QStringLiteral("/Name and avatar only/Name and avatar only.rest.yaml")));
        QCOMPARE(sample::openOrCopy(preferred), preferred); // the person's copy, as they left it
        QVERIFY(!QFileInfo::exists(preferred + QStringLiteral("/Name and avatar only/Name and avatar only.rest.yaml")));
        // A folder of that name that is something else is left alone.
        const QString other = folder.filePath(QStringLiteral("Other"));
        QVERIFY(QDir().mkpath(other + QStringLiteral("/stuff")));
        QCOMPARE(sample::openOrCopy(other), other + QStringLiteral(" 2"));
    }

    void recentListKeepsTheNewestFirst() {
        QTemporaryDir folder;
        QStringList folders;
        for (int i = 0; i < recent::kMaxRecent + 2; ++i) {
            folders.append(folder.filePath(QString::number(i)));
            QVERIFY(QDir().mkpath(folders.last()));
            recent::add(folders.last());
        }
        QCOMPARE(recent::list().size(), recent::kMaxRecent);
        QCOMPARE(recent::list().first(), folders.last());
        recent::add(folders.at(5));
        QCOMPARE(recent::list().first(), folders.at(5));
        QCOMPARE(recent::last(), folders.at(5));
        QVERIFY(QDir(folders.at(5)).removeRecursively());
        QCOMPARE(recent::last(), folders.last()); // a folder that is gone is skipped
        recent::setEnvironment(folders.last(), QStringLiteral("staging"));
        QCOMPARE(recent::environment(folders.last()), QStringLiteral("staging"));
        QCOMPARE(recent::environment(folders.first()), QString());
    }
};

QTEST_GUILESS_MAIN(TestSampleWorkspace)
#include "test_sampleworkspace.moc"
