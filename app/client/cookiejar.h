#pragma once

#include "app/client/resultrelay.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace triptych::client {

class CurlEngine;

// One cookie as libcurl keeps it (the Netscape cookie file's seven fields, plus HttpOnly).
struct Cookie {
    QString domain;                 // "example.com"; a leading '.' is kept as curl writes it
    bool includeSubdomains = false; // sent to the domain's subdomains too
    QString path = QStringLiteral("/");
    bool secure = false; // only over https
    qint64 expires = 0;  // Unix seconds; 0: a session cookie
    bool httpOnly = false;
    QByteArray name;
    QByteArray value;
    bool operator==(const Cookie &) const = default;
};

// The Netscape cookie file format curl reads and writes ("#HttpOnly_" before the domain of an HttpOnly cookie).
QByteArray toNetscapeLine(const Cookie &cookie);
std::optional<Cookie> fromNetscapeLine(QByteArrayView line);
QByteArray writeCookieFile(const QList<Cookie> &cookies);
QList<Cookie> readCookieFile(const QByteArray &bytes); // skips comments and lines that do not parse

// The cookies of one cookie session of the shared engine (requests naming the same RestRequest::cookieSession share
// them): read and replaced on the engine's worker thread, answered on this object's thread.
class CookieJar : public QObject {
    Q_OBJECT
public:
    explicit CookieJar(QObject *parent = nullptr);
    ~CookieJar() override;

    void fetch(const QString &session);
    void replace(const QString &session, const QList<Cookie> &cookies);

Q_SIGNALS:
    // After fetch() and after replace(): what the session holds now.
    void cookiesFetched(const QString &session, const QList<triptych::client::Cookie> &cookies);

private:
    std::shared_ptr<CurlEngine> m_engine;
    ResultRelayPtr m_relay;
};

} // namespace triptych::client

Q_DECLARE_METATYPE(triptych::client::Cookie)
