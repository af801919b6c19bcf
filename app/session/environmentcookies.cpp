#include "app/session/environmentcookies.h"

#include "app/workspace/atomicfile.h"
#include "app/workspace/workspacepaths.h"

#include <QDir>
#include <QFile>

namespace triptych::session {

EnvironmentCookies::EnvironmentCookies(QObject *parent)
    : QObject(parent)
    , m_jar(new client::CookieJar(this)) {
    connect(m_jar, &client::CookieJar::cookiesFetched, this, &EnvironmentCookies::onCookiesFetched);
}

QString EnvironmentCookies::cookieFile(const QString &workspaceRoot, const QString &environment) {
    if (workspaceRoot.isEmpty())
        return {};
    return QDir(workspaceRoot)
        .filePath(workspace::paths::environmentsFolder() + QLatin1Char('/') + environment +
                  QStringLiteral(".cookies.txt"));
}

void EnvironmentCookies::select(const QString &workspaceRoot, const QString &environment) {
    // The folder and the name together: two workspaces' "staging" environments keep apart.
    const QString session = workspaceRoot + QLatin1Char('|') + environment;
    if (session == m_session)
        return;
    if (!m_session.isEmpty())
        m_jar->fetch(m_session); // saved when it arrives
    m_session = session;
    const QString file = cookieFile(workspaceRoot, environment);
    m_files.insert(session, file);
    QList<client::Cookie> cookies;
    if (QFile in(file); !file.isEmpty() && in.open(QIODevice::ReadOnly))
        cookies = client::readCookieFile(in.readAll());
    m_lastWritten.insert(session, cookies);
    m_jar->replace(session, cookies);
}

void EnvironmentCookies::refresh() {
    if (!m_session.isEmpty())
        m_jar->fetch(m_session);
}

void EnvironmentCookies::replace(const QList<client::Cookie> &cookies) {
    if (!m_session.isEmpty())
        m_jar->replace(m_session, cookies);
}

void EnvironmentCookies::onCookiesFetched(const QString &session, const QList<client::Cookie> &cookies) {
    if (session == m_session)
        Q_EMIT cookiesChanged(cookies);
    const QString file = m_files.value(session);
    if (file.isEmpty() || m_lastWritten.value(session) == cookies)
        return;
    QString error;
    if (cookies.isEmpty() && !QFile::exists(file)) {
        m_lastWritten.insert(session, cookies);
        return;
    }
    if (!workspace::writeFileAtomically(file, client::writeCookieFile(cookies), &error)) {
        Q_EMIT saveFailed(tr("Cannot save the cookies to %1: %2").arg(file, error));
        return;
    }
    m_lastWritten.insert(session, cookies);
}

} // namespace triptych::session
