#include "app/model/streammessagemodel.h"

#include "app/model/formatting.h"

namespace triptych::model {

namespace {
// The preview is one line of a list cell; the whole message shows when selected.
constexpr qsizetype kPreviewChars = 160;
// Bodies are packed into chunks of this size, so a million small messages make a few dozen allocations.
constexpr qsizetype kChunkBytes = 1024 * 1024;
// Event names past this many distinct ones are not kept apart (SSE streams use one or two).
constexpr int kMaxEventNames = 1024;
// Decoders past this many distinct ones (calls in one list) convert their messages as they come.
constexpr int kMaxDecoders = 1024;
} // namespace

StreamMessageModel::StreamMessageModel(QObject *parent)
    : QAbstractTableModel(parent) {
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(streamlimits::kBatchIntervalMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &StreamMessageModel::flush);
}

void StreamMessageModel::clear() {
    beginResetModel();
    m_batchTimer.stop();
    m_rows = {};
    m_pending.clear();
    m_chunks.clear();
    m_events.clear();
    m_decoders.clear();
    m_wireRows = 0;
    m_storedBodyBytes = 0;
    endResetModel();
}

void StreamMessageModel::append(const client::StreamMessage &message) {
    m_pending.append(message);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void StreamMessageModel::append(const QList<client::StreamMessage> &messages) {
    m_pending.append(messages);
    if (!m_batchTimer.isActive() && !m_pending.isEmpty())
        m_batchTimer.start();
}

void StreamMessageModel::flush() {
    m_batchTimer.stop();
    if (m_pending.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    for (const auto &message : std::as_const(m_pending))
        store(message);
    m_pending.clear();
    endInsertRows();
}

void StreamMessageModel::setMessages(const QList<client::StreamMessage> &messages) {
    beginResetModel();
    m_batchTimer.stop();
    m_rows = {};
    m_pending.clear();
    m_chunks.clear();
    m_events.clear();
    m_decoders.clear();
    m_wireRows = 0;
    m_storedBodyBytes = 0;
    m_rows.reserve(std::size_t(messages.size()));
    for (const auto &message : messages)
        store(message);
    endResetModel();
}

quint16 StreamMessageModel::decoderIndex(const client::MessageDecoderPtr &decoder) {
    if (!decoder)
        return 0;
    // Messages come in runs of one call: the last decoder is nearly always the one.
    for (auto i = m_decoders.size(); i > 0; --i) {
        if (m_decoders.at(i - 1) == decoder)
            return quint16(i);
    }
    if (m_decoders.size() >= kMaxDecoders)
        return 0;
    m_decoders.append(decoder);
    return quint16(m_decoders.size());
}

void StreamMessageModel::store(const client::StreamMessage &message) {
    QByteArray text = message.body;
    quint16 decoder = 0;
    if (message.decoder) {
        decoder = m_storedBodyBytes + message.body.size() <= streamlimits::kMaxStoredWireBytes
                      ? decoderIndex(message.decoder)
                      : 0;
        if (decoder == 0)
            text = message.json(); // past the wire budget: kept as the start of its JSON like any text
    }
    qsizetype keep = text.size();
    const bool truncated = decoder == 0 && m_storedBodyBytes + keep > streamlimits::kMaxStoredBodyBytes &&
                           keep > streamlimits::kTruncatedBodyBytes;
    if (truncated)
        keep = streamlimits::kTruncatedBodyBytes;
    if (m_chunks.isEmpty() || m_chunks.last().size() + keep > std::max(kChunkBytes, keep)) {
        m_chunks.append(QByteArray());
        m_chunks.last().reserve(std::max(kChunkBytes, keep));
    }
    QByteArray &chunk = m_chunks.last();
    const auto start = qint32(chunk.size());
    chunk.append(text.constData(), keep);
    m_storedBodyBytes += keep;
    auto event = m_events.indexOf(message.event);
    if (event < 0) {
        event = m_events.size() < kMaxEventNames ? m_events.size() : 0;
        if (event == m_events.size())
            m_events.append(message.event);
    }
    m_rows.push_back({message.offsetUs, message.size, qint32(m_chunks.size() - 1), start, qint32(keep), quint16(event),
                      decoder, message.outgoing, truncated});
    m_wireRows += decoder != 0 ? 1 : 0;
}

QByteArray StreamMessageModel::body(const Row &row) const {
    // A view into the chunk: no copy until the caller keeps it past a clear().
    return QByteArray::fromRawData(m_chunks.at(row.chunk).constData() + row.bodyStart, row.bodyLength);
}

QByteArray StreamMessageModel::json(const Row &row) const {
    return row.decoder == 0 ? body(row) : m_decoders.at(row.decoder - 1)->toJson(body(row));
}

client::StreamMessage StreamMessageModel::message(int row) const {
    const Row &r = m_rows.at(std::size_t(row));
    QByteArray copy = body(r);
    copy.detach();
    return {r.outgoing, r.offsetUs,
            r.size,     m_events.value(r.event),
            copy,       r.decoder == 0 ? nullptr : m_decoders.at(r.decoder - 1)};
}

int StreamMessageModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StreamMessageModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StreamMessageModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || std::size_t(index.row()) >= m_rows.size())
        return {};
    const Row &row = m_rows.at(std::size_t(index.row()));
    if (role == Qt::ToolTipRole && index.column() == Size)
        return exactBytes(row.size);
    if (role == Qt::ToolTipRole && index.column() == Preview && row.truncated)
        return tr("Only the first %1 of this message are kept: the stream's messages passed %2")
            .arg(formatBytes(streamlimits::kTruncatedBodyBytes), formatBytes(streamlimits::kMaxStoredBodyBytes));
    if (role == Qt::TextAlignmentRole && (index.column() == Offset || index.column() == Size))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Direction:
        return row.outgoing ? QStringLiteral("↑ sent") : QStringLiteral("↓ received");
    case Offset:
        return formatDuration(row.offsetUs);
    case Size:
        return formatBytes(row.size);
    case Preview: {
        // A wire row is converted here, for the rows on screen only.
        QString text = QString::fromUtf8(json(row).left(kPreviewChars * 2)).simplified();
        const QString &event = m_events.at(row.event);
        if (!event.isEmpty() && event != QStringLiteral("message"))
            text = event + QStringLiteral(": ") + text;
        return text.left(kPreviewChars);
    }
    default:
        return {};
    }
}

QVariant StreamMessageModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Direction:
        return tr("Direction");
    case Offset:
        return tr("Offset");
    case Size:
        return tr("Size");
    case Preview:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace triptych::model
