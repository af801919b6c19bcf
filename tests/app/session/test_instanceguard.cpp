// InstanceGuard: one window per workspace; a second start tells the first and gives up; a crash does not lock out.
#include "app/session/instanceguard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace triptych::session;
using Claim = InstanceGuard::Claim;

class TestInstanceGuard : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_runtime; // where the locks and sockets go
    std::unique_ptr<QTemporaryDir> m_workspaces;

    QString workspace(const QString &name) const {
        QDir(m_workspaces->path()).mkpath(name);
        return m_workspaces->filePath(name);
    }

private Q_SLOTS:
    void init() {
        m_runtime = std::make_unique<QTemporaryDir>();
        m_workspaces = std::make_unique<QTemporaryDir>();
        QVERIFY(m_runtime->isValid() && m_workspaces->isValid());
    }

    void aSecondStartRaisesTheFirst() {
        InstanceGuard first({}, m_runtime->path());
        QCOMPARE(first.claim(), Claim::First);
        QSignalSpy raised(&first, &InstanceGuard::activationRequested);

        InstanceGuard second({}, m_runtime->path());
        QCOMPARE(second.claim(), Claim::AlreadyOpen);
        QCOMPARE(second.workspaceKey(), QStringLiteral("default"));
        QCOMPARE(second.holderPid(), QCoreApplication::applicationPid());
        QVERIFY(second.holderNotified());
        QTRY_COMPARE(raised.count(), 1);
    }

    // Two spellings of one folder are one workspace; two folders are two.
    void keyedByTheWorkspace_data() {
        QTest::addColumn<QString>("one");
        QTest::addColumn<QString>("other");
        QTest::addColumn<bool>("same");
        QTest::newRow("default twice") << ""
                                       << "" << true;
        QTest::newRow("default and a folder") << ""
                                              << "a" << false;
        QTest::newRow("two folders") << "a"
                                     << "b" << false;
        QTest::newRow("a folder twice") << "a"
                                        << "a" << true;
        QTest::newRow("with .. and a slash") << "a"
                                             << "b/../a/" << true;
    }
    void keyedByTheWorkspace() {
        QFETCH(QString, one);
        QFETCH(QString, other);
        QFETCH(bool, same);
        workspace(QStringLiteral("b"));
        InstanceGuard first(one.isEmpty() ? one : workspace(one), m_runtime->path());
        QCOMPARE(first.claim(), Claim::First);
        InstanceGuard second(other.isEmpty() ? other : m_workspaces->filePath(other), m_runtime->path());
        QCOMPARE(second.claim(), same ? Claim::AlreadyOpen : Claim::First);
    }

    void releasedWhenTheFirstEnds() {
        auto first = std::make_unique<InstanceGuard>(workspace("w"), m_runtime->path());
        QCOMPARE(first->claim(), Claim::First);
        first.reset();
        InstanceGuard next(workspace("w"), m_runtime->path());
        QCOMPARE(next.claim(), Claim::First);
    }

    // A crashed holder leaves its lock (with a pid no process has now) and its socket file behind.
    void takesOverFromACrashedHolder() {
        QProcess gone;
        gone.start(QStringLiteral("true"), {});
        QVERIFY(gone.waitForStarted());
        const qint64 deadPid = gone.processId();
        QVERIFY(gone.waitForFinished());

        QString base; // the lock's and the socket's path without the suffix
        {
            InstanceGuard probe(workspace("w"), m_runtime->path());
            QCOMPARE(probe.claim(), Claim::First);
            const QStringList files = QDir(m_runtime->path()).entryList(QDir::Files | QDir::System);
            QCOMPARE(files.size(), 2); // .lock and .socket
            base = m_runtime->filePath(files.first().section(QLatin1Char('.'), 0, 0));
        }

        QFile lock(base + QStringLiteral(".lock"));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(deadPid) + "\ntriptych\n\n");
        lock.close();
        QFile socket(base + QStringLiteral(".socket"));
        QVERIFY(socket.open(QIODevice::WriteOnly));
        socket.close();

        InstanceGuard heir(workspace("w"), m_runtime->path());
        QCOMPARE(heir.claim(), Claim::First);
        QSignalSpy raised(&heir, &InstanceGuard::activationRequested);
        InstanceGuard second(workspace("w"), m_runtime->path());
        QCOMPARE(second.claim(), Claim::AlreadyOpen);
        QTRY_COMPARE(raised.count(), 1);
    }

    void unguardedWhenTheLockCannotBeWritten() {
        InstanceGuard guard({}, m_runtime->filePath(QStringLiteral("missing/folder")));
        QCOMPARE(guard.claim(), Claim::Unguarded);
    }
};

QTEST_GUILESS_MAIN(TestInstanceGuard)
#include "test_instanceguard.moc"
