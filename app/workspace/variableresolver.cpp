#include "app/workspace/variableresolver.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <functional>

namespace triptych::workspace {

namespace {

constexpr int kMaxDepth = 16; // variables inside variables, deeper than any sane chain
constexpr int kRandomIntMax = 1000;

const QRegularExpression &variablePattern() {
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*(\\$?[A-Za-z_][A-Za-z0-9_.-]*)\\s*\\}\\}"));
    return pattern;
}

std::optional<QString> dynamicValue(QStringView name) {
    if (name == u"$uuid")
        return QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (name == u"$timestamp")
        return QString::number(QDateTime::currentSecsSinceEpoch());
    if (name == u"$isoTimestamp")
        return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (name == u"$randomInt")
        return QString::number(QRandomGenerator::global()->bounded(kRandomIntMax + 1));
    return std::nullopt;
}

void addOnce(QStringList &list, const QString &entry) {
    if (!list.contains(entry))
        list.append(entry);
}

using ApplyText = std::function<void(QString &)>;

void applyEntries(QList<KeyValue> &entries, const ApplyText &apply) {
    for (KeyValue &entry : entries) {
        if (entry.enabled) {
            apply(entry.name);
            apply(entry.value);
        }
    }
}

// The active auth kind's fields and the TLS file names: what REST and GraphQL over HTTP send alike.
void applyAuthAndTls(HttpPart &http, const ApplyText &apply) {
    RequestAuth &auth = http.auth;
    const auto fields = [&auth]() -> QList<QString *> {
        switch (auth.kind) {
        case AuthKind::Basic:
            return {&auth.user, &auth.password};
        case AuthKind::Bearer:
            return {&auth.token};
        case AuthKind::ApiKey:
            return {&auth.apiKeyName, &auth.apiKeyValue};
        case AuthKind::None:
            break;
        }
        return {};
    }();
    for (QString *field : fields)
        apply(*field);
    HttpTls &tls = http.options.tls;
    for (QString *path : {&tls.caFile, &tls.clientCertificate, &tls.clientKey, &tls.serverName})
        apply(*path);
}

void applyBody(RequestBody &body, const ApplyText &apply) {
    switch (body.kind) {
    case BodyKind::Json:
    case BodyKind::Raw:
        apply(body.text);
        apply(body.contentType);
        break;
    case BodyKind::Form:
        applyEntries(body.form, apply);
        break;
    case BodyKind::Multipart:
        for (MultipartPart &part : body.multipart) {
            if (part.enabled) {
                for (QString *text : {&part.name, &part.value, &part.filePath, &part.contentType})
                    apply(*text);
            }
        }
        break;
    case BodyKind::File:
        apply(body.filePath);
        break;
    case BodyKind::None:
        break;
    }
}

void applyGrpc(GrpcPart &grpc, const ApplyText &apply) {
    for (QString *text : {&grpc.target, &grpc.method, &grpc.message, &grpc.descriptorSetFile, &grpc.tls.caFile,
                          &grpc.tls.clientCertificate, &grpc.tls.clientKey, &grpc.tls.authority})
        apply(*text);
    for (QString &file : grpc.protoFiles)
        apply(file);
    for (QString &path : grpc.importPaths)
        apply(path);
    applyEntries(grpc.metadata, apply);
}

// Calls `apply` on every text field of the document's style that a send uses.
void forEachSentText(RequestDocument &document, const ApplyText &apply) {
    HttpPart &http = document.http;
    switch (document.style) {
    case RequestStyle::Rest:
        apply(http.method);
        apply(http.url);
        applyEntries(http.params, apply);
        applyEntries(http.headers, apply);
        applyAuthAndTls(http, apply);
        applyBody(http.body, apply);
        break;
    case RequestStyle::GraphQL:
        apply(http.url);
        applyEntries(http.headers, apply);
        applyAuthAndTls(http, apply);
        apply(document.graphql.document);
        apply(document.graphql.variables);
        apply(document.graphql.operationName);
        break;
    case RequestStyle::Grpc:
        applyGrpc(document.grpc, apply);
        break;
    }
}

} // namespace

QList<VariableSpan> variableSpans(QStringView text) {
    QList<VariableSpan> spans;
    auto it = variablePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        spans.append({match.capturedStart(0), match.capturedLength(0), name, name.startsWith(u'$')});
    }
    return spans;
}

QString ResolveResult::errorText() const {
    QStringList parts;
    const auto braced = [](const QStringList &names) {
        QStringList out;
        for (const QString &name : names)
            out.append(QStringLiteral("{{%1}}").arg(name));
        return out.join(QStringLiteral(", "));
    };
    const QString where = environment.isEmpty() ? QStringLiteral("(no environment is selected)")
                                                : QStringLiteral("in environment “%1”").arg(environment);
    if (!undefined.isEmpty())
        parts.append(QStringLiteral("Undefined variable%1 %2 %3")
                         .arg(undefined.size() > 1 ? QStringLiteral("s") : QString(), braced(undefined), where));
    if (!missingSecrets.isEmpty())
        parts.append(
            QStringLiteral("No value on this machine for the secret%1 %2 %3; enter it in the environment")
                .arg(missingSecrets.size() > 1 ? QStringLiteral("s") : QString(), braced(missingSecrets), where));
    for (const QString &cycle : cycles)
        parts.append(QStringLiteral("Variables refer to each other in a circle: %1").arg(cycle));
    return parts.join(QStringLiteral(". "));
}

QList<Variable> embeddedserver::variables(const QString &host, int httpPort, int grpcPort, const QString &token,
                                          const QString &apiKey, bool tls) {
    const QString http = QStringLiteral("%1:%2").arg(host).arg(httpPort);
    return {{QStringLiteral("baseUrl"), (tls ? QStringLiteral("https://") : QStringLiteral("http://")) + http, false},
            {QStringLiteral("wsUrl"), (tls ? QStringLiteral("wss://") : QStringLiteral("ws://")) + http, false},
            {QStringLiteral("grpcTarget"), QStringLiteral("%1:%2").arg(host).arg(grpcPort), false},
            {QStringLiteral("token"), token, false},
            {QStringLiteral("apiKey"), apiKey, false}};
}

struct VariableResolver::Context {
    QStringList undefined;
    QStringList missingSecrets;
    QStringList cycles;
    QStringList chain;
};

void VariableResolver::setWorkspaceVariables(const QList<Variable> &variables) {
    m_workspace.clear();
    for (const Variable &variable : variables)
        m_workspace.insert(variable.name, {variable.value, VariableScope::Workspace, variable.secret});
}

void VariableResolver::setEnvironment(const Environment &environment) {
    m_environment.clear();
    m_environmentName = environment.name;
    for (const Variable &variable : environment.variables)
        m_environment.insert(variable.name, {variable.value, VariableScope::Environment, variable.secret});
}

void VariableResolver::clearEnvironment() {
    m_environment.clear();
    m_environmentName.clear();
}

void VariableResolver::setRuntimeValues(const QHash<QString, QString> &values) {
    m_runtime.clear();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        setRuntimeValue(it.key(), it.value());
}

void VariableResolver::setRuntimeValue(const QString &name, const QString &value) {
    m_runtime.insert(name, {value, VariableScope::Runtime, false});
}

const VariableResolver::Entry *VariableResolver::find(QStringView name) const {
    for (const QHash<QString, Entry> *scope : {&m_runtime, &m_environment, &m_workspace}) {
        const auto it = scope->constFind(name.toString());
        if (it != scope->cend())
            return &it.value();
    }
    return nullptr;
}

std::optional<QString> VariableResolver::value(const QString &name, Context &context) const {
    if (name.startsWith(u'$')) {
        if (const auto dynamic = dynamicValue(name))
            return *dynamic;
        addOnce(context.undefined, name);
        return std::nullopt;
    }
    const Entry *entry = find(name);
    if (!entry) {
        addOnce(context.undefined, name);
        return std::nullopt;
    }
    if (entry->secret && entry->value.isEmpty()) {
        addOnce(context.missingSecrets, name);
        return std::nullopt;
    }
    if (context.chain.contains(name) || context.chain.size() >= kMaxDepth) {
        addOnce(context.cycles, (context.chain + QStringList{name}).join(QStringLiteral(" → ")));
        return entry->value;
    }
    context.chain.append(name);
    const QString expanded = expand(entry->value, context);
    context.chain.removeLast();
    return expanded;
}

QString VariableResolver::expand(QStringView text, Context &context) const {
    if (!text.contains(u"{{"))
        return text.toString();
    QString out;
    qsizetype done = 0;
    for (const VariableSpan &span : variableSpans(text)) {
        out += text.mid(done, span.start - done);
        const auto replacement = value(span.name, context);
        out += replacement ? *replacement : text.mid(span.start, span.length).toString();
        done = span.start + span.length;
    }
    out += text.mid(done);
    return out;
}

std::optional<ResolvedVariable> VariableResolver::lookup(QStringView name) const {
    if (name.startsWith(u'$')) {
        const auto dynamic = dynamicValue(name);
        return dynamic ? std::optional(ResolvedVariable{*dynamic, VariableScope::Dynamic, false}) : std::nullopt;
    }
    const Entry *entry = find(name);
    if (!entry)
        return std::nullopt;
    Context context;
    context.chain.append(name.toString());
    return ResolvedVariable{expand(entry->value, context), entry->scope, entry->secret};
}

QString VariableResolver::resolveText(QStringView text, QStringList *undefined) const {
    Context context;
    const QString out = expand(text, context);
    if (undefined) {
        for (const QString &name : context.undefined + context.missingSecrets)
            addOnce(*undefined, name);
    }
    return out;
}

ResolveResult VariableResolver::resolve(const RequestDocument &document) const {
    ResolveResult result;
    result.document = document;
    result.environment = m_environmentName;
    Context context;
    // Most fields name no variable: they stay as they are, shared with `document`, not copied.
    forEachSentText(result.document, [this, &context](QString &text) {
        if (text.contains(QLatin1String("{{")))
            text = expand(text, context);
    });
    result.undefined = context.undefined;
    result.missingSecrets = context.missingSecrets;
    result.cycles = context.cycles;
    return result;
}

QStringList VariableResolver::secretValues() const {
    QStringList values;
    for (const QHash<QString, Entry> *scope : {&m_runtime, &m_environment, &m_workspace}) {
        for (const Entry &entry : *scope) {
            if (entry.secret && !entry.value.isEmpty())
                addOnce(values, entry.value);
        }
    }
    std::sort(values.begin(), values.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return values;
}

QString VariableResolver::mask(const QString &text) const {
    return maskText(text, secretValues());
}

QString VariableResolver::maskText(const QString &text, const QStringList &secrets) {
    QString out = text;
    for (const QString &secret : secrets) {
        if (!secret.isEmpty())
            out.replace(secret, QStringLiteral("••••••"));
    }
    return out;
}

} // namespace triptych::workspace
