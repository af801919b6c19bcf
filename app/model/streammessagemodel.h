#pragma once

#include "app/client/callrecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QTimer>

#include <vector>

namespace triptych::model {

namespace streamlimits {
// Rows arrive in batches at most this often, so 100,000 messages a second cost the view ~60 inserts, not 100,000.
constexpr int kBatchIntervalMs = 16;
// Message bodies kept whole up to this many bytes in all; past it each new body keeps only its start.
constexpr qsizetype kMaxStoredBodyBytes = 32LL * 1024 * 1024;
// What a message keeps of its body once the budget is spent: the start of its preview, so a million messages stay
// small.
constexpr qsizetype kTruncatedBodyBytes = 64;
} // namespace streamlimits

// The messages of one stream (SSE events, subscription payloads, gRPC messages): direction, offset from the start,
// size and a one-line preview. Appended messages are inserted in batches once per frame; rows are compact (bodies in
// shared chunks, event names interned) and the bodies kept are bounded, so a million-message stream stays small.
class StreamMessageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Direction, Offset, Size, Preview, ColumnCount };

    explicit StreamMessageModel(QObject *parent = nullptr);

    void clear();
    // Queued; the rows appear at the next batch (or flush()).
    void append(const client::StreamMessage &message);
    void append(const QList<client::StreamMessage> &messages);
    void setMessages(const QList<client::StreamMessage> &messages);
    // Inserts the queued messages now.
    void flush();
    // Every message appended, inserted or still queued.
    int messageCount() const { return int(m_rows.size() + m_pending.size()); }
    client::StreamMessage message(int row) const;
    // Whether the row's body was cut to its start because the stored-body budget was spent.
    bool isTruncated(int row) const { return m_rows.at(std::size_t(row)).truncated; }
    qsizetype storedBodyBytes() const { return m_storedBodyBytes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        qint64 offsetUs;
        qint64 size;
        qint32 chunk;      // index into m_chunks
        qint32 bodyStart;  // byte offset in the chunk
        qint32 bodyLength; // bytes kept
        quint16 event;     // index into m_events
        bool outgoing;
        bool truncated;
    };
    void store(const client::StreamMessage &message);
    QByteArray body(const Row &row) const;

    std::vector<Row> m_rows;
    QList<client::StreamMessage> m_pending;
    QList<QByteArray> m_chunks; // bodies back to back; a new chunk when the last is full
    QStringList m_events;       // distinct event names, e.g. "", "order"
    qsizetype m_storedBodyBytes = 0;
    QTimer m_batchTimer;
};

} // namespace triptych::model
