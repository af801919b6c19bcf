#pragma once

#include "app/client/cookiejar.h"

#include <QHash>
#include <QObject>

namespace triptych::session {

// The cookie jar of the active environment (docs/client.md, "Cookies"): requests sent from the window name its cookie
// session, so each environment of each workspace keeps its own cookies. A workspace environment's jar is kept in
// environments/<name>.cookies.txt (curl's Netscape cookie file; never a secret store: cookies are not secrets the
// workspace could leave out); without a workspace the jar lives until the app ends.
class EnvironmentCookies : public QObject {
    Q_OBJECT
public:
    explicit EnvironmentCookies(QObject *parent = nullptr);

    // Empty `workspaceRoot`: no workspace. Saves the jar left behind, loads the new environment's file.
    void select(const QString &workspaceRoot, const QString &environment);
    QString session() const { return m_session; }
    QString filePath() const { return m_files.value(m_session); }

    // Reads the jar again (after a call, when the dialog opens) and saves it when it changed.
    void refresh();
    void replace(const QList<client::Cookie> &cookies);

    static QString cookieFile(const QString &workspaceRoot, const QString &environment);

Q_SIGNALS:
    void cookiesChanged(const QList<triptych::client::Cookie> &cookies);
    void saveFailed(const QString &error);

private:
    void onCookiesFetched(const QString &session, const QList<client::Cookie> &cookies);

    client::CookieJar *m_jar;
    QString m_session;
    QHash<QString, QString> m_files;                     // by session: its cookie file, empty when none
    QHash<QString, QList<client::Cookie>> m_lastWritten; // by session: what its file holds
};

} // namespace triptych::session
