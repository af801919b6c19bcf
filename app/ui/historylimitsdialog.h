#pragma once

#include "app/workspace/historyentry.h"

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace triptych::ui {

// History ▸ Limits…: how much of the persistent history to keep (docs/workspace.md, "History"): at most N calls,
// N days, N MiB, each switchable off. The window keeps the choice in QSettings and hands it to the HistoryStore,
// which drops the oldest calls beyond it.
class HistoryLimitsDialog : public QDialog {
    Q_OBJECT
public:
    explicit HistoryLimitsDialog(const workspace::HistoryLimits &limits, QWidget *parent = nullptr);

    workspace::HistoryLimits limits() const;
    QCheckBox *entriesCheck() const { return m_entriesOn; }
    QSpinBox *entriesBox() const { return m_entries; }
    QCheckBox *daysCheck() const { return m_daysOn; }
    QSpinBox *daysBox() const { return m_days; }
    QCheckBox *sizeCheck() const { return m_sizeOn; }
    QSpinBox *sizeBox() const { return m_sizeMiB; }

    // The limits the person chose last ("history/maxEntries", "history/maxAgeDays", "history/maxMiB" in QSettings;
    // 0 is "no limit"), or HistoryLimits' defaults.
    static workspace::HistoryLimits savedLimits();
    static void saveLimits(const workspace::HistoryLimits &limits);

private:
    QCheckBox *m_entriesOn;
    QSpinBox *m_entries;
    QCheckBox *m_daysOn;
    QSpinBox *m_days;
    QCheckBox *m_sizeOn;
    QSpinBox *m_sizeMiB;
};

} // namespace triptych::ui
