#include "app/ui/waterfalldelegate.h"

#include "app/model/formatting.h"
#include "app/model/spantreemodel.h"

#include <QPainter>

namespace triptych::ui {

namespace {
constexpr int kMinWidthPx = 320;
constexpr int kLabelRoomPx = 56; // keeps room right of the axis for the longest bar's duration
const QColor kClientColour(0x6b, 0x7f, 0x99);
const QColor kServerColour(0x3d, 0x8b, 0x5a);
const QColor kSqlColour(0xd9, 0x8e, 0x04);
} // namespace

void WaterfallDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QStyledItemDelegate::paint(painter, background, index);

    const qint64 axis = std::max<qint64>(1, index.data(model::SpanTreeModel::AxisUsRole).toLongLong());
    const qint64 start = index.data(model::SpanTreeModel::StartUsRole).toLongLong();
    const qint64 duration = index.data(model::SpanTreeModel::DurationUsRole).toLongLong();
    const QRect area = option.rect.adjusted(2, 3, -kLabelRoomPx, -3);
    if (area.width() <= 0)
        return;
    const double pxPerUs = double(area.width()) / double(axis);
    const int x = area.left() + int(double(std::max<qint64>(0, start)) * pxPerUs);
    const int width = std::max(2, int(double(duration) * pxPerUs));
    QColor colour = kClientColour;
    if (index.data(model::SpanTreeModel::IsSqlRole).toBool())
        colour = kSqlColour;
    else if (index.data(model::SpanTreeModel::FromServerRole).toBool())
        colour = kServerColour;
    painter->save();
    painter->fillRect(QRect(x, area.top(), width, area.height()), colour);
    painter->setPen(option.state & QStyle::State_Selected ? option.palette.highlightedText().color()
                                                          : option.palette.text().color());
    const QRect label(x + width + 4, option.rect.top(), option.rect.right() - x - width - 4, option.rect.height());
    painter->drawText(label, Qt::AlignVCenter | Qt::AlignLeft, model::formatDuration(duration));
    painter->restore();
}

QSize WaterfallDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(kMinWidthPx, 0));
}

} // namespace triptych::ui
