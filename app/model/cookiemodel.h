#pragma once

#include "app/client/cookiejar.h"

#include <QAbstractTableModel>

#include <optional>

namespace triptych::model {

// The cookies of one jar as an editable table: domain, path, name, value, expiry ("session" or a UTC date and time),
// and the Secure / HttpOnly flags as text.
class CookieModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Domain, Path, Name, Value, Expires, Flags, ColumnCount };

    explicit CookieModel(QObject *parent = nullptr);

    void setCookies(const QList<client::Cookie> &cookies);
    const QList<client::Cookie> &cookies() const { return m_cookies; }
    // A new row with `domain` and a placeholder name, for the person to fill in; its index.
    int addCookie(const QString &domain);
    void removeCookie(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // "session" for 0, else "2030-01-01 00:00" UTC; parse gives nullopt for text that is neither.
    static QString formatExpiry(qint64 unixSeconds);
    static std::optional<qint64> parseExpiry(const QString &text);

Q_SIGNALS:
    // The person changed, added or removed a cookie.
    void cookiesEdited();

private:
    QList<client::Cookie> m_cookies;
};

} // namespace triptych::model
