#pragma once

#include "app/client/callrecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace triptych::model {

// The messages of one stream (SSE events, subscription payloads, gRPC messages): direction, offset from the start,
// size and a one-line preview. Rows are appended as they arrive, so a uniform-row-height view stays smooth.
class StreamMessageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Direction, Offset, Size, Preview, ColumnCount };

    explicit StreamMessageModel(QObject *parent = nullptr);

    void clear();
    void append(const client::StreamMessage &message);
    void setMessages(const QList<client::StreamMessage> &messages);
    const client::StreamMessage &message(int row) const { return m_messages.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<client::StreamMessage> m_messages;
};

} // namespace triptych::model
