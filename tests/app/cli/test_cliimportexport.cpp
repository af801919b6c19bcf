// triptych-cli import and export: files land in a new collection folder and never over existing ones, what is skipped
// is printed, and the exports are what app/interop makes of the saved requests.
#include "tests/app/cli/clirun.h"

#include "app/cli/cliimport.h"
#include "app/interop/postman.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/historydatabase.h"
#include "app/workspace/workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace triptych;
using namespace triptych::cli;
using testing::CliRun;

namespace {
const QString kCollection = QStringLiteral(TRIPTYCH_INTEROP_DATA "/shop.postman_collection.json");
}

class TestCliImportExport : public QObject {
    Q_OBJECT
    QTemporaryDir m_folder;
    QString m_samples; // a copy of the sample workspace

    QString path(const QString &relative) const { return m_folder.filePath(relative); }
    QString write(const QString &relative, const QByteArray &bytes) const {
        const QString file = path(relative);
        return workspace::writeFileAtomically(file, bytes) ? file : QString();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_folder.isValid());
        m_samples = path(QStringLiteral("samples"));
        const QDir source(QStringLiteral(TRIPTYCH_SAMPLE_WORKSPACE));
        QDirIterator it(source.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const auto bytes = workspace::readWholeFile(file);
            QVERIFY(bytes);
            QVERIFY(
                workspace::writeFileAtomically(m_samples + QLatin1Char('/') + source.relativeFilePath(file), *bytes));
        }
    }

    void importPostmanIntoANewWorkspace() {
        const QString target = path(QStringLiteral("new-workspace"));
        CliRun run({QStringLiteral("import"), kCollection, QStringLiteral("--into"), target});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QString out = QString::fromUtf8(run.out());
        QVERIFY2(out.startsWith(QStringLiteral("Imported 7 request(s) from shop.postman_collection.json (postman)")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("  REST     Shop- API/Users/Get user.rest.yaml\n")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("  GraphQL  Shop- API/Query.graphql.yaml\n")));
        QVERIFY(out.contains(QStringLiteral("  environment  environments/Shop- API.yaml\n")));
        // What was skipped, and why: the digest auth and the script that is not run.
        QVERIFY(out.contains(QStringLiteral("Skipped or changed")));
        QVERIFY(out.contains(QStringLiteral("digest")));
        QVERIFY(QFileInfo::exists(target + QStringLiteral("/workspace.yaml")));
        workspace::Workspace opened;
        QVERIFY(opened.open(target));
        QCOMPARE(opened.requestPaths().size(), 7);
        QVERIFY(opened.validate().isEmpty() || !workspace::hasErrors(opened.validate()));
    }

    void importAgainNeverOverwrites() {
        const QString target = path(QStringLiteral("twice"));
        for (int i = 0; i < 2; ++i) {
            CliRun run({QStringLiteral("import"), kCollection, QStringLiteral("--into"), target});
            QVERIFY(run.wait());
            QCOMPARE(run.exitCode(), kExitSuccess);
        }
        QVERIFY(QFileInfo(target + QStringLiteral("/Shop- API")).isDir());
        QVERIFY(QFileInfo(target + QStringLiteral("/Shop- API 2/Users/Get user.rest.yaml")).isFile());
        QVERIFY(QFileInfo(target + QStringLiteral("/environments/Shop- API 2.yaml")).isFile());
    }

    void sameNamesInOneImportGetASuffix() {
        const QString file =
            write(QStringLiteral("twin.json"),
                  "{\"info\": {\"name\": \"Twins\", \"schema\": "
                  "\"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\"}, \"item\": ["
                  "{\"name\": \"Same\", \"request\": {\"method\": \"GET\", \"url\": \"http://a/1\"}},"
                  "{\"name\": \"Same\", \"request\": {\"method\": \"GET\", \"url\": \"http://a/2\"}}]}");
        const QString target = path(QStringLiteral("twins"));
        CliRun run({QStringLiteral("import"), file, QStringLiteral("--into"), target});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        QVERIFY(QFileInfo(target + QStringLiteral("/Twins/Same.rest.yaml")).isFile());
        QVERIFY(QFileInfo(target + QStringLiteral("/Twins/Same 2.rest.yaml")).isFile());
    }

    void importCurlNamesWhatItDropped() {
        const QString file = write(QStringLiteral("call.sh"),
                                   "curl -x http://proxy:3128 -H 'Accept: text/plain' http://127.0.0.1:1/x\n");
        CliRun run({QStringLiteral("import"), file, QStringLiteral("--into"), path(QStringLiteral("curl"))});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QString out = QString::fromUtf8(run.out());
        QVERIFY2(out.contains(QStringLiteral("(curl)")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("-x")), qPrintable(out));
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString bad = write(QStringLiteral("bad.json"), "{\"info\": {\"schema\": \"postman v2.1\"}, \"item\": [");
        const QString unknown = write(QStringLiteral("notes.txt"), "just some words\n");
        const QString into = path(QStringLiteral("refused"));
        QTest::newRow("no --into") << QStringList{QStringLiteral("import"), kCollection} << int(kExitUsage)
                                   << QStringLiteral("--into");
        QTest::newRow("unknown format") << QStringList{QStringLiteral("import"),   kCollection,
                                                       QStringLiteral("--format"), QStringLiteral("wsdl"),
                                                       QStringLiteral("--into"),   into}
                                        << int(kExitUsage) << QStringLiteral("--format must be one of");
        QTest::newRow("truncated JSON") << QStringList{QStringLiteral("import"),   bad,
                                                       QStringLiteral("--format"), QStringLiteral("postman"),
                                                       QStringLiteral("--into"),   into}
                                        << int(kExitCallFailed) << QStringLiteral("bad.json:1");
        QTest::newRow("undetectable") << QStringList{QStringLiteral("import"), unknown, QStringLiteral("--into"), into}
                                      << int(kExitCallFailed) << QStringLiteral("name it with --format");
        QTest::newRow("missing file") << QStringList{QStringLiteral("import"), path(QStringLiteral("none.json")),
                                                     QStringLiteral("--into"), into}
                                      << int(kExitCallFailed) << QStringLiteral("cannot be read");
        QTest::newRow("export without --as")
            << QStringList{QStringLiteral("export"), m_samples} << int(kExitUsage) << QStringLiteral("--as");
    }
    void refusals() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        CliRun run(arguments);
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), exitCode);
        QVERIFY2(run.err().contains(message), qPrintable(run.err()));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("refused"))));
    }

    void exportCurlResolvesTheEnvironment() {
        CliRun run({QStringLiteral("export"), m_samples + QStringLiteral("/A user's orders/A user's orders.rest"),
                    QStringLiteral("--as"), QStringLiteral("curl"), QStringLiteral("--env"), QStringLiteral("local")});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        QCOMPARE(QString::fromUtf8(run.out()),
                 QStringLiteral(
                     "curl 'http://127.0.0.1:8080/v1/users/42/orders' \\\n  -H 'Accept: application/json' \\\n  -L\n"));
    }

    void exportGrpcurl() {
        CliRun run({QStringLiteral("export"), m_samples + QStringLiteral("/A user's orders"), QStringLiteral("--as"),
                    QStringLiteral("grpcurl"), QStringLiteral("--env"), QStringLiteral("local")});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QString out = QString::fromUtf8(run.out());
        QVERIFY2(out.contains(
                     QStringLiteral("grpcurl \\\n  -plaintext \\\n  -max-time 30 \\\n  -d '{\n  \"user_id\": 42\n}\n' "
                                    "\\\n  127.0.0.1:50051 orders.v1.OrderService/GetUserOrders")),
                 qPrintable(out));
        // The REST and GraphQL requests of the folder have no grpcurl command, and say so.
        QVERIFY(run.err().contains(QStringLiteral("only gRPC requests have a grpcurl command")));
    }

    void exportPostmanAndImportAgainGivesTheSameDocuments() {
        const QString out = path(QStringLiteral("samples.postman_collection.json"));
        CliRun run({QStringLiteral("export"), m_samples, QStringLiteral("--as"), QStringLiteral("postman"),
                    QStringLiteral("--env"), QStringLiteral("local"), QStringLiteral("--out"), out});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        QVERIFY(QFileInfo(path(QStringLiteral("samples.postman_environment.json"))).isFile());
        // Postman's format has no place for gRPC or GraphQL over WebSocket, and the export says which were left out.
        QVERIFY2(run.err().contains(QStringLiteral("gRPC requests cannot be written")), qPrintable(run.err()));
        const QString target = path(QStringLiteral("reimported"));
        CliRun back({QStringLiteral("import"), out, QStringLiteral("--into"), target});
        QVERIFY(back.wait());
        QCOMPARE(back.exitCode(), kExitSuccess);
        workspace::Workspace original;
        workspace::Workspace again;
        QVERIFY(original.open(m_samples));
        QVERIFY(again.open(target));
        int compared = 0;
        for (const QString &request : again.requestPaths()) {
            const QString source = request.mid(request.indexOf(QLatin1Char('/')) + 1);
            const auto before = original.load(source);
            const auto after = again.load(request);
            QVERIFY2(before.ok() && after.ok(), qPrintable(request));
            // Postman has no per-request timeout and no GraphQL operation name (docs/interop.md).
            auto expected = before.document;
            expected.http.options.timeoutMs = workspace::documentdefaults::kTimeoutMs;
            expected.graphql.operationName.clear();
            QCOMPARE(after.document.http, expected.http);
            QCOMPARE(after.document.graphql, expected.graphql);
            QCOMPARE(after.document.notes, expected.notes);
            ++compared;
        }
        QCOMPARE(compared, 13); // the sample's REST and GraphQL-over-HTTP requests
    }

    void exportHistoryAsHar() {
        const QString database = path(QStringLiteral("history.sqlite"));
        {
            workspace::HistoryDatabase history;
            QString error;
            QVERIFY2(history.open(database, &error), qPrintable(error));
            workspace::HistoryEntry rest;
            rest.startedAtMs = 1'700'000'000'000;
            rest.method = QStringLiteral("GET");
            rest.url = QStringLiteral("http://127.0.0.1:8080/v1/users/42");
            rest.status = 200;
            rest.statusText = QStringLiteral("200 OK");
            rest.durationUs = 5'000;
            rest.firstByteUs = 4'000;
            workspace::HistoryEntry grpc = rest;
            grpc.style = workspace::RequestStyle::Grpc;
            grpc.method = QStringLiteral("/orders.v1.OrderService/GetUser");
            grpc.url = QStringLiteral("127.0.0.1:50051");
            QList<workspace::HistoryEntry> entries{rest, grpc};
            QVERIFY2(history.append(entries, &error), qPrintable(error));
        }
        const QString out = path(QStringLiteral("history.har"));
        CliRun run({QStringLiteral("export"), database, QStringLiteral("--as"), QStringLiteral("har"),
                    QStringLiteral("--out"), out});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        QVERIFY2(run.err().contains(QStringLiteral("HAR holds HTTP requests, not gRPC calls")), qPrintable(run.err()));
        const auto bytes = workspace::readWholeFile(out);
        QVERIFY(bytes);
        const QJsonObject log = QJsonDocument::fromJson(*bytes).object().value(QStringLiteral("log")).toObject();
        QCOMPARE(log.value(QStringLiteral("entries")).toArray().size(), 1);
        const QJsonObject timings = log.value(QStringLiteral("entries"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("timings"))
                                        .toObject();
        QCOMPARE(timings.value(QStringLiteral("wait")).toDouble(), 4.0);
        QCOMPARE(timings.value(QStringLiteral("receive")).toDouble(), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestCliImportExport)
#include "test_cliimportexport.moc"
