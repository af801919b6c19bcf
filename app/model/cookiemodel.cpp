#include "app/model/cookiemodel.h"

#include <QDateTime>
#include <QRegularExpression>

namespace triptych::model {

namespace {
const QString kDateFormat = QStringLiteral("yyyy-MM-dd HH:mm");
}

CookieModel::CookieModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void CookieModel::setCookies(const QList<client::Cookie> &cookies) {
    beginResetModel();
    m_cookies = cookies;
    endResetModel();
}

int CookieModel::addCookie(const QString &domain) {
    const int row = int(m_cookies.size());
    beginInsertRows({}, row, row);
    client::Cookie cookie;
    cookie.domain = domain;
    cookie.name = "name";
    m_cookies.append(cookie);
    endInsertRows();
    Q_EMIT cookiesEdited();
    return row;
}

void CookieModel::removeCookie(int row) {
    if (row < 0 || row >= m_cookies.size())
        return;
    beginRemoveRows({}, row, row);
    m_cookies.removeAt(row);
    endRemoveRows();
    Q_EMIT cookiesEdited();
}

int CookieModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_cookies.size());
}

int CookieModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString CookieModel::formatExpiry(qint64 unixSeconds) {
    if (unixSeconds == 0)
        return tr("session");
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(kDateFormat);
}

std::optional<qint64> CookieModel::parseExpiry(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == tr("session"))
        return 0;
    QDateTime when = QDateTime::fromString(trimmed, kDateFormat);
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return when.toSecsSinceEpoch();
}

QVariant CookieModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_cookies.size() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const auto &cookie = m_cookies.at(index.row());
    switch (index.column()) {
    case Domain:
        return cookie.domain;
    case Path:
        return cookie.path;
    case Name:
        return QString::fromUtf8(cookie.name);
    case Value:
        return QString::fromUtf8(cookie.value);
    case Expires:
        return formatExpiry(cookie.expires);
    case Flags: {
        QStringList flags;
        if (cookie.secure)
            flags << QStringLiteral("Secure");
        if (cookie.httpOnly)
            flags << QStringLiteral("HttpOnly");
        if (cookie.includeSubdomains)
            flags << tr("subdomains");
        return flags.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant CookieModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList names{tr("Domain"), tr("Path"), tr("Name"), tr("Value"), tr("Expires (UTC)"), tr("Flags")};
    return names.value(section);
}

Qt::ItemFlags CookieModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != Flags)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool CookieModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_cookies.size())
        return false;
    auto &cookie = m_cookies[index.row()];
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case Domain:
        if (text.isEmpty() || text.contains(QLatin1Char('\t')))
            return false;
        cookie.domain = text;
        break;
    case Path:
        if (!text.startsWith(QLatin1Char('/')))
            return false;
        cookie.path = text;
        break;
    case Name:
        // A name is a token: no separators that would break the Cookie header or the cookie file.
        if (text.isEmpty() || text.contains(QRegularExpression(QStringLiteral("[\\s=;,]"))))
            return false;
        cookie.name = text.toUtf8();
        break;
    case Value:
        if (text.contains(QRegularExpression(QStringLiteral("[\\t\\n\\r;]"))))
            return false;
        cookie.value = text.toUtf8();
        break;
    case Expires: {
        const auto expires = parseExpiry(text);
        if (!expires)
            return false;
        cookie.expires = *expires;
        break;
    }
    default:
        return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT cookiesEdited();
    return true;
}

} // namespace triptych::model
