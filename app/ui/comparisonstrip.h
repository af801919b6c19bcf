#pragma once

#include <QStringList>
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

    // The phases in the order the bars draw them, and each one's shade of a style's colour (lighter: setup).
    static QStringList phaseNames();
    static QColor phaseColour(const QColor &accent, int phase);
    // What no phase accounts for (a gRPC unary call reports only its total), drawn pale.
    static QColor remainderColour(const QColor &accent);
};

// The comparison strip (docs/compare-and-trace.md): the question, one row per style (time and phases, bytes sent and
// received with gzip, requests, server spans, SQL statements), a legend of the phase bars and what to notice, read
// from the measured figures; while a question restarts the embedded server it says so here.
class ComparisonStrip : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonStrip(QWidget *parent = nullptr);

    void setQuestion(const QString &title, const QString &notice);
    // A second paragraph under the notice (the server switch a question made), kept until the next question.
    void setServerNote(const QString &note);
    // Shows the session's comparisons: its question, and its records and stream messages in the model.
    void follow(session::ComparisonSession *session);
    QString titleText() const;
    QString noticeText() const;
    QString legendText() const;
    QTableView *view() const { return m_view; }
    model::ComparisonModel *model() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshNotice();
    void fitTable();

    model::ComparisonModel *m_model;
    QLabel *m_title;
    QLabel *m_legend;
    QLabel *m_notice;
    QTableView *m_view;
    QString m_noticeTemplate; // the question's notice with its {style.figure} placeholders
    QString m_serverNote;
};

} // namespace triptych::ui
