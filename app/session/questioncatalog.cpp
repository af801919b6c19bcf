#include "app/session/questioncatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <functional>

// Outside any namespace: the name Q_INIT_RESOURCE declares must be global.
static void initTriptychResources() {
    Q_INIT_RESOURCE(triptych);
}

namespace triptych::session {

namespace {

constexpr auto kBuiltInPath = ":/triptych/questions.json";
constexpr int kLastGrpcCode = 16;     // UNAUTHENTICATED
constexpr int kMaxDbLatencyMs = 1000; // a database a second away is a broken one, not a slow one

// Reads one JSON object with a name for messages ("question 3 (\"live\"): grpc"); the first problem sticks.
class ObjectReader {
public:
    ObjectReader(const QJsonObject &object, QString where, QString *error)
        : m_object(object)
        , m_where(std::move(where))
        , m_error(error) {}

    bool allowOnly(std::initializer_list<const char *> keys) {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (std::none_of(keys.begin(), keys.end(), [&](const char *key) { return it.key() == QLatin1String(key); }))
                return fail(it.key(), QStringLiteral("is not a known key"));
        }
        return true;
    }

    bool has(const char *key) const { return m_object.contains(QLatin1String(key)); }

    bool string(const char *key, QString *out, bool required) {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return !required || fail(key, QStringLiteral("is missing"));
        if (!value.isString() || value.toString().trimmed().isEmpty())
            return fail(key, QStringLiteral("must be a non-empty string"));
        *out = value.toString();
        return true;
    }

    bool boolean(const char *key, bool *out) {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return true;
        if (!value.isBool())
            return fail(key, QStringLiteral("must be true or false"));
        *out = value.toBool();
        return true;
    }

    bool integer(const char *key, int *out, int min, int max) {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return true;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != double(int(number)) || number < min || number > max)
            return fail(key, QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        *out = int(number);
        return true;
    }

    // A JSON object kept as indented text, as the panes' editors show it.
    bool objectText(const char *key, QByteArray *out, bool required) {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return !required || fail(key, QStringLiteral("is missing"));
        if (!value.isObject())
            return fail(key, QStringLiteral("must be a JSON object"));
        *out = QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented).trimmed();
        return true;
    }

    // {"Name": "value", …}: request headers, in name order (a JSON object keeps no other).
    bool headers(const char *key, Question::Headers *out) {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return true;
        if (!value.isObject())
            return fail(key, QStringLiteral("must be a JSON object of header names and string values"));
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!it.value().isString() || it.key().trimmed().isEmpty() || it.key().contains(QLatin1Char(':')))
                return fail(key,
                            QStringLiteral("needs a name and a string value for each header (\"%1\")").arg(it.key()));
            out->append({it.key(), it.value().toString()});
        }
        return true;
    }

    // A list of JSON objects, each kept as indented text (a client stream's messages).
    bool objectList(const char *key, QList<QByteArray> *out) {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return true;
        const QJsonArray list = value.toArray();
        if (!value.isArray() || list.isEmpty() ||
            std::any_of(list.begin(), list.end(), [](const QJsonValue &item) { return !item.isObject(); }))
            return fail(key, QStringLiteral("must be a non-empty list of JSON objects"));
        for (const auto &item : list)
            out->append(QJsonDocument(item.toObject()).toJson(QJsonDocument::Indented).trimmed());
        return true;
    }

    bool nested(const char *key, const std::function<bool(ObjectReader &)> &read, bool *present) {
        const QJsonValue value = m_object.value(QLatin1String(key));
        *present = !value.isUndefined();
        if (!*present)
            return true;
        if (!value.isObject())
            return fail(key, QStringLiteral("must be a JSON object"));
        ObjectReader reader(value.toObject(), m_where + QStringLiteral(": ") + QLatin1String(key), m_error);
        return read(reader);
    }

    bool fail(const QString &key, const QString &problem) {
        *m_error = QStringLiteral("%1: \"%2\" %3").arg(m_where, key, problem);
        return false;
    }
    bool fail(const char *key, const QString &problem) { return fail(QString::fromLatin1(key), problem); }
    bool failHere(const QString &problem) {
        *m_error = QStringLiteral("%1: %2").arg(m_where, problem);
        return false;
    }

private:
    QJsonObject m_object;
    QString m_where;
    QString *m_error;
};

bool readRest(ObjectReader &in, Question::Rest &rest) {
    return in.allowOnly({"label", "method", "path", "body", "auth", "ordersOfEachUser", "headers", "status"}) &&
           in.string("label", &rest.label, false) && in.string("method", &rest.method, true) &&
           in.string("path", &rest.path, true) &&
           (rest.path.startsWith(QLatin1Char('/')) || in.fail("path", QStringLiteral("must start with /"))) &&
           in.objectText("body", &rest.body, false) && in.boolean("auth", &rest.auth) &&
           in.boolean("ordersOfEachUser", &rest.ordersOfEachUser) && in.headers("headers", &rest.headers) &&
           in.integer("status", &rest.status, 100, 599);
}

bool readGraphQL(ObjectReader &in, Question::GraphQL &graphql) {
    return in.allowOnly({"label", "query", "variables", "operationName", "auth", "get", "persisted", "headers",
                         "status", "errors"}) &&
           in.string("label", &graphql.label, false) && in.string("query", &graphql.query, true) &&
           in.objectText("variables", &graphql.variables, false) &&
           in.string("operationName", &graphql.operationName, false) && in.boolean("auth", &graphql.auth) &&
           in.boolean("get", &graphql.get) && in.boolean("persisted", &graphql.persisted) &&
           in.headers("headers", &graphql.headers) && in.integer("status", &graphql.status, 100, 599) &&
           in.boolean("errors", &graphql.errors);
}

bool readLiveEvents(ObjectReader &in, Question::LiveEvents &events) {
    return in.allowOnly({"userId", "everyMs"}) && in.integer("userId", &events.userId, 1, 1'000'000) &&
           (events.userId > 0 || in.fail("userId", QStringLiteral("is missing"))) &&
           in.integer("everyMs", &events.everyMs, 100, 60'000);
}

bool isGrpcCodeName(const QString &name) {
    for (int code = 0; code <= kLastGrpcCode; ++code) {
        if (client::grpcCodeName(code) == name)
            return true;
    }
    return false;
}

// "grpc", "grpc-web" or "grpc-web-text"; gRPC-Web cannot stream from the client.
bool readTransport(ObjectReader &in, Question::Grpc &grpc) {
    QString name;
    if (!in.string("transport", &name, false))
        return false;
    if (name.isEmpty())
        return true; // not given
    client::GrpcTransport transport = client::GrpcTransport::Grpc;
    if (!client::grpcTransportFromString(name, &transport))
        return in.fail("transport", QStringLiteral("must be \"grpc\", \"grpc-web\" or \"grpc-web-text\""));
    if (transport != client::GrpcTransport::Grpc && !grpc.requests.isEmpty())
        return in.fail("transport", QStringLiteral("gRPC-Web cannot carry a client stream's \"requests\""));
    grpc.transport = transport;
    return true;
}

bool readGrpc(ObjectReader &in, Question::Grpc &grpc) {
    const bool ok =
        in.allowOnly({"label", "method", "request", "requests", "auth", "repeatUpToUser", "status", "transport"}) &&
        in.string("label", &grpc.label, false) && in.string("method", &grpc.method, true) &&
        (grpc.method.count(QLatin1Char('/')) == 1 ||
         in.fail("method", QStringLiteral("must be written package.Service/Method"))) &&
        (in.has("request") != in.has("requests") ||
         in.failHere(QStringLiteral("needs exactly one of \"request\" and \"requests\" (a client stream's list)"))) &&
        in.objectText("request", &grpc.request, false) && in.objectList("requests", &grpc.requests) &&
        in.boolean("auth", &grpc.auth) && in.integer("repeatUpToUser", &grpc.repeatUpToUser, 0, 1000) &&
        in.string("status", &grpc.status, false) &&
        (isGrpcCodeName(grpc.status) ||
         in.fail("status", QStringLiteral("must be a gRPC code name such as \"OK\" or \"NOT_FOUND\""))) &&
        readTransport(in, grpc);
    if (ok && !grpc.requests.isEmpty())
        grpc.request = grpc.requests.first(); // what a pane or a label shows of it
    return ok;
}

// The rules that tie a question's parts together: what the picker, the benchmark and the N+1 follow-ups need.
bool checkUses(ObjectReader &in, const Question &question) {
    const bool allStyles = question.rest && question.graphql && question.grpc;
    if (!question.rest && !question.graphql && !question.grpc)
        return in.failHere(QStringLiteral("needs at least one of \"rest\", \"graphql\", \"grpc\""));
    if ((question.askAll || question.benchmark) && !allStyles)
        return in.failHere(QStringLiteral("askAll and benchmark questions need \"rest\", \"graphql\" and \"grpc\""));
    if (question.askAll && question.notice.isEmpty())
        return in.fail("notice", QStringLiteral("is needed by an askAll question"));
    if (question.benchmark && (question.streaming || question.hasFollowUps()))
        return in.failHere(QStringLiteral("a benchmark question is one call per style: no streaming, no follow-ups"));
    if (question.liveEvents && !question.streaming)
        return in.fail("liveEvents", QStringLiteral("needs a streaming question"));
    return true;
}

bool readQuestion(ObjectReader &in, Question &question) {
    bool present = false;
    bool ok = in.allowOnly({"id", "title", "notice", "askAll", "panePreset", "benchmark", "streaming", "dataLoader",
                            "dbLatencyMs", "liveEvents", "rest", "graphql", "grpc"}) &&
              in.string("id", &question.id, true) && in.string("title", &question.title, true) &&
              in.string("notice", &question.notice, false) && in.boolean("askAll", &question.askAll) &&
              in.boolean("panePreset", &question.panePreset) && in.boolean("benchmark", &question.benchmark) &&
              in.boolean("streaming", &question.streaming);
    bool dataLoader = false;
    ok = ok && in.boolean("dataLoader", &dataLoader);
    if (ok && in.has("dataLoader"))
        question.dataLoader = dataLoader;
    int dbLatencyMs = 0;
    ok = ok && in.integer("dbLatencyMs", &dbLatencyMs, 0, kMaxDbLatencyMs);
    if (ok && in.has("dbLatencyMs"))
        question.dbLatencyMs = dbLatencyMs;
    Question::LiveEvents liveEvents;
    ok = ok && in.nested(
                   "liveEvents", [&](ObjectReader &part) { return readLiveEvents(part, liveEvents); }, &present);
    if (ok && present)
        question.liveEvents = liveEvents;
    Question::Rest rest;
    Question::GraphQL graphql;
    Question::Grpc grpc;
    ok = ok && in.nested(
                   "rest", [&](ObjectReader &part) { return readRest(part, rest); }, &present);
    if (ok && present)
        question.rest = rest;
    ok = ok && in.nested(
                   "graphql", [&](ObjectReader &part) { return readGraphQL(part, graphql); }, &present);
    if (ok && present)
        question.graphql = graphql;
    ok = ok && in.nested(
                   "grpc", [&](ObjectReader &part) { return readGrpc(part, grpc); }, &present);
    if (ok && present)
        question.grpc = grpc;
    if (!ok)
        return false;
    for (auto *label :
         {question.rest ? &question.rest->label : nullptr, question.graphql ? &question.graphql->label : nullptr,
          question.grpc ? &question.grpc->label : nullptr}) {
        if (label && label->isEmpty())
            *label = question.title;
    }
    return checkUses(in, question);
}

QString positionOf(const QByteArray &json, int offset) {
    const QByteArray before = json.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(offset - before.lastIndexOf('\n'));
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

} // namespace

std::optional<QuestionCatalog> QuestionCatalog::fromJson(const QByteArray &json, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: %2").arg(positionOf(json, parseError.offset), parseError.errorString());
        return std::nullopt;
    }
    const QJsonValue list = document.object().value(QLatin1String("questions"));
    if (!document.isObject() || !list.isArray() || list.toArray().isEmpty()) {
        *error = QStringLiteral("the document must be an object with a non-empty \"questions\" array");
        return std::nullopt;
    }
    ObjectReader top(document.object(), QStringLiteral("the document"), error);
    if (!top.allowOnly({"about", "questions"}))
        return std::nullopt;
    QuestionCatalog catalog;
    QSet<QString> ids;
    const QJsonArray questions = list.toArray();
    for (int i = 0; i < questions.size(); ++i) {
        const QJsonObject object = questions.at(i).toObject();
        const QString id = object.value(QLatin1String("id")).toString();
        const QString where = id.isEmpty() ? QStringLiteral("question %1").arg(i + 1)
                                           : QStringLiteral("question %1 (\"%2\")").arg(i + 1).arg(id);
        ObjectReader reader(object, where, error);
        Question question;
        if (!questions.at(i).isObject()) {
            reader.failHere(QStringLiteral("must be a JSON object"));
            return std::nullopt;
        }
        if (!readQuestion(reader, question))
            return std::nullopt;
        if (ids.contains(question.id)) {
            reader.fail("id", QStringLiteral("is used by an earlier question too"));
            return std::nullopt;
        }
        ids.insert(question.id);
        catalog.m_questions.append(question);
    }
    return catalog;
}

std::optional<QuestionCatalog> QuestionCatalog::fromFile(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    auto catalog = fromJson(file.readAll(), error);
    if (!catalog)
        *error = path + QStringLiteral(": ") + *error;
    return catalog;
}

std::optional<Question> QuestionCatalog::questionFromJson(const QJsonObject &object, const QString &where,
                                                          QString *error) {
    ObjectReader reader(object, where, error);
    Question question;
    if (!readQuestion(reader, question))
        return std::nullopt;
    return question;
}

const Question *QuestionCatalog::find(const QString &id) const {
    const auto it = std::find_if(m_questions.cbegin(), m_questions.cend(),
                                 [&id](const Question &question) { return question.id == id; });
    return it == m_questions.cend() ? nullptr : &*it;
}

const QuestionCatalog &QuestionCatalog::builtIn() {
    static const QuestionCatalog catalog = [] {
        initTriptychResources();
        QString error;
        auto loaded = fromFile(QString::fromLatin1(kBuiltInPath), &error);
        if (!loaded)
            qFatal("The question table resources/questions.json is malformed: %s", qPrintable(error));
        return *loaded;
    }();
    return catalog;
}

QList<Question> QuestionCatalog::askAll() const {
    QList<Question> picked;
    std::copy_if(m_questions.cbegin(), m_questions.cend(), std::back_inserter(picked),
                 [](const Question &question) { return question.askAll; });
    return picked;
}

QList<Question> QuestionCatalog::benchmarks() const {
    QList<Question> picked;
    std::copy_if(m_questions.cbegin(), m_questions.cend(), std::back_inserter(picked),
                 [](const Question &question) { return question.benchmark; });
    return picked;
}

QList<Question> QuestionCatalog::presets(client::CallKind style) const {
    QList<Question> picked;
    std::copy_if(m_questions.cbegin(), m_questions.cend(), std::back_inserter(picked), [style](const Question &q) {
        const bool has = style == client::CallKind::Rest   ? q.rest.has_value()
                         : style == client::CallKind::Grpc ? q.grpc.has_value()
                                                           : q.graphql.has_value();
        return q.panePreset && has;
    });
    return picked;
}

} // namespace triptych::session
