#pragma once

#include <QString>
#include <QStringList>

// The workspaces a person opened, newest first, and the environment last active in each; kept in the application's
// settings (QSettings), so File ▸ Open recent lists them and the last one reopens at start.
namespace triptych::session::recentworkspaces {

constexpr int kMaxRecent = 10;

QStringList list();
// Puts `folder` first; the list keeps at most kMaxRecent folders.
void add(const QString &folder);
void remove(const QString &folder);
void clear();
// The workspace to reopen at start: the newest one that still exists; empty when none does.
QString last();

QString environment(const QString &folder);
void setEnvironment(const QString &folder, const QString &environment);

// The saved requests the panes showed when the workspace was last used, to show them again.
QStringList openRequests(const QString &folder);
void setOpenRequests(const QString &folder, const QStringList &paths);

} // namespace triptych::session::recentworkspaces
