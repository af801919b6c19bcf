#pragma once

#include "app/client/callrecord.h"

#include <QTableView>

namespace triptych::model {
class HistoryModel;
}

namespace triptych::ui {

// The history dock's table: every finished call, newest last, one row selected at a time; its columns are sized
// for their longest values, so nothing is elided as rows arrive.
class HistoryView : public QTableView {
    Q_OBJECT
public:
    explicit HistoryView(QWidget *parent = nullptr);

    model::HistoryModel *historyModel() const { return m_history; }
    void append(const client::CallRecord &record);
    // The selected call; null when none is.
    const client::CallRecord *selectedRecord() const;
    // The newest call of a style (GraphQL over HTTP or WebSocket alike); null when there is none.
    const client::CallRecord *lastRecordOf(client::CallKind style) const;

Q_SIGNALS:
    void recordSelected(const triptych::client::CallRecord &record);
    // A double-click: send the selected call again.
    void resendRequested();

private:
    model::HistoryModel *m_history;
};

} // namespace triptych::ui
