#include "app/model/streammessagemodel.h"

#include "app/model/formatting.h"

namespace triptych::model {

namespace {
// The preview is one line of a list cell; the whole message shows when selected.
constexpr qsizetype kPreviewChars = 160;
} // namespace

StreamMessageModel::StreamMessageModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void StreamMessageModel::clear() {
    beginResetModel();
    m_messages.clear();
    endResetModel();
}

void StreamMessageModel::append(const client::StreamMessage &message) {
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append(message);
    endInsertRows();
}

void StreamMessageModel::setMessages(const QList<client::StreamMessage> &messages) {
    beginResetModel();
    m_messages = messages;
    endResetModel();
}

int StreamMessageModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_messages.size());
}

int StreamMessageModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StreamMessageModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_messages.size())
        return {};
    const auto &message = m_messages.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Size)
        return exactBytes(message.size);
    if (role == Qt::TextAlignmentRole && (index.column() == Offset || index.column() == Size))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Direction:
        return message.outgoing ? QStringLiteral("↑ sent") : QStringLiteral("↓ received");
    case Offset:
        return formatDuration(message.offsetUs);
    case Size:
        return formatBytes(message.size);
    case Preview: {
        QString text = QString::fromUtf8(message.body.left(kPreviewChars * 2)).simplified();
        if (!message.event.isEmpty() && message.event != QStringLiteral("message"))
            text = message.event + QStringLiteral(": ") + text;
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
