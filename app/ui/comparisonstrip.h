#pragma once

#include <QStyledItemDelegate>
#include <QWidget>

class QLabel;
class QTableView;

namespace triptych::model {
class ComparisonModel;
}
namespace triptych::session {
class ComparisonSession;
}

namespace triptych::ui {

// Draws a style's time as a bar of its client phases (dns · connect · tls · send · wait · download), all rows on
// one scale, in the style's accent colour.
class PhaseBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// The comparison strip (docs/compare-and-trace.md): the question, one row per style (time and phases, bytes sent and
// received with gzip, requests, server spans, SQL statements) and one sentence of what to notice.
class ComparisonStrip : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonStrip(QWidget *parent = nullptr);

    void setQuestion(const QString &title, const QString &notice);
    // Shows the session's comparisons: its question, and its records and stream messages in the model.
    void follow(session::ComparisonSession *session);
    QString noticeText() const;
    QTableView *view() const { return m_view; }
    model::ComparisonModel *model() const { return m_model; }

private:
    model::ComparisonModel *m_model;
    QLabel *m_title;
    QLabel *m_notice;
    QTableView *m_view;
};

} // namespace triptych::ui
