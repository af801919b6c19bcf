#pragma once

#include "app/workspace/requestdocument.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace triptych::model {

// How well `pattern` matches `text` as a fuzzy name match: every character of the pattern in order, case ignored.
// -1 when it does not match; higher is better: consecutive characters, word starts and an early first match score.
int fuzzyScore(QStringView pattern, QStringView text);

struct QuickOpenItem {
    QString path; // relative to the workspace root
    QString name;
    QString folder;
    workspace::RequestStyle style = workspace::RequestStyle::Rest;
};

// Ctrl+P's list: every saved request of the workspace, filtered and ranked by fuzzy match of each typed word against
// the request's name (or, with lower weight, its style and folder).
class QuickOpenModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit QuickOpenModel(QObject *parent = nullptr);

    void setItems(const QList<QuickOpenItem> &items);
    void setPattern(const QString &pattern);
    QString pathAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    void rank();
    int score(const QuickOpenItem &item) const; // -1: no match

    QList<QuickOpenItem> m_items;
    QList<int> m_shown; // indexes into m_items, best match first
    QString m_pattern;
};

} // namespace triptych::model
