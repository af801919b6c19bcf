#include "app/cli/clioptions.h"

#include <QTest>

using namespace triptych::cli;

namespace {

// One option's value as text, so that every valued option fits one table.
QString field(const CliOptions &options, const QString &name) {
    const auto joined = [](const QList<QByteArray> &list) { return QString::fromUtf8(list.join('|')); };
    if (name == QLatin1String("headers"))
        return joined(options.headers);
    if (name == QLatin1String("data"))
        return joined(options.data);
    if (name == QLatin1String("query"))
        return options.query;
    if (name == QLatin1String("variables"))
        return QString::fromUtf8(options.variables);
    if (name == QLatin1String("operationName"))
        return options.operationName;
    if (name == QLatin1String("initPayload"))
        return QString::fromUtf8(options.initPayload);
    if (name == QLatin1String("protoFiles"))
        return options.protoFiles.join(QLatin1Char('|'));
    if (name == QLatin1String("importPaths"))
        return options.importPaths.join(QLatin1Char('|'));
    if (name == QLatin1String("servers"))
        return options.servers.join(QLatin1Char('|'));
    if (name == QLatin1String("grpcServer"))
        return options.grpcServer;
    if (name == QLatin1String("traceUrl"))
        return options.traceUrl;
    if (name == QLatin1String("user"))
        return options.user;
    if (name == QLatin1String("caFile"))
        return options.caFile;
    if (name == QLatin1String("timeoutMs"))
        return QString::number(options.timeoutMs);
    if (name == QLatin1String("maxBodyMb"))
        return QString::number(options.maxBodyMb);
    return QStringLiteral("<no field %1>").arg(name);
}

// The names of the flags that are set, in declaration order.
QStringList setFlags(const CliOptions &o) {
    const std::pair<const char *, bool> flags[] = {
        {"json", o.json},
        {"gzip", o.gzip},
        {"http2", o.http2},
        {"insecure", o.insecure},
        {"tls", o.tls},
        {"get", o.get},
        {"apq", o.apq},
        {"subscribe", o.subscribe},
        {"legacyWs", o.legacyWs},
        {"noTrace", o.noTrace},
        {"showTemplate", o.showTemplate},
        {"verbose", o.verbose},
    };
    QStringList names;
    for (const auto &[name, set] : flags) {
        if (set)
            names << QString::fromLatin1(name);
    }
    return names;
}

} // namespace

class TestCliOptions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void commandAndPositional_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("positional");
        QTest::newRow("rest") << QStringList{"rest", "GET", "http://h/v1/users/1"} << ""
                              << "rest" << QStringList{"GET", "http://h/v1/users/1"};
        QTest::newRow("flags anywhere") << QStringList{"--json", "grpc", "h:1", "-i", "list"} << ""
                                        << "grpc" << QStringList{"h:1", "list"};
        QTest::newRow("a value is not the command") << QStringList{"-H", "X: 1", "compare"} << ""
                                                    << "compare" << QStringList{};
        QTest::newRow("a value may start with a dash") << QStringList{"rest", "-d", "-1", "PUT", "u"} << ""
                                                       << "rest" << QStringList{"PUT", "u"};
        QTest::newRow("a lone dash is a word") << QStringList{"graphql", "-"} << ""
                                               << "graphql" << QStringList{"-"};
        QTest::newRow("nothing") << QStringList{} << "no command given"
                                 << "" << QStringList{};
        QTest::newRow("only a flag") << QStringList{"--json"} << "no command given"
                                     << "" << QStringList{};
        QTest::newRow("unknown command") << QStringList{"fetch", "x"} << "unknown command fetch"
                                         << "fetch" << QStringList{"x"};
        QTest::newRow("unknown option") << QStringList{"rest", "GET", "u", "--frob"} << "unknown option --frob"
                                        << "rest" << QStringList{"GET", "u"};
        QTest::newRow("long form of -d is not an option")
            << QStringList{"rest", "--data", "x"} << "--data is an option of run; a body is -d"
            << "rest" << QStringList{};
        QTest::newRow("value missing") << QStringList{"rest", "GET", "u", "-H"} << "-H needs a value"
                                       << "rest" << QStringList{"GET", "u"};
        QTest::newRow("timeout zero") << QStringList{"rest", "--timeout", "0"}
                                      << "--timeout needs a positive number of milliseconds"
                                      << "rest" << QStringList{};
        QTest::newRow("timeout in words")
            << QStringList{"rest", "--timeout", "soon"} << "--timeout needs a positive number of milliseconds"
            << "rest" << QStringList{};
        QTest::newRow("max body zero") << QStringList{"rest", "--max-body", "0"}
                                       << "--max-body needs a positive number of megabytes"
                                       << "rest" << QStringList{};
        QTest::newRow("max body in words")
            << QStringList{"rest", "--max-body", "lots"} << "--max-body needs a positive number of megabytes"
            << "rest" << QStringList{};
        QTest::newRow("timeout negative")
            << QStringList{"rest", "--timeout", "-5"} << "--timeout needs a positive number of milliseconds"
            << "rest" << QStringList{};
    }
    void commandAndPositional() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        QFETCH(QString, command);
        QFETCH(QStringList, positional);
        CliOptions options;
        QCOMPARE(parseCommandLine(arguments, &options), error);
        QCOMPARE(options.command, command);
        QCOMPARE(options.positional, positional);
    }

    void valuedOptions_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("-H twice") << QStringList{"-H", "A: 1", "-H", "B: 2"} << "headers"
                                  << "A: 1|B: 2";
        QTest::newRow("-d twice") << QStringList{"-d", "{}", "-d", "@f.json"} << "data"
                                  << "{}|@f.json";
        QTest::newRow("-q") << QStringList{"-q", "{ a }"} << "query"
                            << "{ a }";
        QTest::newRow("-v") << QStringList{"-v", R"({"x":1})"} << "variables"
                            << R"({"x":1})";
        QTest::newRow("-o") << QStringList{"-o", "Op"} << "operationName"
                            << "Op";
        QTest::newRow("--init") << QStringList{"--init", "{}"} << "initPayload"
                                << "{}";
        QTest::newRow("--proto twice") << QStringList{"--proto", "a.proto", "--proto", "b.proto"} << "protoFiles"
                                       << "a.proto|b.proto";
        QTest::newRow("-I twice") << QStringList{"-I", "/a", "-I", "/b"} << "importPaths"
                                  << "/a|/b";
        QTest::newRow("--server") << QStringList{"--server", "http://h:1"} << "servers"
                                  << "http://h:1";
        QTest::newRow("--grpc") << QStringList{"--grpc", "h:2"} << "grpcServer"
                                << "h:2";
        QTest::newRow("--trace-url") << QStringList{"--trace-url", "http://h:1"} << "traceUrl"
                                     << "http://h:1";
        QTest::newRow("--user") << QStringList{"--user", "u:p"} << "user"
                                << "u:p";
        QTest::newRow("--ca") << QStringList{"--ca", "ca.pem"} << "caFile"
                              << "ca.pem";
        QTest::newRow("--timeout") << QStringList{"--timeout", "250"} << "timeoutMs"
                                   << "250";
        QTest::newRow("default timeout") << QStringList{} << "timeoutMs"
                                         << "30000";
        QTest::newRow("--max-body") << QStringList{"--max-body", "512"} << "maxBodyMb"
                                    << "512";
        QTest::newRow("the last -q wins") << QStringList{"-q", "{ a }", "-q", "{ b }"} << "query"
                                          << "{ b }";
    }
    void valuedOptions() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, field);
        QFETCH(QString, value);
        CliOptions options;
        QCOMPARE(parseCommandLine(QStringList{"compare"} + arguments, &options), QString());
        QCOMPARE(::field(options, field), value);
        QVERIFY(options.positional.isEmpty());
    }

    void flags_data() {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("set");
        QTest::newRow("--json") << "--json"
                                << "json";
        QTest::newRow("--gzip") << "--gzip"
                                << "gzip";
        QTest::newRow("--http2") << "--http2"
                                 << "http2";
        QTest::newRow("--insecure") << "--insecure"
                                    << "insecure";
        QTest::newRow("-k") << "-k"
                            << "insecure";
        QTest::newRow("--tls") << "--tls"
                               << "tls";
        QTest::newRow("--get") << "--get"
                               << "get";
        QTest::newRow("--apq") << "--apq"
                               << "apq";
        QTest::newRow("--subscribe") << "--subscribe"
                                     << "subscribe";
        QTest::newRow("--legacy-ws") << "--legacy-ws"
                                     << "legacyWs";
        QTest::newRow("--no-trace") << "--no-trace"
                                    << "noTrace";
        QTest::newRow("--template") << "--template"
                                    << "showTemplate";
        QTest::newRow("-i") << "-i"
                            << "verbose";
    }
    void flags() {
        QFETCH(QString, flag);
        QFETCH(QString, set);
        CliOptions options;
        QCOMPARE(parseCommandLine({"grpc", flag, "h:1", "list"}, &options), QString());
        QCOMPARE(setFlags(options), QStringList{set});
        QCOMPARE(options.positional, (QStringList{"h:1", "list"}));
    }

    void noFlagIsSetByDefault() {
        CliOptions options;
        QCOMPARE(parseCommandLine({"compare"}, &options), QString());
        QCOMPARE(setFlags(options), QStringList{});
    }

    void usageNamesEveryCommandAndOption_data() {
        QTest::addColumn<QString>("word");
        for (const char *word : {"rest METHOD URL",
                                 "graphql URL",
                                 "--subscribe",
                                 "grpc HOST:PORT",
                                 "list",
                                 "describe SYMBOL",
                                 "compare",
                                 "--json",
                                 "--timeout",
                                 "--no-trace",
                                 "-i",
                                 "-H",
                                 "-d",
                                 "--gzip",
                                 "--http2",
                                 "--user",
                                 "--insecure",
                                 "-q",
                                 "-v",
                                 "-o",
                                 "--get",
                                 "--apq",
                                 "--init",
                                 "--legacy-ws",
                                 "--template",
                                 "--proto",
                                 "-I",
                                 "--tls",
                                 "--ca",
                                 "--trace-url",
                                 "--server",
                                 "--grpc"})
            QTest::newRow(word) << QString::fromLatin1(word);
    }
    void usageNamesEveryCommandAndOption() {
        QFETCH(QString, word);
        const QString usage = usageText();
        QVERIFY(usage.startsWith(QLatin1String("usage: triptych-cli")));
        QVERIFY2(usage.contains(word), qPrintable(word));
    }
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "test_clioptions.moc"
