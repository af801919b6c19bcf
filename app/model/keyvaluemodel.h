#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPair>
#include <QString>

namespace triptych::model {

// Name/value rows: headers, query parameters, metadata, trailers, gRPC error details. When editable, a blank last
// row invites the next entry and rows whose name is empty are left out of pairs().
class KeyValueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using Pairs = QList<QPair<QString, QString>>;

    explicit KeyValueModel(QStringList headers, bool editable, QObject *parent = nullptr);

    void setPairs(const Pairs &pairs);
    Pairs pairs() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

private:
    QStringList m_headers;
    bool m_editable;
    Pairs m_rows;
};

} // namespace triptych::model
