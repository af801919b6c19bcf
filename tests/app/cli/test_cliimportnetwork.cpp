// triptych-cli against the in-process server for what import brings from elsewhere: an OpenAPI document by its URL
// (the server's own /openapi.json) and a request whose schema is a descriptor set, sent.
#include "tests/app/cli/clirun.h"
#include "tests/support/testorderserver.h"

#include "app/workspace/atomicfile.h"
#include "app/workspace/workspace.h"

#include <QDir>
#include <QTemporaryDir>

using namespace triptych;
using namespace triptych::cli;
using testing::CliRun;

namespace {
const QString kProtoset = QStringLiteral(TRIPTYCH_PROTOSET_DIR "/orders.protoset");
const QString kInsomnia = QStringLiteral(TRIPTYCH_INTEROP_DATA "/insomnia-v4.json");
} // namespace

class TestCliImportNetwork : public QObject {
    Q_OBJECT
    testing::TestOrderServer m_server;
    QTemporaryDir m_folder;

    QString path(const QString &relative) const { return m_folder.filePath(relative); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_folder.isValid());
        QVERIFY(m_server.start());
    }
    void cleanupTestCase() { m_server.stop(); }

    void importOpenApiFromTheServersUrl() {
        const QString target = path(QStringLiteral("from-url"));
        CliRun run({QStringLiteral("import"), m_server.httpBase() + QStringLiteral("/openapi.json"),
                    QStringLiteral("--into"), target});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QString out = QString::fromUtf8(run.out());
        QVERIFY2(out.contains(QStringLiteral("request(s) from openapi.json (openapi)")), qPrintable(run.transcript()));
        workspace::Workspace opened;
        QVERIFY(opened.open(target));
        // One per operation of the contract (16 today), each written and valid.
        const qsizetype count = opened.requestPaths().size();
        QVERIFY2(count >= 10, qPrintable(out));
        QVERIFY2(out.startsWith(QStringLiteral("Imported %1 request(s)").arg(count)), qPrintable(out));
        QVERIFY(!workspace::hasErrors(opened.validate()));
    }

    void urlRefusals_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("message");
        QTest::newRow("not found") << QStringLiteral("/no/such/openapi.json") << "the server answered 404";
        QTest::newRow("not a format") << QStringLiteral("/healthz") << "the format could not be told";
    }
    void urlRefusals() {
        QFETCH(QString, url);
        QFETCH(QString, message);
        const QString target = path(QStringLiteral("refused"));
        CliRun run({QStringLiteral("import"), m_server.httpBase() + url, QStringLiteral("--into"), target});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitCallFailed);
        QVERIFY2(run.err().contains(message), qPrintable(run.transcript()));
        QVERIFY(!QFileInfo::exists(target)); // a refused import leaves nothing behind
    }

    void unreachableUrlIsSaid() {
        CliRun run({QStringLiteral("import"), QStringLiteral("http://127.0.0.1:1/openapi.json"),
                    QStringLiteral("--into"), path(QStringLiteral("unreachable"))});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitCallFailed);
        QVERIFY2(run.err().contains(QStringLiteral("cannot be fetched")), qPrintable(run.transcript()));
    }

    // Both were left out of the importers' dispatch: the CLI refused them as "not available yet".
    void importInsomniaAndDescriptorSets_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("insomnia") << kInsomnia << "insomnia";
        QTest::newRow("protoset") << kProtoset << "protoset";
    }
    void importInsomniaAndDescriptorSets() {
        QFETCH(QString, file);
        QFETCH(QString, format);
        CliRun run({QStringLiteral("import"), file, QStringLiteral("--into"), path(QStringLiteral("formats"))});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        QVERIFY2(QString::fromUtf8(run.out()).contains(QStringLiteral("(%1)").arg(format)),
                 qPrintable(run.transcript()));
    }

    void sendsARequestWhoseSchemaIsADescriptorSet() {
        const QString root = path(QStringLiteral("protoset"));
        CliRun imported({QStringLiteral("import"), kProtoset, QStringLiteral("--into"), root});
        QVERIFY(imported.wait());
        QCOMPARE(imported.exitCode(), kExitSuccess);
        // The imported GetUser, asking for user 42.
        const QString file = root + QStringLiteral("/orders/orders.v1.OrderService/GetUser.grpc.yaml");
        auto bytes = workspace::readWholeFile(file);
        QVERIFY2(bytes, qPrintable(file));
        QVERIFY(bytes->contains("descriptorSet: "));
        // The template's `message:` block (its indented lines) becomes the one line below.
        QByteArray edited;
        bool inMessage = false;
        for (const QByteArray &line : bytes->split('\n')) {
            if (inMessage && (line.startsWith(' ') || line.isEmpty()))
                continue;
            inMessage = line.startsWith("message:");
            edited += inMessage ? QByteArray("message: '{\"user_id\": 42}'") : line;
            edited += '\n';
        }
        QVERIFY(edited.contains("message: '{\"user_id\": 42}'"));
        QVERIFY(workspace::writeFileAtomically(file, edited.trimmed() + '\n'));
        CliRun run({QStringLiteral("send"), file, QStringLiteral("--var"),
                    QStringLiteral("grpcTarget=") + m_server.grpcTarget(), QStringLiteral("--json")});
        QVERIFY(run.wait());
        QVERIFY2(run.exitCode() == kExitSuccess, qPrintable(run.transcript() + QString::fromUtf8(edited)));
        QVERIFY2(run.out().contains("\"name\""), qPrintable(run.transcript()));
    }

    void aMissingDescriptorSetIsNamed() {
        const QString root = path(QStringLiteral("missing-set"));
        QVERIFY(workspace::Workspace::create(root, QStringLiteral("missing")));
        const QString file = root + QStringLiteral("/GetUser.grpc.yaml");
        QVERIFY(workspace::writeFileAtomically(
            file, "version: 1\ntarget: 127.0.0.1:1\nmethod: orders.v1.OrderService/GetUser\nproto:\n  source: "
                  "descriptor-set\n  descriptorSet: gone.protoset\nmessage: '{}'\n"));
        CliRun run({QStringLiteral("send"), file});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitUsage);
        QVERIFY2(run.err().contains(QDir(root).absoluteFilePath(QStringLiteral("gone.protoset"))),
                 qPrintable(run.transcript()));
    }
};

QTEST_GUILESS_MAIN(TestCliImportNetwork)
#include "test_cliimportnetwork.moc"
