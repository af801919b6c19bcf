// triptych-cli list and send over a copy of the sample workspace, sent to the in-process server in each style.
#include "tests/app/cli/clirun.h"
#include "tests/support/testorderserver.h"

#include "app/cli/cliworkspace.h"
#include "app/workspace/atomicfile.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace triptych;
using namespace triptych::cli;
using testing::CliRun;

class TestCliWorkspace : public QObject {
    Q_OBJECT
    testing::TestOrderServer m_server;
    QTemporaryDir m_folder;
    QString m_root; // the copy of the sample workspace

    QString request(const QString &path) const { return m_root + QLatin1Char('/') + path; }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_server.start());
        QVERIFY(m_folder.isValid());
        m_root = m_folder.filePath(QStringLiteral("samples"));
        const QDir source(QStringLiteral(TRIPTYCH_SAMPLE_WORKSPACE));
        QDirIterator it(source.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const auto bytes = workspace::readWholeFile(file);
            QVERIFY(bytes);
            QVERIFY(workspace::writeFileAtomically(m_root + QLatin1Char('/') + source.relativeFilePath(file), *bytes));
        }
        // An environment that points at the test server, wherever its ports are.
        const QString test = QStringLiteral("version: 1\nvariables:\n  baseUrl: %1\n  grpcTarget: %2\n"
                                            "  token: demo-token\n  apiKey: demo-key\n")
                                 .arg(m_server.httpBase(), m_server.grpcTarget());
        QVERIFY(workspace::writeFileAtomically(request(QStringLiteral("environments/test.yaml")), test.toUtf8()));
    }
    void cleanupTestCase() { m_server.stop(); }

    void listShowsTheTreeWithStyles() {
        CliRun run({QStringLiteral("list"), m_root});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QString out = QString::fromUtf8(run.out());
        QVERIFY2(out.startsWith(QStringLiteral("A user's orders/\n  GraphQL  A user's orders\n")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("Writes (need credentials)/\n")));
        QVERIFY(out.contains(QStringLiteral("  REST     Create an order\n")));
        QVERIFY(out.contains(QStringLiteral("environments: local, staging, test\n")));
        QVERIFY(run.err().isEmpty());
    }

    void listAsJson() {
        CliRun run({QStringLiteral("list"), m_root, QStringLiteral("--json")});
        QVERIFY(run.wait());
        const auto requests = run.json().value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 21);
        QCOMPARE(requests.first().toObject().value(QStringLiteral("path")).toString(),
                 QStringLiteral("A user's orders/A user's orders.graphql.yaml"));
        QCOMPARE(requests.first().toObject().value(QStringLiteral("style")).toString(), QStringLiteral("graphql"));
    }

    void listNamesAMalformedFileAndLoadsTheRest() {
        QTemporaryDir folder;
        QVERIFY(workspace::writeFileAtomically(folder.filePath(QStringLiteral("workspace.yaml")), "version: 1\n"));
        QVERIFY(workspace::writeFileAtomically(folder.filePath(QStringLiteral("good.rest.yaml")),
                                               "version: 1\nurl: http://example.com\n"));
        QVERIFY(workspace::writeFileAtomically(folder.filePath(QStringLiteral("bad.rest.yaml")),
                                               "version: 1\noptions:\n  timeoutMs: soon\n"));
        CliRun run({QStringLiteral("list"), folder.path()});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitCallFailed);
        QVERIFY(run.out().contains("REST     good"));
        QVERIFY(run.out().contains("REST     bad"));
        QVERIFY2(run.err().contains(QStringLiteral("bad.rest.yaml:3: options.timeoutMs must be a whole number")),
                 qPrintable(run.err()));
    }

    void sendEachStyle_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("answer"); // in stdout
        QTest::newRow("REST") << "Name and avatar only/Name and avatar only.rest"
                              << "\"avatar_url\"";
        QTest::newRow("GraphQL") << "Name and avatar only/Name and avatar only.graphql"
                                 << "\"avatarUrl\"";
        QTest::newRow("gRPC") << "Name and avatar only/Name and avatar only.grpc"
                              << "\"avatar_url\"";
        QTest::newRow("REST with a bearer token") << "Writes (need credentials)/Create an order.rest"
                                                  << "\"status\"";
        QTest::newRow("GraphQL with an API key") << "Writes (need credentials)/Create an order.graphql"
                                                 << "\"createOrder\"";
        QTest::newRow("gRPC with metadata") << "Writes (need credentials)/Create an order.grpc.yaml"
                                            << "\"status\"";
    }
    void sendEachStyle() {
        QFETCH(QString, path);
        QFETCH(QString, answer);
        CliRun run({QStringLiteral("send"), request(path), QStringLiteral("--env"), QStringLiteral("test")});
        QVERIFY(run.wait());
        QVERIFY2(run.exitCode() == kExitSuccess, qPrintable(run.transcript()));
        QVERIFY2(run.out().contains(answer.toUtf8()), qPrintable(run.transcript()));
    }

    // --var is the strongest scope: it beats the workspace's userId.
    void varOverridesTheWorkspace() {
        CliRun run({QStringLiteral("send"), request(QStringLiteral("A user's orders/A user's orders.rest")),
                    QStringLiteral("--env"), QStringLiteral("test"), QStringLiteral("--var"),
                    QStringLiteral("userId=7"), QStringLiteral("--json")});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const auto sent = run.json().value(QStringLiteral("request")).toObject();
        QCOMPARE(sent.value(QStringLiteral("url")).toString(), m_server.httpBase() + "/v1/users/7/orders");
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        const QString rest = request(QStringLiteral("A user's orders/A user's orders.rest"));
        QTest::newRow("no environment")
            << QStringList{"send", rest}
            << "error: Undefined variable {{baseUrl}} (no environment is selected) — define it in workspace.yaml";
        QTest::newRow("undefined in the environment")
            << QStringList{"send",  request(QStringLiteral("A user's orders/A user's orders.grpc")),
                           "--env", "local",
                           "--var", "grpcTarget={{grpcHost}}:1"}
            << "error: Undefined variable {{grpcHost}} in environment “local”";
        QTest::newRow("unknown environment")
            << QStringList{"send", rest, "--env", "nope"} << "error: No environment nope in";
        QTest::newRow("bad --var") << QStringList{"send", rest, "--var", "userId"}
                                   << "error: --var needs NAME=VALUE, not userId";
        QTest::newRow("three styles") << QStringList{"send", request(QStringLiteral("A user's orders/A user's orders"))}
                                      << "names three requests; add the style";
        QTest::newRow("no such request") << QStringList{"send", request(QStringLiteral("Nothing"))}
                                         << "error: No saved request";
        QTest::newRow("list without a folder") << QStringList{"list"} << "error: list needs WORKSPACE";
    }
    void refusals() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        CliRun run(arguments);
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitUsage);
        QVERIFY2(run.err().contains(error), qPrintable(run.err()));
        QVERIFY(run.out().isEmpty());
    }

    void workspaceRootIsFoundAboveTheRequest() {
        const QString file = request(QStringLiteral("A user's orders/A user's orders.rest.yaml"));
        QCOMPARE(CliWorkspace::findWorkspaceRoot(file), QDir(m_root).absolutePath());
        QString error;
        QCOMPARE(CliWorkspace::findRequestFile(request(QStringLiteral("A user's orders/A user's orders.rest")), &error),
                 file);
    }
};

QTEST_GUILESS_MAIN(TestCliWorkspace)
#include "test_cliworkspace.moc"
