#include "app/cli/clicompare.h"

#include "app/cli/cliprinter.h"
#include "app/session/clientsender.h"
#include "app/session/comparisonsession.h"
#include "app/session/questioncatalog.h"

namespace triptych::cli {

using namespace triptych::client;

namespace {

QString styleName(CallKind kind) {
    switch (kind) {
    case CallKind::Rest:
        return QStringLiteral("REST");
    case CallKind::GraphQL:
    case CallKind::GraphQLWebSocket:
        return QStringLiteral("GraphQL");
    case CallKind::Grpc:
        return QStringLiteral("gRPC");
    }
    return {};
}

int sqlSpans(const CallRecord &record) {
    int count = 0;
    for (const auto &span : record.spans) {
        for (const auto &attribute : span.attributes)
            count += span.fromServer && attribute.first == QLatin1String("db.statement") ? 1 : 0;
    }
    return count;
}

} // namespace

CliCompare::CliCompare(CliOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_session(new session::ComparisonSession(nullptr, this)) {
    session::Endpoints endpoints;
    endpoints.httpBase = m_options.servers.value(0, endpoints.httpBase);
    while (endpoints.httpBase.endsWith(QLatin1Char('/')))
        endpoints.httpBase.chop(1);
    if (!m_options.grpcServer.isEmpty())
        endpoints.grpcTarget = m_options.grpcServer;
    m_session->setEndpoints(endpoints);
    m_session->setOneStyleAtATime(true);
    for (const auto style : {CallKind::Rest, CallKind::GraphQL, CallKind::Grpc}) {
        auto *sender = new session::ClientSender(style, this);
        sender->setTimeoutMs(m_options.timeoutMs);
        m_session->setSender(sender);
    }
    connect(m_session, &session::ComparisonSession::callFinished, this, &CliCompare::onRecord);
    // Queued: the next question starts once the session has finished with the last one's record.
    connect(m_session, &session::ComparisonSession::comparisonFinished, this, &CliCompare::askNext,
            Qt::QueuedConnection);
}

void CliCompare::start() {
    m_questions = session::QuestionCatalog::builtIn().benchmarks();
    askNext();
}

void CliCompare::askNext() {
    if (m_questions.isEmpty()) {
        printTable();
        return;
    }
    const session::Question question = m_questions.takeFirst();
    m_asking = question.title;
    m_session->ask(question);
}

void CliCompare::onRecord(const CallRecord &record) {
    m_rows.append({m_asking, styleName(record.kind), record});
}

void CliCompare::printTable() {
    bool allOk = true;
    QString text = QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                       .arg(QStringLiteral("question"), -22)
                       .arg(QStringLiteral("style"), -8)
                       .arg(QStringLiteral("status"), -12)
                       .arg(QStringLiteral("time"), 10)
                       .arg(QStringLiteral("bytes"), 10)
                       .arg(QStringLiteral("spans"), 5)
                       .arg(QStringLiteral("SQL"), 3);
    for (const auto &row : m_rows) {
        const auto &record = row.record;
        allOk = allOk && record.ok();
        const QString status = record.grpcCode >= 0    ? grpcCodeName(record.grpcCode)
                               : record.httpStatus > 0 ? QString::number(record.httpStatus)
                                                       : toString(record.error.kind);
        text += QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                    .arg(row.question, -22)
                    .arg(row.style, -8)
                    .arg(status, -12)
                    .arg(formatDuration(record.timings.totalUs), 10)
                    .arg(formatBytes(record.sizes.responseBodyWireBytes), 10)
                    .arg(record.serverSpanCount(), 5)
                    .arg(sqlSpans(record), 3);
        if (!record.ok())
            text += QStringLiteral("    %1\n").arg(record.error.text());
    }
    printOut(text);
    Q_EMIT compareFinished(allOk ? 0 : 1);
}

} // namespace triptych::cli
