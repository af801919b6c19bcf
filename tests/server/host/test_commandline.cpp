#include "server/host/commandline.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace triptych;

class TestCommandLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parses_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error"); // empty: parsed
        QTest::newRow("defaults") << QStringList() << "";
        QTest::newRow("ports") << QStringList({"--http-port", "0", "--grpc-port=0"}) << "";
        QTest::newRow("everything") << QStringList({"--bind", "0.0.0.0", "--users", "5000", "--db", "/tmp/x.db",
                                                    "--token", "t", "--api-key", "k", "--lifecycle-ms", "250",
                                                    "--rate-limit", "10"})
                                    << "";
        QTest::newRow("port too big") << QStringList({"--http-port", "70000"}) << "--http-port needs a whole number";
        QTest::newRow("port not a number") << QStringList({"--grpc-port", "abc"}) << "not 'abc'";
        QTest::newRow("too few users") << QStringList({"--users", "10"}) << "from 42";
        QTest::newRow("missing value") << QStringList({"--db"}) << "--db needs a value";
        QTest::newRow("empty token") << QStringList({"--token", ""}) << "non-empty";
        QTest::newRow("unknown option") << QStringList({"--verbose"}) << "unknown option '--verbose'";
        QTest::newRow("graphql switches") << QStringList({"--dataloader", "off", "--gateway"}) << "";
        QTest::newRow("bad dataloader") << QStringList({"--dataloader", "maybe"}) << "--dataloader needs on or off";
        QTest::newRow("cache") << QStringList({"--cache", "on"}) << "";
        QTest::newRow("http threads") << QStringList({"--http-threads", "1"}) << "";
        QTest::newRow("too many http threads") << QStringList({"--http-threads", "1000"}) << "--http-threads";
        QTest::newRow("bad cache") << QStringList({"--cache", "yes"}) << "--cache needs on or off";
        QTest::newRow("negative rate") << QStringList({"--rate-limit", "-1"}) << "--rate-limit";
        QTest::newRow("database latency") << QStringList({"--db-latency-ms", "2"}) << "";
        QTest::newRow("database latency too long")
            << QStringList({"--db-latency-ms", "5000"}) << "--db-latency-ms needs a whole number";
        QTest::newRow("tls switch") << QStringList({"--tls"}) << "";
        QTest::newRow("bad tls") << QStringList({"--tls=maybe"}) << "--tls needs on or off";
        QTest::newRow("empty tls key") << QStringList({"--tls-key", ""}) << "--tls-key needs a file path";
    }
    void parses() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        std::vector<std::string> argv;
        for (const auto &argument : arguments)
            argv.push_back(argument.toStdString());
        const auto parsed = parseServerCommandLine(argv);
        if (error.isEmpty()) {
            QVERIFY(std::holds_alternative<ServerOptions>(parsed));
            return;
        }
        const auto *failure = std::get_if<CommandLineError>(&parsed);
        QVERIFY(failure);
        QVERIFY2(QString::fromStdString(failure->message).contains(error), failure->message.c_str());
    }

    void valuesLandInTheOptions() {
        const auto parsed =
            parseServerCommandLine({"--http-port", "0", "--grpc-port=9", "--users", "77", "--token", "s3cret",
                                    "--lifecycle-ms", "5", "--rate-limit", "3", "--db-latency-ms", "4"});
        const auto &options = std::get<ServerOptions>(parsed);
        QCOMPARE(options.httpPort, 0);
        QCOMPARE(options.grpcPort, 9);
        QCOMPARE(options.users, 77);
        QCOMPARE(QString::fromStdString(options.credentials.token), QStringLiteral("s3cret"));
        QCOMPARE(QString::fromStdString(options.credentials.apiKey), QStringLiteral("demo-key"));
        QCOMPARE(options.lifecycleStep.count(), 5);
        QCOMPARE(options.rateLimitPerSecond, 3);
        QCOMPARE(options.dbLatency.count(), 4);
        QVERIFY(!options.tls.enabled);
        QVERIFY(!options.responseCache);
        QVERIFY(std::get<ServerOptions>(parseServerCommandLine({"--cache=on"})).responseCache);
        QCOMPARE(options.httpThreads, 0);
        QCOMPARE(std::get<ServerOptions>(parseServerCommandLine({"--http-threads", "3"})).httpThreads, 3);
    }

    void tlsFilesTurnTlsOn() {
        const auto parsed = parseServerCommandLine(
            {"--tls-cert", "/c.pem", "--tls-key=/k.pem", "--tls-client-ca", "generated", "--tls-dir", "/d"});
        const auto &options = std::get<ServerOptions>(parsed);
        QVERIFY(options.tls.enabled);
        QCOMPARE(options.tls.certificateFile, std::string("/c.pem"));
        QCOMPARE(options.tls.keyFile, std::string("/k.pem"));
        QCOMPARE(options.tls.clientCaFile, std::string(tls::kGeneratedClientCa));
        QCOMPARE(options.tls.directory, std::string("/d"));
        QVERIFY(std::get<ServerOptions>(parseServerCommandLine({"--tls"})).tls.enabled);
        QVERIFY(!std::get<ServerOptions>(parseServerCommandLine({"--tls", "--tls=off"})).tls.enabled);
    }

    void credentialsFromTheEnvironmentAndFiles_data() {
        QTest::addColumn<QStringList>("arguments"); // "@token" and "@key" stand for files holding a secret
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<QString>("token"); // or the error
        QTest::addColumn<QString>("apiKey");
        QTest::newRow("defaults") << QStringList() << QStringList() << "demo-token"
                                  << "demo-key";
        QTest::newRow("environment") << QStringList() << QStringList({"TRIPTYCH_TOKEN=env-t", "TRIPTYCH_API_KEY=env-k"})
                                     << "env-t"
                                     << "env-k";
        QTest::newRow("the command line wins")
            << QStringList({"--token", "arg-t"}) << QStringList({"TRIPTYCH_TOKEN=env-t"}) << "arg-t"
            << "demo-key";
        QTest::newRow("files") << QStringList({"--token-file", "@token", "--api-key-file=@key"}) << QStringList()
                               << "file-token"
                               << "file-key";
        QTest::newRow("a file wins over the environment")
            << QStringList({"--token-file", "@token"}) << QStringList({"TRIPTYCH_TOKEN=env-t"}) << "file-token"
            << "demo-key";
        QTest::newRow("empty variable") << QStringList() << QStringList({"TRIPTYCH_TOKEN="})
                                        << "error: TRIPTYCH_TOKEN is set but empty"
                                        << "";
        QTest::newRow("missing file") << QStringList({"--token-file", "/nonexistent/token"}) << QStringList()
                                      << "error: --token-file cannot read '/nonexistent/token'"
                                      << "";
        QTest::newRow("empty file") << QStringList({"--token-file", "@empty"}) << QStringList() << "error: is empty"
                                    << "";
    }
    void credentialsFromTheEnvironmentAndFiles() {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, environment);
        QFETCH(QString, token);
        QFETCH(QString, apiKey);
        QTemporaryDir directory;
        const auto file = [&](const QString &name, const QByteArray &content) {
            QFile out(directory.filePath(name));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(content);
        };
        file("token", "  file-token\n");
        file("key", "file-key");
        file("empty", "\n\n");
        std::vector<std::string> argv;
        for (QString argument : arguments) {
            for (const QString name : {"token", "key", "empty"})
                argument.replace("@" + name, directory.filePath(name));
            argv.push_back(argument.toStdString());
        }
        const EnvironmentLookup lookup = [&environment](const std::string &name) -> std::optional<std::string> {
            for (const auto &entry : environment)
                if (entry.startsWith(QString::fromStdString(name) + "="))
                    return entry.section('=', 1).toStdString();
            return std::nullopt;
        };
        const auto parsed = parseServerCommandLine(argv, lookup);
        if (token.startsWith("error: ")) {
            const auto *failure = std::get_if<CommandLineError>(&parsed);
            QVERIFY(failure);
            QVERIFY2(QString::fromStdString(failure->message).contains(token.mid(7)), failure->message.c_str());
            return;
        }
        const auto *options = std::get_if<ServerOptions>(&parsed);
        QVERIFY(options);
        QCOMPARE(QString::fromStdString(options->credentials.token), token);
        QCOMPARE(QString::fromStdString(options->credentials.apiKey), apiKey);
    }

    void helpShowsTheDemoCredentials() {
        QVERIFY(std::holds_alternative<ShowHelp>(parseServerCommandLine({"--help"})));
        const QString usage = QString::fromStdString(serverUsage());
        QVERIFY(usage.contains(QStringLiteral("demo-token")));
        QVERIFY(usage.contains(QStringLiteral("demo-key")));
        QVERIFY(usage.contains(QStringLiteral("--http-port")));
        QVERIFY(usage.contains(QStringLiteral("--token-file")));
        QVERIFY(usage.contains(QStringLiteral("TRIPTYCH_TOKEN")));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "test_commandline.moc"
