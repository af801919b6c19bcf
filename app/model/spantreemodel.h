#pragma once

#include "app/client/callrecord.h"

#include <QAbstractItemModel>
#include <QList>

namespace triptych::model {

// One call's trace as a tree (Jaeger's waterfall): the client's total with its phases, and the server's spans
// nested by parent under it, all on the client's time axis. A server span whose parent is not in the trace (the
// server's root, whose parent is the client's traceparent) hangs under the client's total.
class SpanTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Start, Duration, Timeline, ColumnCount };
    enum Role {
        StartUsRole = Qt::UserRole + 1,
        DurationUsRole,
        AxisUsRole,     // the whole axis: the latest end of any span
        FromServerRole, // bool
        IsSqlRole,      // bool: a span with db.statement
        SpanIdRole,
        ParentSpanIdRole,
    };

    explicit SpanTreeModel(QObject *parent = nullptr);

    void setRecord(const client::CallRecord &record);
    void clear();

    const client::TraceSpan *spanAt(const QModelIndex &index) const;
    qint64 axisUs() const { return m_axisUs; }
    // The span's attributes as name/value rows, with its id, parent, start and duration first.
    QList<QPair<QString, QString>> details(const QModelIndex &index) const;
    // Every span's index, depth first, for tests and "expand all".
    QModelIndex indexOfSpan(const QString &spanId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Node {
        int span = -1;   // index into m_spans; -1 for the invisible root
        int parent = -1; // index into m_nodes
        int row = 0;     // among the parent's children
        QList<int> children;
    };
    void build();
    int nodeOf(const QModelIndex &index) const;

    QList<client::TraceSpan> m_spans;
    QList<Node> m_nodes; // m_nodes[0] is the invisible root
    qint64 m_axisUs = 0;
};

} // namespace triptych::model
