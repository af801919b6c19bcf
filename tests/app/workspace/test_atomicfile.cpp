#include "app/workspace/atomicfile.h"
#include "app/workspace/workspacelisting.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace triptych::workspace;

namespace {

QByteArray readText(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// Saves are all or nothing: a failed write or a killed process leaves the old file.
class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesAndReplaces() {
        QTemporaryDir dir;
        const QString path = dir.filePath("deep/er/a.rest.yaml");
        QString error;
        QVERIFY2(writeFileAtomically(path, "one\n", &error), qPrintable(error));
        QVERIFY(writeFileAtomically(path, "two\n", &error));
        QCOMPARE(readText(path), QByteArray("two\n"));
        QCOMPARE(readWholeFile(path).value(), QByteArray("two\n"));
        QVERIFY(!readWholeFile(dir.filePath("missing"), &error));
        QVERIFY(error.contains("missing"));
    }

    void aFailedWriteLeavesTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.rest.yaml");
        QVERIFY(writeFileAtomically(path, "version: 1\nurl: http://old\n"));
        QString error;
        QVERIFY(!writeFileAtomically(path, "version: 1\nurl: http://new-and-longer\n", &error, 12));
        QVERIFY(error.contains("simulated failure after 12 bytes"));
        QCOMPARE(readText(path), QByteArray("version: 1\nurl: http://old\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"a.rest.yaml"});
    }

    void aFolderThatCannotBeWrittenIsReported() {
        QTemporaryDir dir;
        QFile blocker(dir.filePath("file"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        QString error;
        QVERIFY(!writeFileAtomically(dir.filePath("file/a.rest.yaml"), "x", &error));
        QVERIFY(error.startsWith("Could not save"));
    }

    // kill -9 in the middle of a save: the old file is whole.
    void aKilledSaveLeavesTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.rest.yaml");
        QVERIFY(writeFileAtomically(path, "version: 1\nurl: http://old\n"));
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            QSaveFile file(path);
            if (file.open(QIODevice::WriteOnly)) {
                file.write(QByteArray(4 * 1024 * 1024, 'x'));
                file.flush();
            }
            raise(SIGKILL);
            _exit(0);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGKILL);
        QCOMPARE(readText(path), QByteArray("version: 1\nurl: http://old\n"));
        // Linux writes into an unnamed O_TMPFILE, so nothing is left; elsewhere a temporary may stay, and is no request
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size() <= 2);
        QCOMPARE(listWorkspace(dir.path()).files.keys(), QStringList{"a.rest.yaml"});
    }

    // Under DeferredSync (imports): files are still replaced whole through a temporary, none is left behind, and a
    // folder that cannot be written is still reported.
    void deferredSyncWritesWholeFiles_data() {
        QTest::addColumn<int>("depth");
        QTest::newRow("one scope") << 1;
        QTest::newRow("nested scopes") << 2;
    }

    void deferredSyncWritesWholeFiles() {
        QFETCH(int, depth);
        QTemporaryDir dir;
        const QString path = dir.filePath("deep/a.rest.yaml");
        QVERIFY(writeFileAtomically(path, "old\n"));
        QVERIFY(!DeferredSync::active());
        {
            std::vector<std::unique_ptr<DeferredSync>> scopes;
            for (int i = 0; i < depth; ++i)
                scopes.push_back(std::make_unique<DeferredSync>(dir.path()));
            QVERIFY(DeferredSync::active());
            QString error;
            QVERIFY2(writeFileAtomically(path, "new\n", &error), qPrintable(error));
            QVERIFY(writeFileAtomically(dir.filePath("deep/b.rest.yaml"), QByteArray(100000, 'b'), &error));
            QFile blocker(dir.filePath("file"));
            QVERIFY(blocker.open(QIODevice::WriteOnly));
            QVERIFY(!writeFileAtomically(dir.filePath("file/c.rest.yaml"), "x", &error));
            QVERIFY(error.startsWith("Could not save"));
        }
        QVERIFY(!DeferredSync::active());
        QCOMPARE(readText(path), QByteArray("new\n"));
        QCOMPARE(readText(dir.filePath("deep/b.rest.yaml")).size(), 100000);
        QCOMPARE(QDir(dir.filePath("deep")).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{"a.rest.yaml", "b.rest.yaml"}));
    }

    void contentHashIsSha256() {
        QCOMPARE(contentHash("abc"), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void entryNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("words") << "A user's orders" << true;
        QTest::newRow("unicode") << "Bestellungen für Grüße" << true;
        QTest::newRow("dots inside") << "v1.2 list" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("spaces only") << "   " << false;
        QTest::newRow("hidden") << ".secret" << false;
        QTest::newRow("dot dot") << ".." << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("backslash") << "a\\b" << false;
        QTest::newRow("colon") << "a:b" << false;
        QTest::newRow("question") << "why?" << false;
        QTest::newRow("trailing dot") << "end." << false;
        QTest::newRow("trailing space") << "end " << false;
        QTest::newRow("newline") << "a\nb" << false;
        QTest::newRow("too long") << QString(201, 'a') << false;
    }
    void entryNames() {
        QFETCH(QString, name);
        QFETCH(bool, allowed);
        QCOMPARE(entryNameProblem(name).isEmpty(), allowed);
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "test_atomicfile.moc"
