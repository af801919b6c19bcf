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
// A message kept as its wire bytes (a gRPC message, StreamMessage::decoder) is kept whole up to this many bytes in
// all, text bodies included: its bytes are a fraction of its JSON and are converted only when the row is looked at.
// Past it a wire message is converted as it comes and keeps the start of its JSON, as a text body does.
constexpr qsizetype kMaxStoredWireBytes = 128LL * 1024 * 1024;
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
    // Rows whose message is kept as wire bytes, its JSON made when shown.
    int wireRowCount() const { return m_wireRows; }
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
        quint16 decoder;   // 1 + index into m_decoders; 0: the body is text
        bool outgoing;
        bool truncated;
    };
    void store(const client::StreamMessage &message);
    quint16 decoderIndex(const client::MessageDecoderPtr &decoder);
    QByteArray body(const Row &row) const;
    QByteArray json(const Row &row) const;

    std::vector<Row> m_rows;
    QList<client::StreamMessage> m_pending;
    QList<QByteArray> m_chunks;                  // bodies back to back; a new chunk when the last is full
    QStringList m_events;                        // distinct event names, e.g. "", "order"
    QList<client::MessageDecoderPtr> m_decoders; // distinct decoders (one per call), for rows kept as wire bytes
    int m_wireRows = 0;
    qsizetype m_storedBodyBytes = 0;
    QTimer m_batchTimer;
};

} // namespace triptych::model
