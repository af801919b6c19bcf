#include "app/session/lessonrecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

namespace triptych::session {

namespace {

constexpr int kTooManyRequests = 429;
constexpr int kResourceExhausted = 8;

const QStringList kStyles{QStringLiteral("rest"), QStringLiteral("graphql"), QStringLiteral("grpc")};
const QStringList kFigures{
    QStringLiteral("calls"),       QStringLiteral("time"),         QStringLiteral("received"),
    QStringLiteral("sent"),        QStringLiteral("sql"),          QStringLiteral("spans"),
    QStringLiteral("rpcspans"),    QStringLiteral("messages"),     QStringLiteral("status"),
    QStringLiteral("code"),        QStringLiteral("detail"),       QStringLiteral("etag"),
    QStringLiteral("cache"),       QStringLiteral("refused"),      QStringLiteral("encoding"),
    QStringLiteral("deprecated"),  QStringLiteral("streamed"),     QStringLiteral("exported"),
    QStringLiteral("collector"),   QStringLiteral("decoded"),      QStringLiteral("handshakes"),
    QStringLiteral("handshake"),   QStringLiteral("connect"),      QStringLiteral("certificates"),
    QStringLiteral("chain"),       QStringLiteral("protocol"),     QStringLiteral("transport"),
    QStringLiteral("alloworigin"), QStringLiteral("allowmethods"), QStringLiteral("allowheaders")};
// Figures shown as a duration or a size.
const QStringList kTimes{QStringLiteral("time"), QStringLiteral("handshake"), QStringLiteral("connect")};
const QStringList kSizes{QStringLiteral("received"), QStringLiteral("sent"), QStringLiteral("decoded")};
const QString kPrevious = QStringLiteral("previous.");

const QRegularExpression &placeholderPattern() {
    static const QRegularExpression pattern(QStringLiteral(R"(\{((?:previous\.)?[a-z]+\.[a-z]+)\})"));
    return pattern;
}

const QRegularExpression &clausePattern() {
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(\S+)\s*(==|!=|<=|>=|<|>)\s*(\S+)\s*$)"));
    return pattern;
}

QStringList clausesOf(const QString &claim) {
    static const QRegularExpression conjunction(QStringLiteral(R"(\s+and\s+)"));
    return claim.split(conjunction);
}

QString styleKey(client::CallKind kind) {
    switch (kind) {
    case client::CallKind::Rest:
        return QStringLiteral("rest");
    case client::CallKind::GraphQL:
    case client::CallKind::GraphQLWebSocket:
        return QStringLiteral("graphql");
    case client::CallKind::Grpc:
        return QStringLiteral("grpc");
    }
    return {};
}

bool hasAttribute(const client::TraceSpan &span, QLatin1String key) {
    return std::any_of(span.attributes.cbegin(), span.attributes.cend(),
                       [key](const auto &attribute) { return attribute.first == key; });
}

// The error code a person reads first: GraphQL's extensions.code, the problem's title, the gRPC code name.
QString errorCodeOf(const client::CallRecord &record) {
    if (record.grpcCode > 0)
        return client::grpcCodeName(record.grpcCode);
    const QJsonObject body = QJsonDocument::fromJson(record.body).object();
    if (record.header("content-type").contains("problem+json"))
        return body.value(QLatin1String("title")).toString().replace(QLatin1Char(' '), QLatin1Char('_'));
    const QJsonArray errors = body.value(QLatin1String("errors")).toArray();
    if (!errors.isEmpty()) {
        const QString code = errors.first()
                                 .toObject()
                                 .value(QLatin1String("extensions"))
                                 .toObject()
                                 .value(QLatin1String("code"))
                                 .toString();
        return code.isEmpty() ? QStringLiteral("ERROR") : code;
    }
    return QStringLiteral("none");
}

// What carries the error's details: the gRPC details' message type, or the HTTP answer's media type.
QString errorDetailOf(const client::CallRecord &record) {
    if (record.grpcCode >= 0) {
        const QJsonArray details =
            QJsonDocument::fromJson(record.grpcDetailsJson).object().value(QLatin1String("details")).toArray();
        const QString type =
            details.isEmpty() ? QString() : details.first().toObject().value(QLatin1String("@type")).toString();
        return type.isEmpty() ? QStringLiteral("none") : type.section(QLatin1Char('.'), -1);
    }
    const QString type = QString::fromLatin1(record.header("content-type")).section(QLatin1Char(';'), 0, 0);
    return type.isEmpty() ? QStringLiteral("none") : type.trimmed();
}

// Fields and enum values an introspection answer marks deprecated, anywhere in the JSON.
int deprecatedIn(const QJsonValue &value) {
    int count = 0;
    if (value.isArray()) {
        for (const auto &item : value.toArray())
            count += deprecatedIn(item);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        count += object.value(QLatin1String("isDeprecated")).toBool() ? 1 : 0;
        for (const auto &item : object)
            count += deprecatedIn(item);
    }
    return count;
}

// The server's certificates, leaf first: "localhost, signed by Triptych local CA".
QString chainOf(const client::TlsInfo &tls) {
    if (tls.chain.isEmpty())
        return QStringLiteral("none");
    QString text = tls.chain.first().subject;
    for (qsizetype i = 1; i < tls.chain.size(); ++i)
        text += QStringLiteral(", signed by ") + tls.chain.at(i).subject;
    if (tls.chain.last().issuer != tls.chain.last().subject)
        text += QStringLiteral(", signed by ") + tls.chain.last().issuer;
    return text;
}

// How the call went: gRPC natively or over gRPC-Web (binary or text), else the HTTP version.
QString transportOf(const client::CallRecord &record) {
    const QByteArray type = record.header("content-type");
    if (record.kind == client::CallKind::Grpc && type.startsWith("application/grpc-web"))
        return type.startsWith("application/grpc-web-text") ? QStringLiteral("grpc-web-text")
                                                            : QStringLiteral("grpc-web");
    if (record.kind == client::CallKind::Grpc)
        return QStringLiteral("grpc");
    return record.httpVersion.isEmpty() ? QStringLiteral("none") : record.httpVersion.toLower();
}

QString statusOf(const client::CallRecord &record) {
    if (record.grpcCode >= 0)
        return client::grpcCodeName(record.grpcCode);
    if (record.httpStatus > 0)
        return QString::number(record.httpStatus);
    return client::toString(record.error.kind);
}

QString formatTime(qint64 us) {
    const double ms = double(us) / 1000.0;
    if (ms < 10.0)
        return QStringLiteral("%1 ms").arg(ms, 0, 'f', 1);
    if (ms < 1000.0)
        return QStringLiteral("%1 ms").arg(qRound64(ms));
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 2);
}

QString formatSize(qint64 bytes) {
    if (bytes < 10'000)
        return QLocale(QLocale::English).toString(bytes) + QStringLiteral(" B");
    const double kb = double(bytes) / 1024.0;
    if (kb < 1024.0)
        return QStringLiteral("%1 KB").arg(kb, 0, 'f', kb < 100.0 ? 1 : 0);
    return QStringLiteral("%1 MB").arg(kb / 1024.0, 0, 'f', 1);
}

std::optional<double> numberOf(const QVariant &value) {
    bool ok = false;
    const double number = value.toString().toDouble(&ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

bool compare(const QVariant &left, const QString &op, const QVariant &right) {
    const auto a = numberOf(left);
    const auto b = numberOf(right);
    if (a && b) {
        return op == QLatin1String("==")   ? *a == *b
               : op == QLatin1String("!=") ? *a != *b
               : op == QLatin1String("<")  ? *a < *b
               : op == QLatin1String("<=") ? *a <= *b
               : op == QLatin1String(">")  ? *a > *b
                                           : *a >= *b;
    }
    // Words compare for equality only: "graphql.code == QUERY_TOO_DEEP".
    if (op == QLatin1String("=="))
        return left.toString().compare(right.toString(), Qt::CaseInsensitive) == 0;
    if (op == QLatin1String("!="))
        return left.toString().compare(right.toString(), Qt::CaseInsensitive) != 0;
    return false;
}

// The first call's words that do not add up: status, error, headers, TLS.
void firstCallFigures(const client::CallRecord &record, LessonRecord::Figures &figures) {
    figures.status = statusOf(record);
    figures.code = errorCodeOf(record);
    figures.errorDetail = errorDetailOf(record);
    const QList<QPair<QString *, QByteArray>> headers{{&figures.etag, "etag"},
                                                      {&figures.cache, "cache-control"},
                                                      {&figures.encoding, "content-encoding"},
                                                      {&figures.allowOrigin, "access-control-allow-origin"},
                                                      {&figures.allowMethods, "access-control-allow-methods"},
                                                      {&figures.allowHeaders, "access-control-allow-headers"}};
    for (const auto &[out, name] : headers) {
        *out = QString::fromLatin1(record.header(name));
        if (out->isEmpty())
            *out = QStringLiteral("none");
    }
    figures.certificates = int(record.tls.chain.size());
    figures.chain = chainOf(record.tls);
    // gRPC 1.51 does not tell the version: plain "TLS" then.
    figures.protocol = !record.tls.protocol.isEmpty() ? record.tls.protocol
                       : record.tls.secured           ? QStringLiteral("TLS")
                                                      : QStringLiteral("none");
    figures.transport = transportOf(record);
}

} // namespace

void LessonRecord::add(const client::CallRecord &record) {
    const QString style = styleKey(record.kind);
    const bool first = !m_figures.contains(style);
    Figures &figures = m_figures[style];
    ++figures.calls;
    figures.timeUs += record.timings.totalUs;
    figures.sent += record.sizes.requestBodyBytes;
    qint64 streamed = 0;
    for (const auto &message : record.messages) {
        if (!message.outgoing) {
            ++figures.messages;
            streamed += message.size;
        } else {
            ++figures.streamed;
        }
    }
    figures.received += qMax(record.sizes.responseBodyWireBytes, streamed);
    figures.decoded += qMax(record.sizes.responseBodyDecodedBytes, streamed);
    if (record.timings.tlsUs) {
        ++figures.handshakes;
        figures.handshakeUs += *record.timings.tlsUs;
    }
    figures.connectUs += record.timings.connectUs.value_or(0);
    figures.spans += record.serverSpanCount();
    if (record.body.contains("isDeprecated"))
        figures.deprecated += deprecatedIn(QJsonDocument::fromJson(record.body).object());
    figures.refused += record.httpStatus == kTooManyRequests || record.grpcCode == kResourceExhausted ? 1 : 0;
    for (const auto &span : record.spans) {
        figures.sql += span.fromServer && hasAttribute(span, QLatin1String("db.statement")) ? 1 : 0;
        figures.rpcSpans += span.fromServer && hasAttribute(span, QLatin1String("rpc.system")) ? 1 : 0;
    }
    if (first)
        firstCallFigures(record, figures);
}

void LessonRecord::setExport(const QString &style, int spans, const QString &collector) {
    if (!m_figures.contains(style))
        return; // no call of that style: nothing was exported
    m_figures[style].exported = spans;
    m_figures[style].collector = collector;
}

QString LessonRecord::styleOf(client::CallKind kind) {
    return styleKey(kind);
}

bool LessonRecord::isFigureName(const QString &fullName) {
    const QString name = fullName.startsWith(kPrevious) ? fullName.mid(kPrevious.size()) : fullName;
    return kStyles.contains(name.section(QLatin1Char('.'), 0, 0)) && name.count(QLatin1Char('.')) == 1 &&
           kFigures.contains(name.section(QLatin1Char('.'), 1));
}

bool LessonRecord::usesPrevious(const QString &text) {
    return text.contains(kPrevious);
}

QVariant LessonRecord::value(const QString &fullName) const {
    const bool previous = fullName.startsWith(kPrevious);
    const QString name = previous ? fullName.mid(kPrevious.size()) : fullName;
    const auto &figures = previous ? m_previous : m_figures;
    if (!isFigureName(name) || !figures.contains(name.section(QLatin1Char('.'), 0, 0)))
        return {};
    const Figures f = figures.value(name.section(QLatin1Char('.'), 0, 0));
    const QString figure = name.section(QLatin1Char('.'), 1);
    const QHash<QString, QVariant> values{{QStringLiteral("calls"), f.calls},
                                          {QStringLiteral("time"), f.timeUs},
                                          {QStringLiteral("received"), f.received},
                                          {QStringLiteral("sent"), f.sent},
                                          {QStringLiteral("sql"), f.sql},
                                          {QStringLiteral("spans"), f.spans},
                                          {QStringLiteral("rpcspans"), f.rpcSpans},
                                          {QStringLiteral("messages"), f.messages},
                                          {QStringLiteral("status"), f.status},
                                          {QStringLiteral("code"), f.code},
                                          {QStringLiteral("detail"), f.errorDetail},
                                          {QStringLiteral("etag"), f.etag},
                                          {QStringLiteral("cache"), f.cache},
                                          {QStringLiteral("encoding"), f.encoding},
                                          {QStringLiteral("refused"), f.refused},
                                          {QStringLiteral("deprecated"), f.deprecated},
                                          {QStringLiteral("streamed"), f.streamed},
                                          {QStringLiteral("exported"), f.exported},
                                          {QStringLiteral("collector"), f.collector},
                                          {QStringLiteral("decoded"), f.decoded},
                                          {QStringLiteral("handshakes"), f.handshakes},
                                          {QStringLiteral("handshake"), f.handshakeUs},
                                          {QStringLiteral("connect"), f.connectUs},
                                          {QStringLiteral("certificates"), f.certificates},
                                          {QStringLiteral("chain"), f.chain},
                                          {QStringLiteral("protocol"), f.protocol},
                                          {QStringLiteral("transport"), f.transport},
                                          {QStringLiteral("alloworigin"), f.allowOrigin},
                                          {QStringLiteral("allowmethods"), f.allowMethods},
                                          {QStringLiteral("allowheaders"), f.allowHeaders}};
    return values.value(figure);
}

QString LessonRecord::display(const QString &name) const {
    const QVariant v = value(name);
    if (!v.isValid())
        return QStringLiteral("…");
    const QString figure = name.section(QLatin1Char('.'), -1);
    if (kTimes.contains(figure))
        return formatTime(v.toLongLong());
    if (kSizes.contains(figure))
        return formatSize(v.toLongLong());
    if (v.typeId() == QMetaType::Int)
        return QLocale(QLocale::English).toString(v.toInt());
    return v.toString();
}

QString LessonRecord::fill(const QString &text) const {
    QString filled;
    qsizetype at = 0;
    auto matches = placeholderPattern().globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        filled += text.mid(at, match.capturedStart() - at);
        at = match.capturedEnd();
        filled += isFigureName(match.captured(1)) ? display(match.captured(1)) : match.captured(0);
    }
    return filled + text.mid(at);
}

LessonRecord::Verdict LessonRecord::check(const QString &claim) const {
    Verdict verdict{true, {}};
    QStringList said;
    for (const QString &clause : clausesOf(claim)) {
        const auto match = clausePattern().match(clause);
        if (!match.hasMatch())
            return {false, QStringLiteral("the claim \"%1\" does not parse").arg(clause.trimmed())};
        QVariant sides[2];
        QStringList words;
        for (int i = 0; i < 2; ++i) {
            const QString operand = match.captured(i == 0 ? 1 : 3);
            if (isFigureName(operand)) {
                sides[i] = value(operand);
                if (!sides[i].isValid())
                    return {false, QStringLiteral("%1 was not measured (no call of that style)").arg(operand)};
                words << QStringLiteral("%1 (%2)").arg(operand, display(operand));
            } else {
                sides[i] = operand;
                words << operand;
            }
        }
        const bool holds = compare(sides[0], match.captured(2), sides[1]);
        verdict.holds = verdict.holds && holds;
        said << QStringLiteral("%1 %2 %3%4")
                    .arg(words[0], match.captured(2), words[1], holds ? QString() : QStringLiteral(" — not so"));
    }
    verdict.because = said.join(QStringLiteral(", "));
    return verdict;
}

QString LessonRecord::checkTemplate(const QString &text) {
    auto matches = placeholderPattern().globalMatch(text);
    while (matches.hasNext()) {
        const QString name = matches.next().captured(1);
        if (!isFigureName(name))
            return QStringLiteral("{%1} is not a figure ([previous.]style.figure, style rest, graphql or grpc; figure "
                                  "one of %2)")
                .arg(name, kFigures.join(QStringLiteral(", ")));
    }
    return {};
}

QString LessonRecord::checkClaim(const QString &claim) {
    for (const QString &clause : clausesOf(claim)) {
        const auto match = clausePattern().match(clause);
        if (!match.hasMatch())
            return QStringLiteral("\"%1\" is not \"figure OP value\" (OP one of == != < <= > >=)")
                .arg(clause.trimmed());
        if (!isFigureName(match.captured(1)))
            return QStringLiteral("\"%1\" is not a figure such as rest.received").arg(match.captured(1));
    }
    return {};
}

} // namespace triptych::session
