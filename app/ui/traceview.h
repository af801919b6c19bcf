#pragma once

#include "app/client/callrecord.h"

#include <QWidget>

class QLabel;
class QTableView;
class QTreeView;

namespace triptych::model {
class KeyValueModel;
class SpanTreeModel;
} // namespace triptych::model

namespace triptych::ui {

// The trace waterfall (docs/compare-and-trace.md) for one call: the client's phases and the server's spans on one time
// axis, nested by parent; the selected span's attributes (db.statement, bytes, status) beside it.
class TraceView : public QWidget {
    Q_OBJECT
public:
    explicit TraceView(QWidget *parent = nullptr);

    void showRecord(const client::CallRecord &record);
    bool hasTrace() const { return m_hasRecord; }
    const client::CallRecord &record() const { return m_record; }
    // Writes the trace as OTLP/JSON; false with the reason when it cannot.
    bool exportTo(const QString &path, QString *error) const;
    // Asks where to save the trace, then writes it (File ▸ Export trace…); the outcome comes as exportFinished.
    void exportWithDialog();

    model::SpanTreeModel *spanModel() const { return m_spans; }
    model::KeyValueModel *attributesModel() const { return m_attributes; }
    QTreeView *treeView() const { return m_tree; }
    QString headerText() const;
    QSize sizeHint() const override;

Q_SIGNALS:
    // What happened to an export, in a sentence for the status bar.
    void exportFinished(const QString &message);

private:
    void onCurrentChanged();

    client::CallRecord m_record;
    bool m_hasRecord = false;
    model::SpanTreeModel *m_spans;
    model::KeyValueModel *m_attributes;
    QLabel *m_header;
    QTreeView *m_tree;
    QTableView *m_attributesView;
};

} // namespace triptych::ui
