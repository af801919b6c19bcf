#include "app/cli/clirunner.h"

#include "app/cli/clicompare.h"
#include "app/cli/cliexport.h"
#include "app/cli/cliimport.h"
#include "app/cli/cliinterrupt.h"
#include "app/cli/clilesson.h"
#include "app/cli/clilint.h"
#include "app/cli/clirun.h"
#include "app/cli/clirunlocust.h"
#include "app/cli/cliworkspace.h"
#include "app/client/graphqlcaller.h"
#include "app/client/graphqlwscaller.h"
#include "app/client/grpccaller.h"
#include "app/client/grpcreflection.h"
#include "app/client/responselimit.h"
#include "app/client/restcaller.h"
#include "triptych/version.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <google/protobuf/descriptor.h>

namespace triptych::cli {

using namespace triptych::client;

namespace {

HeaderList parseHeaders(const QList<QByteArray> &lines) {
    HeaderList headers;
    for (const auto &line : lines) {
        const auto colon = line.indexOf(':');
        if (colon > 0)
            headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return headers;
}

RestRequest baseRequest(const CliOptions &options) {
    RestRequest request;
    request.headers = parseHeaders(options.headers);
    request.timeoutMs = options.timeoutMs;
    request.acceptGzip = options.gzip;
    request.httpVersion = options.http2 ? HttpVersion::Http2 : HttpVersion::Auto;
    request.tls.skipVerification = options.insecure;
    request.tls.caFile = options.caFile;
    request.sendTraceparent = !options.noTrace;
    request.fetchServerTrace = !options.noTrace;
    if (!options.user.isEmpty()) {
        request.auth.kind = AuthKind::Basic;
        request.auth.user = options.user.section(QLatin1Char(':'), 0, 0);
        request.auth.password = options.user.section(QLatin1Char(':'), 1);
    }
    return request;
}

} // namespace

CliRunner::CliRunner(CliPrinter &printer, QObject *parent)
    : QObject(parent)
    , m_printer(printer) {}

CliRunner::~CliRunner() {
    if (&currentPrinter() == &m_printer)
        setCurrentPrinter(nullptr);
}

void CliRunner::run(const QStringList &arguments) {
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        m_printer.printOut(usageText());
        Q_EMIT runFinished(kExitSuccess);
        return;
    }
    if (arguments.contains(QStringLiteral("--version"))) {
        m_printer.printOut(QStringLiteral("triptych-cli %1\n").arg(QLatin1String(triptych::kVersion)));
        Q_EMIT runFinished(kExitSuccess);
        return;
    }
    if (const QString error = parseCommandLine(arguments, &m_options); !error.isEmpty()) {
        m_printer.printError(error + QLatin1Char('\n') + usageText());
        Q_EMIT runFinished(kExitUsage);
        return;
    }
    if (m_options.maxBodyMb > 0)
        client::setMaxResponseBytes(m_options.maxBodyMb * 1024 * 1024);
    start();
}

void CliRunner::start() {
    if (m_options.command == QLatin1String("rest"))
        runRest();
    else if (m_options.command == QLatin1String("graphql"))
        runGraphQL();
    else if (m_options.command == QLatin1String("grpc"))
        runGrpc();
    else if (m_options.command == QLatin1String("list") || m_options.command == QLatin1String("send"))
        runWorkspace();
    else if (m_options.command == QLatin1String("import"))
        Q_EMIT runFinished(runImport(m_options, m_printer));
    else if (m_options.command == QLatin1String("export"))
        Q_EMIT runFinished(runExport(m_options, m_printer));
    else if (m_options.command == QLatin1String("run"))
        runChecks();
    else if (m_options.command == QLatin1String("locust"))
        runLocustExport();
    else if (m_options.command == QLatin1String("lesson"))
        runLesson();
    else
        runCompare();
}

void CliRunner::fail(const QString &text, int exitCode) {
    m_printer.printError(text);
    Q_EMIT runFinished(exitCode);
}

void CliRunner::onStreamMessage(const StreamMessage &message) {
    m_streamed = true;
    m_printer.printStreamMessage(message);
}

void CliRunner::report(const CallRecord &record) {
    m_printer.printRecord(record, m_options.json, m_options.verbose, m_streamed);
    Q_EMIT runFinished(record.ok() ? kExitSuccess : kExitCallFailed);
}

void CliRunner::runRest() {
    if (m_options.positional.size() != 2)
        return fail(QStringLiteral("rest needs METHOD URL, e.g. rest GET http://127.0.0.1:8080/v1/users/42"),
                    kExitUsage);
    RestRequest request = baseRequest(m_options);
    request.method = m_options.positional.at(0).toUpper().toLatin1();
    request.url = m_options.positional.at(1);
    if (!m_options.data.isEmpty()) {
        const QByteArray body = m_options.data.first();
        if (body.startsWith('@')) {
            request.bodyKind = BodyKind::File;
            request.filePath = QString::fromUtf8(body.mid(1));
        } else {
            const bool isJson = !QJsonDocument::fromJson(body).isNull();
            request.bodyKind = isJson ? BodyKind::Json : BodyKind::Raw;
            request.body = body;
        }
    }
    auto *caller = new RestCaller(this);
    if (!m_options.json)
        connect(caller, &RestCaller::messageReceived, this,
                [this](quint64, const StreamMessage &m) { onStreamMessage(m); });
    connect(caller, &RestCaller::callFinished, this, &CliRunner::report);
    connect(caller, &RestCaller::callFailed, this, &CliRunner::report);
    caller->send(request);
}

void CliRunner::runGraphQL() {
    if (m_options.positional.value(0) == QLatin1String("lint"))
        return runLint();
    if (m_options.positional.size() != 1 || m_options.query.isEmpty())
        return fail(QStringLiteral("graphql needs URL -q QUERY, e.g. graphql http://127.0.0.1:8080/graphql "
                                   "-q '{ user(id: 42) { name } }'"),
                    kExitUsage);
    if (m_options.subscribe)
        return runSubscription();
    GraphQLRequest request;
    request.url = m_options.positional.first();
    request.query = m_options.query;
    request.variables = m_options.variables;
    request.operationName = m_options.operationName;
    request.useGet = m_options.get;
    request.persistedQuery = m_options.apq;
    request.http = baseRequest(m_options);
    auto *caller = new GraphQLCaller(this);
    connect(caller, &GraphQLCaller::callFinished, this, &CliRunner::report);
    connect(caller, &GraphQLCaller::callFailed, this, &CliRunner::report);
    caller->send(request);
}

void CliRunner::runLint() {
    if (m_options.schema.isEmpty() || m_options.positional.size() < 2)
        return fail(QStringLiteral("graphql lint needs --schema URL|FILE.graphql|FILE.json and DOCUMENT.graphql…"),
                    kExitUsage);
    GraphQLRequest request;
    request.http = baseRequest(m_options);
    auto *lint = new CliLint(m_printer, this);
    connect(lint, &CliLint::lintFinished, this, &CliRunner::runFinished);
    lint->run(m_options.schema, m_options.positional.mid(1), request);
}

void CliRunner::runSubscription() {
    GraphQLWsRequest request;
    request.url = m_options.positional.first();
    if (webSocketUrl(request.url).isEmpty())
        return fail(QStringLiteral("Cannot subscribe at %1: write the URL as http(s)://host:port/graphql or "
                                   "ws(s)://host:port/graphql")
                        .arg(request.url),
                    kExitUsage);
    request.query = m_options.query;
    request.variables = m_options.variables;
    request.operationName = m_options.operationName;
    request.protocol = m_options.legacyWs ? WsProtocol::LegacySubscriptions : WsProtocol::TransportWs;
    request.headers = parseHeaders(m_options.headers);
    request.connectTimeoutMs = m_options.timeoutMs;
    // The Authorization header also goes into connection_init, where GraphQL WebSocket servers look for it.
    request.initPayload = m_options.initPayload;
    for (const auto &[name, value] : request.headers) {
        if (request.initPayload.isEmpty() && name.compare("Authorization", Qt::CaseInsensitive) == 0)
            request.initPayload =
                QJsonDocument(QJsonObject{{QStringLiteral("authorization"), QString::fromUtf8(value)}})
                    .toJson(QJsonDocument::Compact);
    }
    if (!request.initPayload.isEmpty() && !QJsonDocument::fromJson(request.initPayload).isObject())
        return fail(QStringLiteral("--init needs a JSON object, e.g. '{\"authorization\":\"Bearer demo-token\"}'"),
                    kExitUsage);
    auto *caller = new GraphQLWsCaller(this);
    if (!m_options.json)
        connect(caller, &GraphQLWsCaller::messageReceived, this, [this](quint64, const StreamMessage &message) {
            m_streamed = true;
            m_printer.printWebSocketMessage(message);
        });
    connect(caller, &GraphQLWsCaller::callFinished, this, &CliRunner::report);
    connect(caller, &GraphQLWsCaller::callFailed, this, &CliRunner::report);
    const quint64 id = caller->send(request);
    auto *interrupt = new InterruptNotifier(this);
    connect(interrupt, &InterruptNotifier::interrupted, caller, [caller, id] { caller->cancel(id); });
}

void CliRunner::withSchema(const QString &target, std::function<void(GrpcSchemaPtr)> next) {
    if (!m_options.protoFiles.isEmpty()) {
        QString error;
        auto schema = GrpcSchema::fromProtoFiles(m_options.protoFiles, m_options.importPaths, &error);
        if (!schema)
            return fail(error, kExitUsage);
        next(schema);
        return;
    }
    auto *reflection = new GrpcReflection(this);
    connect(reflection, &GrpcReflection::schemaLoaded, this,
            [next](const GrpcSchemaPtr &schema, const QString &) { next(schema); });
    connect(reflection, &GrpcReflection::loadFailed, this, [this](const CallError &error) { fail(error.text()); });
    ReflectionRequest request;
    request.target = target;
    request.tls.enabled = m_options.tls;
    request.tls.caFile = m_options.caFile;
    request.metadata = parseHeaders(m_options.headers);
    request.deadlineMs = m_options.timeoutMs;
    reflection->load(request);
}

void CliRunner::runGrpc() {
    if (m_options.positional.size() < 2)
        return fail(QStringLiteral("grpc needs HOST:PORT and list, describe SYMBOL or a METHOD"), kExitUsage);
    const QString target = m_options.positional.at(0);
    const QString verb = m_options.positional.at(1);
    withSchema(target, [this, verb](const GrpcSchemaPtr &schema) {
        if (verb == QLatin1String("list"))
            return grpcList(schema);
        if (verb == QLatin1String("describe")) {
            const QString symbol = m_options.positional.value(2);
            const QString text = schema->describe(symbol);
            if (text.isEmpty())
                return fail(QStringLiteral("No service, method, message or enum named '%1'").arg(symbol));
            m_printer.printOut(text);
            if (const auto *method = schema->findMethod(symbol))
                m_printer.printOut(QStringLiteral("input template: ") +
                                   QString::fromUtf8(schema->jsonTemplate(method->input_type())) + QLatin1Char('\n'));
            Q_EMIT runFinished(kExitSuccess);
            return;
        }
        grpcCall(schema, verb);
    });
}

void CliRunner::grpcList(const GrpcSchemaPtr &schema) {
    QString text;
    for (const auto &service : schema->services()) {
        text += service + QLatin1Char('\n');
        for (const auto &method : schema->methods(service))
            text += QStringLiteral("  ") + service + QLatin1Char('/') + method + QLatin1Char('\n');
    }
    m_printer.printOut(text);
    Q_EMIT runFinished(kExitSuccess);
}

void CliRunner::grpcCall(const GrpcSchemaPtr &schema, const QString &method) {
    const auto *descriptor = schema->findMethod(method);
    if (!descriptor)
        return fail(
            QStringLiteral("Unknown method %1 — list them with `grpc %2 list`").arg(method, m_options.positional.at(0)),
            kExitUsage);
    if (m_options.showTemplate) {
        m_printer.printOut(QString::fromUtf8(schema->jsonTemplate(descriptor->input_type())) + QLatin1Char('\n'));
        Q_EMIT runFinished(kExitSuccess);
        return;
    }
    GrpcRequest request;
    request.target = m_options.positional.at(0);
    request.method = method;
    request.metadata = parseHeaders(m_options.headers);
    request.deadlineMs = m_options.timeoutMs;
    request.tls.enabled = m_options.tls;
    request.tls.caFile = m_options.caFile;
    request.gzip = m_options.gzip;
    request.sendTraceparent = !m_options.noTrace;
    request.traceBaseUrl = m_options.noTrace ? QString() : m_options.traceUrl;
    // A client stream may also take its messages as one JSON array.
    for (const auto &data : m_options.data) {
        const auto document = QJsonDocument::fromJson(data);
        if (descriptor->client_streaming() && document.isArray()) {
            for (const auto &item : document.array())
                request.messages.append(QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact));
        } else {
            request.messages.append(data);
        }
    }
    if (request.messages.isEmpty() && !descriptor->client_streaming())
        request.messages.append("{}");
    auto *caller = new GrpcCaller(this);
    if (!m_options.json)
        connect(caller, &GrpcCaller::messageReceived, this,
                [this](quint64, const StreamMessage &m) { onStreamMessage(m); });
    connect(caller, &GrpcCaller::callFinished, this, &CliRunner::report);
    connect(caller, &GrpcCaller::callFailed, this, &CliRunner::report);
    caller->call(schema, request);
}

void CliRunner::runChecks() {
    auto *command = new CliRun(m_options, m_printer, this);
    connect(command, &CliRun::commandFinished, this, &CliRunner::runFinished);
    command->start();
}

void CliRunner::runLocustExport() {
    auto *command = new CliRunLocust(m_options, m_printer, this);
    connect(command, &CliRunLocust::commandFinished, this, &CliRunner::runFinished);
    command->start();
}

void CliRunner::runWorkspace() {
    auto *command = new CliWorkspace(m_options, m_printer, this);
    connect(command, &CliWorkspace::commandFinished, this, &CliRunner::runFinished);
    if (m_options.command == QLatin1String("list"))
        command->list();
    else
        command->send();
}

void CliRunner::runCompare() {
    // CliCompare prints through the free printOut/printError: route them to this runner's printer meanwhile.
    setCurrentPrinter(&m_printer);
    auto *compare = new CliCompare(m_options, this);
    connect(compare, &CliCompare::compareFinished, this, [] { setCurrentPrinter(nullptr); });
    connect(compare, &CliCompare::compareFinished, this, &CliRunner::runFinished);
    compare->start();
}

void CliRunner::runLesson() {
    setCurrentPrinter(&m_printer);
    auto *lesson = new CliLesson(m_options, this);
    connect(lesson, &CliLesson::lessonFinished, this, [] { setCurrentPrinter(nullptr); });
    connect(lesson, &CliLesson::lessonFinished, this, &CliRunner::runFinished);
    lesson->start();
}

} // namespace triptych::cli
