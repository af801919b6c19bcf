#include "app/model/comparisonmodel.h"

#include "app/model/formatting.h"
#include "app/model/historymodel.h"

#include <QColor>
#include <QPointer>
#include <QRegularExpression>
#include <QStringList>
#include <QThreadPool>

#include <zlib.h>

namespace triptych::model {

namespace {

const client::CallKind kStyles[] = {client::CallKind::Rest, client::CallKind::GraphQL, client::CallKind::Grpc};

void addPhase(std::optional<qint64> &sum, const std::optional<qint64> &value) {
    if (value)
        sum = sum.value_or(0) + *value;
}

bool isGzipped(const client::CallRecord &record) {
    return record.header("content-encoding").toLower().contains("gzip") ||
           record.header("grpc-encoding").toLower().contains("gzip");
}

// A subscription's WebSocket also carries protocol messages (connection_ack, ping, pong, complete): only "next"
// (graphql-transport-ws) and "data" (legacy graphql-ws) carry events.
bool isPayload(client::CallKind kind, const client::StreamMessage &message) {
    if (kind != client::CallKind::GraphQL && kind != client::CallKind::GraphQLWebSocket)
        return true;
    return message.event.isEmpty() || message.event == QLatin1String("next") || message.event == QLatin1String("data");
}

QString phasesText(const client::ClientTimings &phases) {
    QStringList parts;
    const auto add = [&](const QString &name, const std::optional<qint64> &value) {
        if (value)
            parts << name + QLatin1Char(' ') + formatDuration(*value);
    };
    add(QStringLiteral("dns"), phases.dnsUs);
    add(QStringLiteral("connect"), phases.connectUs);
    add(QStringLiteral("tls"), phases.tlsUs);
    add(QStringLiteral("send"), phases.sentUs);
    add(QStringLiteral("wait"), phases.firstByteUs);
    add(QStringLiteral("download"), phases.downloadUs);
    return parts.join(QStringLiteral(" · "));
}

} // namespace

ComparisonModel::ComparisonModel(QObject *parent)
    : QAbstractTableModel(parent) {
    reset();
}

void ComparisonModel::reset() {
    beginResetModel();
    m_rows.clear();
    ++m_generation;
    for (const auto kind : kStyles) {
        StyleFigures figures;
        figures.kind = kind;
        m_rows.append(figures);
    }
    endResetModel();
}

client::CallKind ComparisonModel::styleOf(client::CallKind kind) {
    return kind == client::CallKind::GraphQLWebSocket ? client::CallKind::GraphQL : kind;
}

int ComparisonModel::rowFor(client::CallKind kind) const {
    switch (kind) {
    case client::CallKind::Rest:
        return 0;
    case client::CallKind::GraphQL:
    case client::CallKind::GraphQLWebSocket:
        return 1;
    case client::CallKind::Grpc:
        return 2;
    }
    return 0;
}

const StyleFigures &ComparisonModel::figures(client::CallKind kind) const {
    return m_rows.at(rowFor(kind));
}

qint64 ComparisonModel::scaleUs() const {
    qint64 scale = 0;
    for (const auto &figures : m_rows)
        scale = std::max(scale, figures.phases.totalUs);
    return scale;
}

qint64 ComparisonModel::gzipSize(const QByteArray &body) {
    z_stream stream{};
    // windowBits 15 + 16: a gzip wrapper, as Content-Encoding: gzip sends it.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    QByteArray out(int(deflateBound(&stream, uLong(body.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
    stream.avail_in = uInt(body.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    const qint64 size = status == Z_STREAM_END ? qint64(stream.total_out) : -1;
    deflateEnd(&stream);
    return size;
}

int ComparisonModel::sqlStatementCount(const client::CallRecord &record) {
    int count = 0;
    for (const auto &span : record.spans) {
        if (!span.fromServer)
            continue;
        for (const auto &attribute : span.attributes) {
            if (attribute.first == QLatin1String("db.statement")) {
                ++count;
                break;
            }
        }
    }
    return count;
}

void ComparisonModel::addRecord(const client::CallRecord &record) {
    const int row = rowFor(record.kind);
    auto &figures = m_rows[row];
    const qint64 startUs = record.startedAtUnixNs / 1000;
    const qint64 endUs = startUs + record.timings.totalUs;
    figures.startUnixUs = figures.calls == 0 ? startUs : std::min(figures.startUnixUs, startUs);
    figures.endUnixUs = figures.calls == 0 ? endUs : std::max(figures.endUnixUs, endUs);
    figures.wallUs = figures.endUnixUs - figures.startUnixUs;
    ++figures.calls;
    const bool cancelled = record.error.kind == client::ErrorKind::Cancelled;
    figures.cancelled = figures.cancelled || cancelled;
    figures.failedCalls += record.ok() || cancelled ? 0 : 1;

    addPhase(figures.phases.dnsUs, record.timings.dnsUs);
    addPhase(figures.phases.connectUs, record.timings.connectUs);
    addPhase(figures.phases.tlsUs, record.timings.tlsUs);
    addPhase(figures.phases.sentUs, record.timings.sentUs);
    addPhase(figures.phases.firstByteUs, record.timings.firstByteUs);
    addPhase(figures.phases.downloadUs, record.timings.downloadUs);
    figures.phases.totalUs += record.timings.totalUs;

    figures.requestBytes += record.sizes.requestHeaderBytes + record.sizes.requestBodyBytes;
    figures.responseHeaderBytes += record.sizes.responseHeaderBytes;
    figures.responseBodyBytes += record.sizes.responseBodyDecodedBytes;
    if (record.kind != client::CallKind::Grpc) {
        qint64 gzip = -1;
        if (isGzipped(record))
            gzip = record.sizes.responseBodyWireBytes;
        else if (record.body.size() == record.sizes.responseBodyDecodedBytes &&
                 record.body.size() > comparisonlimits::kInlineGzipBytes)
            measureGzipLater(row, record.body);
        else if (record.body.size() == record.sizes.responseBodyDecodedBytes)
            gzip = gzipSize(record.body); // the whole body was kept: measure what gzip would have sent
        if (gzip >= 0)
            figures.responseBodyGzipBytes = figures.responseBodyGzipBytes.value_or(0) + gzip;
    }
    figures.serverSpans += record.serverSpanCount();
    figures.sqlStatements += sqlStatementCount(record);

    const bool stream = figures.streaming || figures.liveMessages > 0;
    if (stream) {
        for (const auto &message : record.messages)
            figures.streamMessages += !message.outgoing && isPayload(record.kind, message) ? 1 : 0;
    }
    figures.streaming = false;
    figures.liveMessages = 0;
    figures.liveBytes = 0;
    rowChanged(row);
}

void ComparisonModel::measureGzipLater(int row, const QByteArray &body) {
    ++m_rows[row].gzipPending;
    QPointer<ComparisonModel> self(this);
    const quint64 generation = m_generation;
    QThreadPool::globalInstance()->start([self, generation, row, body] {
        const qint64 size = gzipSize(body);
        // The model lives on the GUI thread; a deleted one receives nothing.
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, row, size] {
                if (self)
                    self->onGzipMeasured(generation, row, size);
            },
            Qt::QueuedConnection);
    });
}

void ComparisonModel::onGzipMeasured(quint64 generation, int row, qint64 size) {
    if (generation != m_generation)
        return; // measured for a question asked before
    auto &figures = m_rows[row];
    --figures.gzipPending;
    if (size >= 0)
        figures.responseBodyGzipBytes = figures.responseBodyGzipBytes.value_or(0) + size;
    rowChanged(row);
}

bool ComparisonModel::countStreamMessage(StyleFigures &figures, const client::StreamMessage &message) {
    if (message.outgoing || !isPayload(figures.kind, message))
        return false;
    figures.streaming = true;
    if (figures.liveMessages == 0)
        figures.firstMessageUs = message.offsetUs;
    ++figures.liveMessages;
    figures.liveBytes += message.size;
    return true;
}

void ComparisonModel::addStreamMessage(client::CallKind kind, const client::StreamMessage &message) {
    const int row = rowFor(kind);
    if (countStreamMessage(m_rows[row], message))
        rowChanged(row);
}

void ComparisonModel::addStreamMessages(client::CallKind kind, const QList<client::StreamMessage> &messages) {
    const int row = rowFor(kind);
    bool counted = false;
    for (const auto &message : messages)
        counted = countStreamMessage(m_rows[row], message) || counted;
    if (counted)
        rowChanged(row);
}

void ComparisonModel::setStreaming(client::CallKind kind, bool open) {
    const int row = rowFor(kind);
    m_rows[row].streaming = open;
    rowChanged(row);
}

void ComparisonModel::rowChanged(int row) {
    // The bars of every row share one scale, so a longer row changes them all.
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_UNUSED(row);
}

bool ComparisonModel::gzipIsLarger(const StyleFigures &figures) {
    return figures.gzipPending == 0 && figures.responseBodyGzipBytes &&
           *figures.responseBodyGzipBytes > figures.responseBodyBytes;
}

QString ComparisonModel::fillNotice(const QString &notice) const {
    static const QRegularExpression placeholder(
        QStringLiteral(R"(\{(rest|graphql|grpc)\.(time|calls|sql|spans|received)\})"));
    QString filled;
    qsizetype at = 0;
    auto matches = placeholder.globalMatch(notice);
    while (matches.hasNext()) {
        const auto match = matches.next();
        filled += notice.mid(at, match.capturedStart() - at);
        at = match.capturedEnd();
        const QString style = match.captured(1);
        const auto &row = figures(style == QLatin1String("rest")      ? client::CallKind::Rest
                                  : style == QLatin1String("graphql") ? client::CallKind::GraphQL
                                                                      : client::CallKind::Grpc);
        const QString what = match.captured(2);
        if (row.calls == 0)
            filled += QStringLiteral("…");
        else if (what == QLatin1String("time"))
            filled += formatDuration(row.phases.totalUs);
        else if (what == QLatin1String("calls"))
            filled += QString::number(row.calls);
        else if (what == QLatin1String("sql"))
            filled += QString::number(row.sqlStatements);
        else if (what == QLatin1String("spans"))
            filled += QString::number(row.serverSpans);
        else
            filled += formatBytes(row.responseBodyBytes + row.liveBytes);
    }
    return filled + notice.mid(at);
}

QString ComparisonModel::setupNotice() const {
    QStringList parts;
    for (const auto &row : m_rows) {
        if (row.phases.connectUs && *row.phases.connectUs > 0)
            parts << tr("%1 %2").arg(HistoryModel::styleName(row.kind), formatDuration(*row.phases.connectUs));
    }
    if (parts.isEmpty())
        return {};
    return tr("Connection setup is its own phase (\"connect\" in the bars): %1. A first call pays for it — gRPC's "
              "opens the channel, which later calls reuse — so compare the other phases too.")
        .arg(parts.join(QStringLiteral(", ")));
}

int ComparisonModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonModel::display(const StyleFigures &figures, int column) const {
    const bool idle = figures.calls == 0 && !figures.streaming;
    if (column == Style)
        return HistoryModel::styleName(figures.kind);
    if (idle)
        return column == Time ? tr("—") : QVariant();
    switch (column) {
    case Time:
        if (figures.calls == 0)
            return figures.liveMessages > 0 ? tr("open · 1st msg %1").arg(formatDuration(figures.firstMessageUs))
                                            : tr("open");
        return figures.cancelled ? tr("%1 · cancelled").arg(formatDuration(figures.phases.totalUs))
                                 : formatDuration(figures.phases.totalUs);
    case Requests: {
        const bool grpc = figures.kind == client::CallKind::Grpc;
        QString text = figures.calls == 1 ? (grpc ? tr("1 call") : tr("1 request"))
                                          : (grpc ? tr("%1 calls") : tr("%1 requests")).arg(figures.calls);
        if (figures.calls == 0)
            text = grpc ? tr("1 stream") : tr("1 request");
        const int messages = figures.streamMessages + figures.liveMessages;
        if (messages > 0 || figures.streaming)
            text += (messages == 1 ? tr(" · 1 message") : tr(" · %1 messages").arg(messages));
        return text;
    }
    case Sent:
        return figures.calls == 0 ? QVariant() : QVariant(formatBytes(figures.requestBytes)); // known at the end
    case Received:
        return formatBytes(figures.responseBodyBytes + figures.liveBytes);
    case Gzip:
        if (figures.gzipPending > 0)
            return tr("…");
        if (!figures.responseBodyGzipBytes)
            return {};
        return gzipIsLarger(figures) ? tr("%1 (larger)").arg(formatBytes(*figures.responseBodyGzipBytes))
                                     : formatBytes(*figures.responseBodyGzipBytes);
    case Spans:
        return figures.calls == 0 ? QVariant() : QVariant(figures.serverSpans);
    case Sql:
        return figures.calls == 0 ? QVariant() : QVariant(figures.sqlStatements);
    default:
        return {};
    }
}

QVariant ComparisonModel::toolTip(const StyleFigures &figures, int column) const {
    switch (column) {
    case Time:
    case Phases:
        // N+1 calls go one after the other, so their own times add up; the wall time also holds the app's fetch of
        // each call's trace and is only mentioned.
        return figures.calls == 0
                   ? QVariant()
                   : tr("%1 in %2 call(s) one after the other (%3 from the first start to the last end); phases "
                        "summed: %4")
                         .arg(formatDuration(figures.phases.totalUs))
                         .arg(figures.calls)
                         .arg(formatDuration(figures.wallUs), phasesText(figures.phases));
    case Sent:
        return tr("%1 of request headers and bodies").arg(exactBytes(figures.requestBytes));
    case Received:
        return tr("body %1 (identity), headers %2")
            .arg(exactBytes(figures.responseBodyBytes + figures.liveBytes), exactBytes(figures.responseHeaderBytes));
    case Gzip:
        if (figures.kind == client::CallKind::Grpc)
            return tr("gRPC sends protobuf; ask for gzip in the call to compress it");
        if (gzipIsLarger(figures))
            return tr("gzip made the body larger (%1 → %2): its header and trailer (18 bytes) outweigh what it saves "
                      "on a body this small, so servers leave small bodies uncompressed")
                .arg(exactBytes(figures.responseBodyBytes), exactBytes(*figures.responseBodyGzipBytes));
        return tr("the response body gzipped: as it came on the wire, or measured here when it was not");
    case Spans:
        return tr("spans the server recorded for the call(s), from /debug/traces");
    case Sql:
        return tr("server spans with a db.statement: one per SQL statement");
    case Requests:
        return figures.failedCalls > 0 ? tr("%n call(s) failed", nullptr, figures.failedCalls) : QVariant();
    default:
        return {};
    }
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto &figures = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(figures, index.column());
    case Qt::ToolTipRole:
        return toolTip(figures, index.column());
    case Qt::TextAlignmentRole:
        return index.column() >= Requests ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case FiguresRole:
        return QVariant::fromValue(figures);
    case ScaleRole:
        return scaleUs();
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {"Style",    "Time", "Phases",       "Requests", "Sent",
                                        "Received", "gzip", "Server spans", "SQL"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace triptych::model
