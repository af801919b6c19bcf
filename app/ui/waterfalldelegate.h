#pragma once

#include <QStyledItemDelegate>

namespace triptych::ui {

// Draws a span of a SpanTreeModel as a bar on the trace's time axis: client phases grey-blue, server spans in the
// server colour, SQL statements amber, with the duration next to the bar.
class WaterfallDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace triptych::ui
