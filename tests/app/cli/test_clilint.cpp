// triptych-cli graphql lint: lines, exit codes and why a schema cannot be loaded, from an SDL file, an
// introspection JSON file and the embedded server's URL.
#include "tests/app/cli/clirun.h"
#include "tests/support/testorderserver.h"

#include "server/graphql/execution/executor.h"
#include "server/graphql/schema/clientschema.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace triptych;
using namespace triptych::cli;
using testing::CliRun;

class TestCliLint : public QObject {
    Q_OBJECT
    testing::TestOrderServer m_server;
    QTemporaryDir m_dir;
    const QString m_data = QStringLiteral(TRIPTYCH_LINT_DATA);

    QString file(const QString &name, const QByteArray &text) {
        const QString path = m_dir.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(text);
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_server.start());
        QVERIFY(m_dir.isValid());
        // The shop schema as an introspection result, the way a server would answer.
        QFile sdl(m_data + "/schema.graphql");
        QVERIFY(sdl.open(QIODevice::ReadOnly));
        const auto built = graphql::Schema::fromSdl(sdl.readAll().toStdString());
        QVERIFY(built.ok());
        const std::string json = graphql::executeQuery(*built.schema, graphql::kFullIntrospectionQuery, {}).toJson();
        QVERIFY(!file("schema.json", QByteArray::fromStdString(json)).isEmpty());
        QVERIFY(!file("contract-ok.graphql", "query { user(id: 42) { name orders(first: 1) { id } } }").isEmpty());
        QVERIFY(!file("contract-bad.graphql", "{\n  user(id: 42) { nam }\n}").isEmpty());
        QVERIFY(!file("broken.graphql", "type Query {").isEmpty());
    }
    void cleanupTestCase() { m_server.stop(); }

    void lint_data() {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QStringList>("documents");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("out"); // stdout, line by line
        QTest::addColumn<QString>("err");     // in stderr
        const QString sdl = m_data + "/schema.graphql";
        const QString json = m_dir.filePath("schema.json");
        const QString bad = m_data + "/invalid-unknown-field.graphql";
        const QStringList badLines{bad +
                                       ":3:5: Cannot query field \"nam\" on type \"Customer\". Did you mean \"name\"?",
                                   bad + ":5:7: Cannot query field \"total\" on type \"Order\"."};
        QTest::newRow("valid, SDL") << sdl << QStringList{m_data + "/valid-query.graphql"} << kExitSuccess
                                    << QStringList{} << "";
        QTest::newRow("valid, introspection JSON")
            << json << QStringList{m_data + "/valid-query.graphql"} << kExitSuccess << QStringList{} << "";
        QTest::newRow("errors, SDL") << sdl << QStringList{bad} << kExitCallFailed << badLines
                                     << "2 error(s) in 1 of 1 document(s)";
        QTest::newRow("errors, introspection JSON") << json << QStringList{bad} << kExitCallFailed << badLines << "";
        QTest::newRow("several documents")
            << sdl << QStringList{m_data + "/valid-mutation.graphql", bad, m_data + "/invalid-syntax.graphql"}
            << kExitCallFailed
            << (badLines +
                QStringList{m_data + "/invalid-syntax.graphql:2:22: Syntax Error: Expected Name, found \"{\"."})
            << "3 error(s) in 2 of 3 document(s)";
        QTest::newRow("URL, valid") << m_server.graphqlUrl() << QStringList{m_dir.filePath("contract-ok.graphql")}
                                    << kExitSuccess << QStringList{} << "";
        QTest::newRow("URL, errors")
            << m_server.graphqlUrl() << QStringList{m_dir.filePath("contract-bad.graphql")} << kExitCallFailed
            << QStringList{m_dir.filePath("contract-bad.graphql") +
                           ":2:18: Cannot query field \"nam\" on type \"User\". Did you mean \"name\"?"}
            << "";
        QTest::newRow("no schema file") << m_dir.filePath("none.graphql") << QStringList{bad} << kExitUsage
                                        << QStringList{} << "Cannot load the schema from";
        QTest::newRow("invalid SDL") << m_dir.filePath("broken.graphql") << QStringList{bad} << kExitUsage
                                     << QStringList{} << "Invalid SDL";
        QTest::newRow("URL that is not GraphQL") << m_server.httpBase() + "/v1/users/42" << QStringList{bad}
                                                 << kExitUsage << QStringList{} << "Cannot load the schema from";
        QTest::newRow("unreadable document")
            << sdl << QStringList{m_dir.filePath("missing.graphql")} << kExitUsage << QStringList{} << "Cannot read";
    }
    void lint() {
        QFETCH(QString, schema);
        QFETCH(QStringList, documents);
        QFETCH(int, exitCode);
        QFETCH(QStringList, out);
        QFETCH(QString, err);
        CliRun run(QStringList{"graphql", "lint", "--schema", schema} + documents);
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), exitCode);
        const QString stdoutText = QString::fromUtf8(run.out());
        QCOMPARE(stdoutText.split(QLatin1Char('\n'), Qt::SkipEmptyParts), out);
        QVERIFY2(run.err().contains(err), qPrintable(run.err()));
    }

    void usage_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no --schema") << QStringList{"graphql", "lint", "a.graphql"};
        QTest::newRow("no document") << QStringList{"graphql", "lint", "--schema", "s.graphql"};
    }
    void usage() {
        QFETCH(QStringList, arguments);
        CliRun run(arguments);
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitUsage);
        QVERIFY(run.err().contains("graphql lint needs --schema"));
    }
};

QTEST_MAIN(TestCliLint)
#include "test_clilint.moc"
