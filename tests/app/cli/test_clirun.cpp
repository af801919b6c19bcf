// triptych-cli run: a folder of saved requests with checks and captures, sent to the in-process server in every
// style; exit codes, reports, data rows, iterations and --bail.
#include "tests/app/cli/clirun.h"
#include "tests/support/testorderserver.h"

#include "app/workspace/atomicfile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace triptych;
using namespace triptych::cli;
using testing::CliRun;

class TestCliRun : public QObject {
    Q_OBJECT
    testing::TestOrderServer m_server;
    QTemporaryDir m_folder;
    QString m_samples; // a copy of the sample workspace with a `test` environment

    // A workspace of its own with the test server's addresses as workspace variables.
    QString makeWorkspace(const QString &name, const QList<QPair<QString, QByteArray>> &files) {
        const QString root = m_folder.filePath(name);
        const QString settings = QStringLiteral("version: 1\nvariables:\n  baseUrl: %1\n  grpcTarget: %2\n"
                                                "  token: demo-token\n  apiKey: demo-key\n")
                                     .arg(m_server.httpBase(), m_server.grpcTarget());
        if (!workspace::writeFileAtomically(root + QStringLiteral("/workspace.yaml"), settings.toUtf8()))
            return {};
        for (const auto &[path, text] : files) {
            if (!workspace::writeFileAtomically(root + QLatin1Char('/') + path, text))
                return {};
        }
        return root;
    }

    static QJsonObject readJson(const QString &file) {
        QFile input(file);
        return input.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(input.readAll()).object() : QJsonObject();
    }

    static QString validateJUnit(const QString &file) {
        const QString xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
        if (xmllint.isEmpty())
            return QStringLiteral("skip");
        QProcess process;
        process.start(xmllint, {QStringLiteral("--noout"), QStringLiteral("--schema"),
                                QStringLiteral(TRIPTYCH_TEST_DATA "/junit.xsd"), file});
        if (!process.waitForFinished(20'000))
            return QStringLiteral("xmllint did not finish");
        return process.exitCode() == 0 ? QString() : QString::fromUtf8(process.readAllStandardError());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_server.start());
        QVERIFY(m_folder.isValid());
        m_samples = m_folder.filePath(QStringLiteral("samples"));
        const QDir source(QStringLiteral(TRIPTYCH_SAMPLE_WORKSPACE));
        QDirIterator it(source.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const auto bytes = workspace::readWholeFile(file);
            QVERIFY(bytes);
            QVERIFY(
                workspace::writeFileAtomically(m_samples + QLatin1Char('/') + source.relativeFilePath(file), *bytes));
        }
        const QString test = QStringLiteral("version: 1\nvariables:\n  baseUrl: %1\n  grpcTarget: %2\n"
                                            "  token: demo-token\n  apiKey: demo-key\n")
                                 .arg(m_server.httpBase(), m_server.grpcTarget());
        QVERIFY(workspace::writeFileAtomically(m_samples + QStringLiteral("/environments/test.yaml"), test.toUtf8()));
    }
    void cleanupTestCase() { m_server.stop(); }

    void theSampleWorkspacePasses() {
        const QString out = m_folder.filePath(QStringLiteral("reports"));
        CliRun run({QStringLiteral("run"), m_samples, QStringLiteral("--env"), QStringLiteral("test"),
                    QStringLiteral("--reporter"), QStringLiteral("cli,json,junit"), QStringLiteral("--out"), out});
        QVERIFY(run.wait());
        QVERIFY2(run.exitCode() == kExitSuccess, qPrintable(run.transcript()));
        const QString text = QString::fromUtf8(run.out());
        QVERIFY2(text.contains(QStringLiteral("21 request(s), 39 check(s): 39 passed, 0 failed; 0 request error(s)")),
                 qPrintable(text));
        // The create → read → cancel chain in each style, carried by captures.
        QVERIFY(text.contains(QStringLiteral("→ restOrderId = ")));
        QVERIFY(text.contains(QStringLiteral("→ graphqlOrderId = ")));
        QVERIFY(text.contains(QStringLiteral("→ grpcOrderId = ")));
        QVERIFY(text.contains(QStringLiteral("✓ jsonPath $.data.cancelOrder.status equals \"CANCELLED\"")));
        const QJsonObject report = readJson(out + QStringLiteral("/triptych-run.json"));
        QCOMPARE(report.value(QStringLiteral("totals")).toObject().value(QStringLiteral("requests")).toInt(), 21);
        QCOMPARE(report.value(QStringLiteral("requests")).toArray().size(), 21);
        const QString invalid = validateJUnit(out + QStringLiteral("/triptych-run.xml"));
        if (invalid == QLatin1String("skip"))
            QSKIP("xmllint is not installed (libxml2-utils)");
        QVERIFY2(invalid.isEmpty(), qPrintable(invalid));
    }

    void aFailedCheckSaysWhatDifferedAndExitsOne() {
        const QString root = makeWorkspace(
            QStringLiteral("failing"),
            {{QStringLiteral("user.rest.yaml"), "version: 1\nurl: '{{baseUrl}}/v1/users/42'\nchecks:\n  - status: 200\n"
                                                "  - jsonPath: $.id\n    equals: 43\n"}});
        const QString out = m_folder.filePath(QStringLiteral("failing-reports"));
        CliRun run({QStringLiteral("run"), root, QStringLiteral("--reporter"), QStringLiteral("cli,junit"),
                    QStringLiteral("--out"), out});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitCallFailed);
        QVERIFY2(run.out().contains("✗ jsonPath $.id equals 43: expected 43, got 42"), run.out().constData());
        QVERIFY(run.out().contains("✓ status equals 200"));
        QVERIFY(run.out().contains("2 check(s): 1 passed, 1 failed"));
        QFile junit(out + QStringLiteral("/triptych-run.xml"));
        QVERIFY(junit.open(QIODevice::ReadOnly));
        const QByteArray xml = junit.readAll();
        QVERIFY(xml.contains("<failure message=\"jsonPath $.id equals 43: expected 43, got 42\" type=\"check\">"));
        const QString invalid = validateJUnit(junit.fileName());
        QVERIFY2(invalid.isEmpty() || invalid == QLatin1String("skip"), qPrintable(invalid));
    }

    void aRequestThatCannotBeMadeExitsTwo() {
        const QString root = makeWorkspace(
            QStringLiteral("unreachable"),
            {{QStringLiteral("a.rest.yaml"), "version: 1\nurl: http://127.0.0.1:1/nothing\nchecks:\n  - status: 200\n"},
             {QStringLiteral("b.rest.yaml"), "version: 1\nurl: '{{undefinedThing}}/x'\n"}});
        CliRun run({QStringLiteral("run"), root, QStringLiteral("--reporter"), QStringLiteral("cli,junit"),
                    QStringLiteral("--out"), m_folder.filePath(QStringLiteral("unreachable-reports"))});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitUsage);
        QVERIFY2(run.out().contains("✗ a.rest — could not be made: Connection refused"), run.out().constData());
        QVERIFY(run.out().contains("✗ b.rest — could not be made: Undefined variable {{undefinedThing}}"));
        QVERIFY(run.out().contains("2 request error(s)"));
    }

    void bailStopsAtTheFirstFailure() {
        const QString root = makeWorkspace(
            QStringLiteral("bail"), {{QStringLiteral("a.rest.yaml"), "version: 1\nurl: '{{baseUrl}}/v1/users/42'\n"
                                                                     "checks:\n  - status: 404\n"},
                                     {QStringLiteral("b.rest.yaml"), "version: 1\nurl: '{{baseUrl}}/v1/users/42'\n"}});
        CliRun run({QStringLiteral("run"), root, QStringLiteral("--bail")});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitCallFailed);
        QVERIFY(run.out().contains("✗ a.rest"));
        QVERIFY(!run.out().contains("b.rest"));
        QVERIFY(run.out().contains("1 request(s), 1 check(s): 0 passed, 1 failed; 0 request error(s), stopped at the "
                                   "first failure (--bail)"));
    }

    void dataRowsDriveIterations_data() {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("csv") << "users.csv" << QByteArray("userId,name\n1,\"first, one\"\n2,second\n");
        QTest::newRow("json") << "users.json" << QByteArray(R"([{"userId": 1, "name": "a"}, {"userId": 2}])");
    }

    void dataRowsDriveIterations() {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, data);
        const QString root = makeWorkspace(
            QStringLiteral("data-") + fileName,
            {{QStringLiteral("user.rest.yaml"), "version: 1\nurl: '{{baseUrl}}/v1/users/{{userId}}'\nchecks:\n"
                                                "  - jsonPath: $.id\n    equals: '{{userId}}'\n"}});
        const QString file = m_folder.filePath(fileName);
        QVERIFY(workspace::writeFileAtomically(file, data));
        CliRun run({QStringLiteral("run"), root, QStringLiteral("--data"), file, QStringLiteral("--reporter"),
                    QStringLiteral("cli,json"), QStringLiteral("--out"), m_folder.filePath(fileName + "-out")});
        QVERIFY(run.wait());
        QVERIFY2(run.exitCode() == kExitSuccess, qPrintable(run.transcript()));
        QVERIFY(run.out().contains("— iteration 2 of 2"));
        QVERIFY(run.out().contains("✓ jsonPath $.id equals \"1\""));
        QVERIFY(run.out().contains("✓ jsonPath $.id equals \"2\""));
        QVERIFY(run.out().contains("2 request(s) in 2 iterations"));
    }

    void iterationsRepeatTheFolder() {
        const QString root =
            makeWorkspace(QStringLiteral("iterations"),
                          {{QStringLiteral("user.rest.yaml"), "version: 1\nurl: '{{baseUrl}}/v1/users/42'\n"}});
        CliRun run({QStringLiteral("run"), root, QStringLiteral("--iterations"), QStringLiteral("3")});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        QVERIFY(run.out().contains("3 request(s) in 3 iterations, 3 check(s): 3 passed"));
    }

    void capturesCrossStyles() {
        // Created in REST, cancelled in gRPC, read back in GraphQL; folder.yaml sets the order.
        const QString root = makeWorkspace(
            QStringLiteral("cross"),
            {{QStringLiteral("chain/folder.yaml"), "version: 1\norder:\n  - create.rest.yaml\n  - cancel.grpc.yaml\n"
                                                   "  - read.graphql.yaml\n"},
             {QStringLiteral("chain/create.rest.yaml"),
              "version: 1\nmethod: POST\nurl: '{{baseUrl}}/v1/users/42/orders'\nauth:\n  kind: bearer\n"
              "  token: '{{token}}'\nbody:\n  kind: json\n  text: '{\"product\": \"Mechanical Keyboard\", "
              "\"quantity\": 2}'\nchecks:\n  - capture: id\n    jsonPath: $.id\n  - capture: location\n"
              "    header: Location\n"},
             {QStringLiteral("chain/cancel.grpc.yaml"),
              "version: 1\ntarget: '{{grpcTarget}}'\nmethod: orders.v1.OrderService/CancelOrder\nmessage: "
              "'{\"order_id\": {{id}}}'\nmetadata:\n  - name: authorization\n    value: Bearer {{token}}\nchecks:\n"
              "  - grpcCode: OK\n  - capture: cancelled\n    grpcField: status\n"},
             {QStringLiteral("chain/read.graphql.yaml"),
              "version: 1\nurl: '{{baseUrl}}/graphql'\nquery: '{ order(id: \"{{id}}\") { status quantity } }'\n"
              "checks:\n  - jsonPath: $.data.order.status\n    equals: '{{cancelled}}'\n"
              "  - jsonPath: $.data.order.quantity\n    equals: 2\n"}});
        CliRun run({QStringLiteral("run"), root + QStringLiteral("/chain")});
        QVERIFY(run.wait());
        QVERIFY2(run.exitCode() == kExitSuccess, qPrintable(run.transcript()));
        QVERIFY(run.out().contains("→ location = /v1/orders/"));
        QVERIFY(run.out().contains("→ cancelled = CANCELLED"));
        QVERIFY(run.out().contains("✓ jsonPath $.data.order.status equals \"CANCELLED\""));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no folder") << QStringList{QStringLiteral("run")} << "run needs WORKSPACE";
        QTest::newRow("not a folder") << QStringList{QStringLiteral("run"), QStringLiteral("/nonexistent/x")}
                                      << "is not one";
        QTest::newRow("reporter") << QStringList{QStringLiteral("run"), QStringLiteral("."),
                                                 QStringLiteral("--reporter"), QStringLiteral("xml")}
                                  << "--reporter takes cli, json and junit, not xml";
        QTest::newRow("iterations") << QStringList{QStringLiteral("run"), QStringLiteral("."),
                                                   QStringLiteral("--iterations"), QStringLiteral("0")}
                                    << "--iterations needs a positive number";
        QTest::newRow("data file") << QStringList{QStringLiteral("run"), QStringLiteral("."), QStringLiteral("--data"),
                                                  QStringLiteral("/nonexistent.csv")}
                                   << "cannot read /nonexistent.csv";
    }

    void usageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        CliRun run(arguments);
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitUsage);
        QVERIFY2(run.err().contains(message), qPrintable(run.err()));
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "test_clirun.moc"
