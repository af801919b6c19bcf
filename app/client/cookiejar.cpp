#include "app/client/cookiejar.h"

#include "app/client/curlengine.h"

namespace triptych::client {

namespace {
constexpr QByteArrayView kHttpOnlyPrefix = "#HttpOnly_";
constexpr int kNetscapeFields = 7;

QByteArray flag(bool on) {
    return on ? "TRUE" : "FALSE";
}
} // namespace

QByteArray toNetscapeLine(const Cookie &cookie) {
    QByteArray domain = cookie.domain.toUtf8();
    if (cookie.httpOnly)
        domain.prepend(kHttpOnlyPrefix.toByteArray());
    return domain + '\t' + flag(cookie.includeSubdomains) + '\t' + cookie.path.toUtf8() + '\t' + flag(cookie.secure) +
           '\t' + QByteArray::number(cookie.expires) + '\t' + cookie.name + '\t' + cookie.value;
}

std::optional<Cookie> fromNetscapeLine(QByteArrayView line) {
    Cookie cookie;
    QByteArray text = line.toByteArray().trimmed();
    if (text.startsWith(kHttpOnlyPrefix)) {
        cookie.httpOnly = true;
        text.remove(0, kHttpOnlyPrefix.size());
    } else if (text.isEmpty() || text.startsWith('#')) {
        return std::nullopt;
    }
    // The value may be empty, so the split keeps empty fields; a tab inside the value stays in it.
    const QList<QByteArray> fields = text.split('\t');
    if (fields.size() < kNetscapeFields - 1 || fields[0].isEmpty() || fields[5].isEmpty())
        return std::nullopt;
    bool ok = false;
    cookie.domain = QString::fromUtf8(fields[0]);
    cookie.includeSubdomains = fields[1] == "TRUE";
    cookie.path = QString::fromUtf8(fields[2]);
    cookie.secure = fields[3] == "TRUE";
    cookie.expires = fields[4].toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    cookie.name = fields[5];
    cookie.value = fields.size() > kNetscapeFields - 1 ? fields.mid(kNetscapeFields - 1).join('\t') : QByteArray();
    return cookie;
}

QByteArray writeCookieFile(const QList<Cookie> &cookies) {
    QByteArray out = "# Netscape HTTP Cookie File\n# Written by Triptych: the cookies of one environment.\n";
    for (const auto &cookie : cookies)
        out += toNetscapeLine(cookie) + '\n';
    return out;
}

QList<Cookie> readCookieFile(const QByteArray &bytes) {
    QList<Cookie> cookies;
    for (const auto &line : bytes.split('\n')) {
        if (auto cookie = fromNetscapeLine(line))
            cookies.append(*cookie);
    }
    return cookies;
}

CookieJar::CookieJar(QObject *parent)
    : QObject(parent)
    , m_engine(CurlEngine::shared())
    , m_relay(std::make_shared<ResultRelay>(this)) {
    qRegisterMetaType<QList<Cookie>>();
}

CookieJar::~CookieJar() {
    m_relay->detach();
}

void CookieJar::fetch(const QString &session) {
    auto relay = m_relay;
    m_engine->readCookies(session, [this, relay, session](QList<Cookie> cookies) {
        relay->post([this, session, cookies = std::move(cookies)] { Q_EMIT cookiesFetched(session, cookies); });
    });
}

void CookieJar::replace(const QString &session, const QList<Cookie> &cookies) {
    QList<QByteArray> lines;
    for (const auto &cookie : cookies)
        lines.append(toNetscapeLine(cookie));
    m_engine->replaceCookies(session, std::move(lines));
    fetch(session);
}

} // namespace triptych::client
