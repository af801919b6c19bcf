#include "app/cli/clioptions.h"

#include <functional>
#include <map>

namespace triptych::cli {

QString usageText() {
    return QStringLiteral(
        "usage: triptych-cli [--json] COMMAND …\n"
        "  rest METHOD URL [-H 'Name: value']… [-d BODY|@FILE] [--gzip] [--http2] [--user U:P] [--insecure]\n"
        "  graphql URL -q QUERY [-v VARIABLES_JSON] [-o OPERATION] [--get] [--apq]\n"
        "  graphql URL -q QUERY --subscribe [-H 'Authorization: Bearer T'] [--init JSON] [--legacy-ws]\n"
        "       over ws:// (from http://), graphql-transport-ws or the legacy graphql-ws; Ctrl+C completes it\n"
        "  graphql lint --schema URL|FILE.graphql|FILE.json DOCUMENT.graphql…   file:line:column: message per\n"
        "       validation error (the engine's, as graphql-js gives them); exit 1 when any, 2 when unreadable\n"
        "  grpc HOST:PORT list | describe SYMBOL | METHOD [-d JSON]… [--template]\n"
        "       [--proto FILE -I DIR]… [-H 'key: value']… [--tls --ca FILE] [--gzip] [--trace-url URL]\n"
        "  compare [--server URL] [--grpc HOST:PORT]   the same questions in REST, GraphQL and gRPC\n"
        "  lesson [NAME] [--var collector=URL]   the lessons (all, or one) against an embedded server: figures,\n"
        "       sentences, claims; --var sets a lesson's {{variable}} (the OTLP collector a trace is exported to)\n"
        "  list WORKSPACE   the saved requests of a workspace folder, its environments and the problems of its files\n"
        "  send WORKSPACE/PATH/TO/REQUEST[.rest|.graphql|.grpc] [--env NAME] [--var NAME=VALUE]…\n"
        "       one saved request with the workspace's variables, an environment of it and --var values\n"
        "  import FILE|URL [--format curl|postman|insomnia|openapi|har|protoset] --into WORKSPACE_DIR\n"
        "       into a new collection folder (never over existing files); says what was skipped and why;\n"
        "       a URL is fetched (http://127.0.0.1:8080/openapi.json)\n"
        "  export WORKSPACE[/PATH] --as curl|grpcurl|postman|har [--env NAME] [--var NAME=VALUE]… [--out FILE]\n"
        "       a request or folder as commands or a Postman v2.1 collection; the workspace's history as HAR 1.2\n"
        "  run WORKSPACE[/FOLDER] [--env NAME] [--var NAME=VALUE]… [--data FILE.csv|.json] [--iterations N]\n"
        "       [--bail] [--reporter cli,json,junit] [--out DIR]\n"
        "       the folder's saved requests in order with their checks and captures; exit 0 all passed,\n"
        "       1 a check failed, 2 a request could not be made\n"
        "  locust WORKSPACE[/FOLDER] --out DIR [--env NAME] [--var NAME=VALUE]…\n"
        "       the folder's requests as a Locust project (locustfile, .proto files, master + workers launcher)\n"
        "common: --json prints the whole call record, --timeout MS (also the gRPC deadline), --no-trace,\n"
        "        --max-body MB stops a call whose response grows beyond it (default 256),\n"
        "        -i shows response headers and timing phases; --help, --version.\n"
        "The embedded server listens on http://127.0.0.1:8080 and 127.0.0.1:50051; token demo-token.\n");
}

QString parseCommandLine(const QStringList &arguments, CliOptions *options) {
    using Taker = std::function<void(const QString &)>;
    const std::map<QString, Taker> valued{
        {QStringLiteral("-H"), [&](const QString &v) { options->headers.append(v.toUtf8()); }},
        {QStringLiteral("-d"), [&](const QString &v) { options->data.append(v.toUtf8()); }},
        {QStringLiteral("-q"), [&](const QString &v) { options->query = v; }},
        {QStringLiteral("-v"), [&](const QString &v) { options->variables = v.toUtf8(); }},
        {QStringLiteral("-o"), [&](const QString &v) { options->operationName = v; }},
        {QStringLiteral("--init"), [&](const QString &v) { options->initPayload = v.toUtf8(); }},
        {QStringLiteral("--proto"), [&](const QString &v) { options->protoFiles.append(v); }},
        {QStringLiteral("-I"), [&](const QString &v) { options->importPaths.append(v); }},
        {QStringLiteral("--server"), [&](const QString &v) { options->servers.append(v); }},
        {QStringLiteral("--grpc"), [&](const QString &v) { options->grpcServer = v; }},
        {QStringLiteral("--trace-url"), [&](const QString &v) { options->traceUrl = v; }},
        {QStringLiteral("--user"), [&](const QString &v) { options->user = v; }},
        {QStringLiteral("--schema"), [&](const QString &v) { options->schema = v; }},
        {QStringLiteral("--ca"), [&](const QString &v) { options->caFile = v; }},
        {QStringLiteral("--timeout"), [&](const QString &v) { options->timeoutMs = v.toInt(); }},
        {QStringLiteral("--max-body"), [&](const QString &v) { options->maxBodyMb = v.toLongLong(); }},
        {QStringLiteral("--env"), [&](const QString &v) { options->environment = v; }},
        {QStringLiteral("--var"), [&](const QString &v) { options->variableValues.append(v); }},
        {QStringLiteral("--format"), [&](const QString &v) { options->format = v; }},
        {QStringLiteral("--into"), [&](const QString &v) { options->into = v; }},
        {QStringLiteral("--as"), [&](const QString &v) { options->exportAs = v; }},
        {QStringLiteral("--data"), [&](const QString &v) { options->dataFile = v; }},
        {QStringLiteral("--iterations"),
         [&](const QString &v) { options->iterations = v.toInt() > 0 ? v.toInt() : -1; }},
        {QStringLiteral("--reporter"),
         [&](const QString &v) { options->reporters = v.split(QLatin1Char(','), Qt::SkipEmptyParts); }},
        {QStringLiteral("--out"), [&](const QString &v) { options->out = v; }},
    };
    const std::map<QString, bool *> flags{
        {QStringLiteral("--json"), &options->json},
        {QStringLiteral("--gzip"), &options->gzip},
        {QStringLiteral("--http2"), &options->http2},
        {QStringLiteral("--insecure"), &options->insecure},
        {QStringLiteral("-k"), &options->insecure},
        {QStringLiteral("--tls"), &options->tls},
        {QStringLiteral("--get"), &options->get},
        {QStringLiteral("--apq"), &options->apq},
        {QStringLiteral("--subscribe"), &options->subscribe},
        {QStringLiteral("--legacy-ws"), &options->legacyWs},
        {QStringLiteral("--no-trace"), &options->noTrace},
        {QStringLiteral("--template"), &options->showTemplate},
        {QStringLiteral("-i"), &options->verbose},
        {QStringLiteral("--bail"), &options->bail},
    };
    // Options of `run` alone (--out also of locust and export); elsewhere they are mistakes (curl's --data is -d here).
    const QStringList runOnly{QStringLiteral("--data"), QStringLiteral("--iterations"), QStringLiteral("--reporter"),
                              QStringLiteral("--out"), QStringLiteral("--bail")};
    QString runOption;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (runOnly.contains(word) && runOption.isEmpty())
            runOption = word;
        if (const auto flag = flags.find(word); flag != flags.end()) {
            *flag->second = true;
        } else if (const auto taker = valued.find(word); taker != valued.end()) {
            if (i + 1 >= arguments.size())
                return QStringLiteral("%1 needs a value").arg(word);
            taker->second(arguments.at(++i));
        } else if (word.startsWith(QLatin1Char('-')) && word.size() > 1) {
            return QStringLiteral("unknown option %1").arg(word);
        } else if (options->command.isEmpty()) {
            options->command = word;
        } else {
            options->positional.append(word);
        }
    }
    if (options->timeoutMs <= 0)
        return QStringLiteral("--timeout needs a positive number of milliseconds");
    if (options->maxBodyMb < 0 || (arguments.contains(QStringLiteral("--max-body")) && options->maxBodyMb == 0))
        return QStringLiteral("--max-body needs a positive number of megabytes");
    const QStringList commands{QStringLiteral("rest"),    QStringLiteral("graphql"), QStringLiteral("grpc"),
                               QStringLiteral("compare"), QStringLiteral("list"),    QStringLiteral("send"),
                               QStringLiteral("import"),  QStringLiteral("export"),  QStringLiteral("run"),
                               QStringLiteral("locust"),  QStringLiteral("lesson")};
    if (!commands.contains(options->command))
        return options->command.isEmpty() ? QStringLiteral("no command given")
                                          : QStringLiteral("unknown command %1").arg(options->command);
    const bool writesFiles = options->command == QLatin1String("locust") || options->command == QLatin1String("export");
    if (!runOption.isEmpty() && options->command != QLatin1String("run") &&
        !(runOption == QLatin1String("--out") && writesFiles))
        return runOption == QLatin1String("--data") ? QStringLiteral("--data is an option of run; a body is -d")
                                                    : QStringLiteral("%1 is an option of run").arg(runOption);
    return {};
}

} // namespace triptych::cli
