#include "app/workspace/atomicfile.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/variableresolver.h"
#include "app/workspace/workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych::workspace;

namespace {

void writeText(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

QByteArray readText(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

RequestDocument rest(const QString &name, const QString &url = "http://localhost/") {
    RequestDocument document;
    document.name = name;
    document.http.url = url;
    return document;
}

// "Folder/" for folders, the file name for requests, depth-first: the tree as a person reads it.
QStringList treeOf(const Workspace &workspace, int index = 0) {
    QStringList lines;
    for (const int child : workspace.nodes().at(index).children) {
        const WorkspaceNode &node = workspace.nodes().at(child);
        if (node.kind == WorkspaceNode::Kind::Folder) {
            lines.append(node.path + '/');
            lines.append(treeOf(workspace, child));
        } else {
            lines.append(node.path);
        }
    }
    return lines;
}

// Every file under the folder with its bytes and modification time: a snapshot to prove nothing was written.
QMap<QString, QPair<QByteArray, QDateTime>> snapshot(const QString &root) {
    QMap<QString, QPair<QByteArray, QDateTime>> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        files.insert(it.filePath(), {readText(it.filePath()), it.fileInfo().lastModified()});
    }
    return files;
}

// Replaces a file the way editors and git do: a new file renamed over the old one.
void replaceFromOutside(const QString &path, const QByteArray &bytes) {
    writeText(path + ".tmp", bytes);
    QFile::remove(path);
    QVERIFY(QFile::rename(path + ".tmp", path));
}

// Moves a file's modification time a minute ahead, so a change is seen whatever the clock's resolution.
void touchLater(const QString &path) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
}

} // namespace

class TestWorkspace : public QObject {
    Q_OBJECT
private:
    QTemporaryDir *m_dir = nullptr;
    QString root() const { return m_dir->path() + "/ws"; }
    QString file(const QString &relative) const { return root() + '/' + relative; }

private Q_SLOTS:
    void init() {
        m_dir = new QTemporaryDir;
        QVERIFY(Workspace::create(root(), "Orders API").ok);
    }
    void cleanup() {
        delete m_dir;
        m_dir = nullptr;
    }

    void createWritesSettingsEnvironmentsAndGitignore() {
        QCOMPARE(readText(file("workspace.yaml")), QByteArray("version: 1\nname: Orders API\n"));
        QVERIFY(QFileInfo(file("environments")).isDir());
        QVERIFY(readText(file(".gitignore")).contains(".triptych/\n"));
        QVERIFY(!Workspace::create(root(), "again").ok);
    }

    void openListsTheTreeWithoutReadingRequests() {
        writeText(file("b.rest.yaml"), "version: 1\n");
        writeText(file("A.grpc.yaml"), "this is: [not yaml\n"); // listed anyway: names come from file names
        writeText(file("Zeta/one.graphql.yaml"), "version: 1\n");
        writeText(file("alpha/Nested/deep.rest.yaml"), "version: 1\n");
        writeText(file("alpha/notes.txt"), "not a request");
        writeText(file(".hidden/x.rest.yaml"), "version: 1\n");
        writeText(file("environments/local.yaml"), "version: 1\n");
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        QCOMPARE(treeOf(workspace), (QStringList{"alpha/", "alpha/Nested/", "alpha/Nested/deep.rest.yaml", "Zeta/",
                                                 "Zeta/one.graphql.yaml", "A.grpc.yaml", "b.rest.yaml"}));
        const WorkspaceNode &node = workspace.nodes().at(workspace.indexOf("Zeta/one.graphql.yaml"));
        QCOMPARE(node.name, QString("one"));
        QCOMPARE(node.style, RequestStyle::GraphQL);
        QCOMPARE(workspace.requestPaths().size(), 4);
    }

    void orderFilesComeFirst() {
        writeText(file("a.rest.yaml"), "version: 1\n");
        writeText(file("b.rest.yaml"), "version: 1\n");
        writeText(file("Folder/x.rest.yaml"), "version: 1\n");
        writeText(file("Folder/y.rest.yaml"), "version: 1\n");
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        QVERIFY(workspace.setOrder("", {"b.rest.yaml", "Folder"}).ok);
        QVERIFY(workspace.setOrder("Folder", {"y.rest.yaml"}).ok);
        QCOMPARE(treeOf(workspace),
                 (QStringList{"b.rest.yaml", "Folder/", "Folder/y.rest.yaml", "Folder/x.rest.yaml", "a.rest.yaml"}));
        QCOMPARE(readText(file("Folder/folder.yaml")), QByteArray("version: 1\norder:\n  - y.rest.yaml\n"));
        // a rename keeps the entry's place
        QVERIFY(workspace.renameRequest("Folder/y.rest.yaml", "why").ok);
        QCOMPARE(treeOf(workspace).at(2), QString("Folder/why.rest.yaml"));
        QCOMPARE(workspace.settings().value.name, QString("Orders API"));
    }

    void openingWritesNothing() {
        writeText(file("Orders/list.rest.yaml"), "version: 1\nurl:   http://a   # odd spacing kept\n");
        writeText(file("environments/local.yaml"), "variables:\n  baseUrl: http://localhost:8080\n");
        const auto before = snapshot(root());
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        QVERIFY(workspace.load("Orders/list.rest.yaml").ok());
        QVERIFY(workspace.loadEnvironment("local").ok());
        workspace.validate();
        workspace.rescan();
        QCOMPARE(snapshot(root()), before);
    }

    void requestsAreSavedRenamedDuplicatedMovedAndRemoved() {
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        QVERIFY(workspace.createFolder("", "Orders").ok);
        QVERIFY(workspace.createFolder("", "Archive").ok);
        const WorkspaceResult created = workspace.createRequest("Orders", rest("List", "{{baseUrl}}/v1/orders"));
        QVERIFY2(created.ok, qPrintable(created.error));
        QCOMPARE(created.path, QString("Orders/List.rest.yaml"));
        QCOMPARE(created.hash, contentHash(readText(file(created.path))));
        QVERIFY(!workspace.createRequest("Orders", rest("List")).ok); // the name is taken
        RequestDocument grpc;
        grpc.style = RequestStyle::Grpc;
        grpc.name = "List";
        QVERIFY(workspace.createRequest("Orders", grpc).ok); // the same name in another style is another file

        const LoadedRequest loaded = workspace.load("Orders/List.rest.yaml");
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.document.name, QString("List"));
        QCOMPARE(loaded.document.http.url, QString("{{baseUrl}}/v1/orders"));

        const WorkspaceResult copy = workspace.duplicateRequest("Orders/List.rest.yaml");
        QCOMPARE(copy.path, QString("Orders/List copy.rest.yaml"));
        QCOMPARE(workspace.duplicateRequest("Orders/List.rest.yaml").path, QString("Orders/List copy 2.rest.yaml"));
        QCOMPARE(readText(file(copy.path)), readText(file("Orders/List.rest.yaml")));

        QCOMPARE(workspace.renameRequest(copy.path, "Recent").path, QString("Orders/Recent.rest.yaml"));
        QVERIFY(!workspace.renameRequest("Orders/Recent.rest.yaml", "a/b").ok);
        QCOMPARE(workspace.moveRequest("Orders/Recent.rest.yaml", "Archive").path, QString("Archive/Recent.rest.yaml"));
        QVERIFY(workspace.removeRequest("Orders/List copy 2.rest.yaml").ok);
        QCOMPARE(treeOf(workspace), (QStringList{"Archive/", "Archive/Recent.rest.yaml", "Orders/",
                                                 "Orders/List.grpc.yaml", "Orders/List.rest.yaml"}));
    }

    void foldersAreCreatedRenamedMovedAndRemoved() {
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        QVERIFY(workspace.createFolder("", "A").ok);
        QVERIFY(workspace.createFolder("A", "B").ok);
        QVERIFY(workspace.createRequest("A/B", rest("r")).ok);
        QVERIFY(!workspace.createFolder("", "environments").ok);
        QVERIFY(!workspace.createFolder("", "..").ok);
        QVERIFY(!workspace.moveFolder("A", "A/B").ok); // not into itself
        QCOMPARE(workspace.renameFolder("A/B", "C").path, QString("A/C"));
        QCOMPARE(workspace.moveFolder("A/C", "").path, QString("C"));
        QCOMPARE(treeOf(workspace), (QStringList{"A/", "C/", "C/r.rest.yaml"}));
        QVERIFY(workspace.removeFolder("C").ok);
        QCOMPARE(treeOf(workspace), QStringList{"A/"});
        QVERIFY(!QFileInfo::exists(file("C")));
    }

    // A folder path made at once (imports): the missing levels are created, existing ones kept, bad names refused.
    void folderPathsAreCreatedWhole_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("tree");
        QTest::newRow("new, three levels") << "X/Y/Z" << true << QStringList{"A/", "X/", "X/Y/", "X/Y/Z/"};
        QTest::newRow("under an existing folder") << "A/N" << true << QStringList{"A/", "A/N/"};
        QTest::newRow("existing") << "A" << true << QStringList{"A/"};
        QTest::newRow("a bad name half way") << "B/.hidden/C" << false << QStringList{"A/", "B/"};
        QTest::newRow("the environments folder") << "environments/x" << false << QStringList{"A/"};
    }

    void folderPathsAreCreatedWhole() {
        QFETCH(QString, path);
        QFETCH(bool, ok);
        QFETCH(QStringList, tree);
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        QVERIFY(workspace.createFolder("", "A").ok);
        const auto result = workspace.createFolderPath(path);
        QCOMPARE(result.ok, ok);
        QVERIFY(ok || !result.error.isEmpty());
        QCOMPARE(treeOf(workspace), tree);
        if (ok)
            QVERIFY(workspace.createRequest(path, rest("r")).ok);
    }

    // Requests written in a batch (imports) are in the tree once it ends, nested batches at the outermost end.
    void aBatchOfWritesListsTheTreeOnceAtItsEnd() {
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        QSignalSpy listed(&workspace, &Workspace::treeChanged);
        {
            const Workspace::BatchOfWrites outer(workspace);
            QVERIFY(workspace.createFolderPath("A/B").ok);
            {
                const Workspace::BatchOfWrites inner(workspace);
                for (const char *name : {"one", "two", "three"})
                    QVERIFY(workspace.createRequest("A/B", rest(name)).ok);
            }
            QCOMPARE(listed.size(), 1); // the folders only
        }
        QCOMPARE(listed.size(), 2);
        QCOMPARE(treeOf(workspace),
                 (QStringList{"A/", "A/B/", "A/B/one.rest.yaml", "A/B/three.rest.yaml", "A/B/two.rest.yaml"}));
    }

    void loadErrorsAreListedWhileTheRestLoads() {
        writeText(file("good.rest.yaml"), "version: 1\nurl: http://a\n");
        writeText(file("Broken/bad.grpc.yaml"), "version: 1\ndeadlineMs: soon\n");
        writeText(file("environments/bad.yaml"), "variables:\n  not a name: x\n");
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        QCOMPARE(workspace.requestPaths().size(), 2);
        QStringList texts;
        for (const Diagnostic &diagnostic : workspace.validate())
            texts.append(diagnostic.text());
        QCOMPARE(texts, (QStringList{"Broken/bad.grpc.yaml:2: deadlineMs must be a whole number, not \"soon\"",
                                     "environments/bad.yaml:2: not a name is not a variable name: use letters, digits, "
                                     "_ - and ., starting with a letter or _"}));
        QVERIFY(workspace.load("good.rest.yaml").ok());

        QSignalSpy validated(&workspace, &Workspace::validationFinished);
        workspace.validateInBackground();
        QTRY_COMPARE(validated.count(), 1);
        QCOMPARE(validated.first().first().value<Diagnostics>().size(), 2);
    }

    void outsideChangesAreFoundByHash() {
        writeText(file("a.rest.yaml"), "version: 1\nurl: http://a\n");
        writeText(file("b.rest.yaml"), "version: 1\n");
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        const LoadedRequest loaded = workspace.load("a.rest.yaml");
        workspace.load("b.rest.yaml");
        QVERIFY(workspace.rescan().isEmpty());

        replaceFromOutside(file("a.rest.yaml"), "version: 1\nurl: http://b\n");
        touchLater(file("a.rest.yaml"));
        replaceFromOutside(file("b.rest.yaml"), "version: 1\n"); // touched: same bytes, new time
        touchLater(file("b.rest.yaml"));
        writeText(file("New/c.graphql.yaml"), "version: 1\n");
        QFile::remove(file("workspace.yaml"));
        QSignalSpy detected(&workspace, &Workspace::changesDetected);
        QSignalSpy tree(&workspace, &Workspace::treeChanged);
        const WorkspaceChanges changes = workspace.rescan();
        QCOMPARE(changes.changed, QStringList{"a.rest.yaml"});
        QCOMPARE(changes.added, QStringList{"New/c.graphql.yaml"});
        QCOMPARE(changes.removed, QStringList{"workspace.yaml"});
        QCOMPARE(changes.hashes.value("a.rest.yaml"), contentHash("version: 1\nurl: http://b\n"));
        QVERIFY(changes.hashes.value("a.rest.yaml") != loaded.hash);
        QCOMPARE(detected.count(), 1);
        QCOMPARE(tree.count(), 1);
        QVERIFY(workspace.indexOf("New/c.graphql.yaml") > 0);
        QVERIFY(workspace.rescan().isEmpty());
    }

    void aConflictIsNeverOverwrittenSilently() {
        writeText(file("a.rest.yaml"), "version: 1\nurl: http://a\n");
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        const LoadedRequest loaded = workspace.load("a.rest.yaml");
        replaceFromOutside(file("a.rest.yaml"), "version: 1\nurl: http://outside\n");

        RequestDocument mine = loaded.document;
        mine.http.url = "http://mine";
        const WorkspaceResult refused = workspace.save("a.rest.yaml", mine, loaded.hash);
        QVERIFY(!refused.ok);
        QVERIFY(refused.conflict);
        QCOMPARE(readText(file("a.rest.yaml")), QByteArray("version: 1\nurl: http://outside\n"));

        const WorkspaceResult forced = workspace.save("a.rest.yaml", mine); // the person chose "keep mine"
        QVERIFY(forced.ok);
        QCOMPARE(readText(file("a.rest.yaml")), QByteArray("version: 1\nurl: http://mine\n"));
        QVERIFY(workspace.save("a.rest.yaml", mine, forced.hash).ok); // the new hash is the base from now on
        QVERIFY(workspace.rescan().changed.isEmpty());                // and its own saves are not outside changes

        QFile::remove(file("a.rest.yaml"));
        QVERIFY(workspace.save("a.rest.yaml", mine, forced.hash).conflict); // removed outside: also a conflict
    }

    void backgroundSavesReportTheirOutcome() {
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        QVERIFY(workspace.createRequest("", rest("r")).ok);
        const LoadedRequest loaded = workspace.load("r.rest.yaml");
        QSignalSpy finished(&workspace, &Workspace::saveFinished);
        QSignalSpy failed(&workspace, &Workspace::saveFailed);
        workspace.saveInBackground("r.rest.yaml", rest("r", "http://one"), loaded.hash);
        workspace.saveInBackground("r.rest.yaml", rest("r", "http://two"), loaded.hash); // stale base: a conflict
        QTRY_COMPARE(finished.count() + failed.count(), 2);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(2).toBool(), true);
        QCOMPARE(readText(file("r.rest.yaml")), writeRequest(rest("r", "http://one")));
        QCOMPARE(finished.first().at(1).toByteArray(), contentHash(writeRequest(rest("r", "http://one"))));
        QVERIFY(workspace.rescan().isEmpty());
    }

    void theWatcherReportsOutsideEdits() {
        writeText(file("Orders/a.rest.yaml"), "version: 1\nurl: http://a\n");
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        workspace.load("Orders/a.rest.yaml");
        workspace.setFileOpen("Orders/a.rest.yaml", true);
        workspace.setWatching(true);
        QSignalSpy detected(&workspace, &Workspace::changesDetected);
        replaceFromOutside(file("Orders/a.rest.yaml"), "version: 1\nurl: http://edited\n");
        QTRY_COMPARE(detected.count(), 1);
        QCOMPARE(detected.first().first().value<WorkspaceChanges>().changed, QStringList{"Orders/a.rest.yaml"});

        // an in-place rewrite of an open file, as some editors do, is seen too
        writeText(file("Orders/a.rest.yaml"), "version: 1\nurl: http://again\n");
        QTRY_COMPARE(detected.count(), 2);
        writeText(file("Orders/b.grpc.yaml"), "version: 1\n");
        QTRY_COMPARE(detected.count(), 3);
        QCOMPARE(detected.last().first().value<WorkspaceChanges>().added, QStringList{"Orders/b.grpc.yaml"});
    }

    void environmentsKeepSecretsOut() {
        Workspace workspace;
        QVERIFY(workspace.open(root()));
        Environment staging{"staging", {{"baseUrl", "https://staging.example.com", false}, {"token", "s3cr3t", true}}};
        QVERIFY(workspace.saveEnvironment(staging).ok);
        const QByteArray written = readText(file("environments/staging.yaml"));
        QVERIFY(!written.contains("s3cr3t"));
        QCOMPARE(written, QByteArray("version: 1\nvariables:\n  baseUrl: https://staging.example.com\n  token:\n"
                                     "    secret: true\n"));
        const auto loaded = workspace.loadEnvironment("staging");
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value.find(u"token")->secret, true);
        QCOMPARE(loaded.value.find(u"token")->value, QString());
        QCOMPARE(workspace.environmentNames(), QStringList{"staging"});
        QVERIFY(!workspace.saveEnvironment({"bad", {{"has space", "x", false}}}).ok);
        QVERIFY(workspace.removeEnvironment("staging").ok);
        QVERIFY(workspace.environmentNames().isEmpty());
    }

    // The sample workspace the app offers on first start: every file reads cleanly, is written exactly as the
    // writer would (so a first save changes nothing), and every request resolves against the embedded server.
    void theSampleWorkspaceIsCleanAndCanonical() {
        Workspace workspace;
        QVERIFY(workspace.open(TRIPTYCH_SAMPLE_WORKSPACE));
        QStringList problems;
        for (const Diagnostic &diagnostic : workspace.validate())
            problems.append(diagnostic.text());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        const QStringList folders = workspace.settings().value.order;
        QCOMPARE(folders.size(), 5);
        QCOMPARE(treeOf(workspace).first(), folders.first() + '/');

        VariableResolver resolver;
        resolver.setWorkspaceVariables(workspace.settings().value.variables);
        resolver.setEnvironment({"Embedded server", embeddedserver::variables("127.0.0.1", 8080, 50051, "t", "k")});
        QCOMPARE(workspace.requestPaths().size(), 21);
        for (const QString &path : workspace.requestPaths()) {
            const LoadedRequest loaded = workspace.load(path);
            QVERIFY2(loaded.ok(), qPrintable(path));
            QVERIFY2(writeRequest(loaded.document) == readText(workspace.absolutePath(path)), qPrintable(path));
            const ResolveResult resolved = resolver.resolve(loaded.document);
            QVERIFY2(resolved.ok(), qPrintable(path + ": " + resolved.errorText()));
        }
        for (const QString &name : workspace.environmentNames()) {
            const auto environment = workspace.loadEnvironment(name);
            QVERIFY(environment.ok());
            QCOMPARE(writeEnvironment(environment.value),
                     readText(workspace.absolutePath("environments/" + name + ".yaml")));
        }
        QCOMPARE(writeWorkspaceSettings(workspace.settings().value),
                 readText(workspace.absolutePath("workspace.yaml")));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "test_workspace.moc"
