#pragma once

#include <QList>
#include <QString>

namespace triptych::session {

// One library Triptych runs on: the version loaded now and the one it was compiled against (the same text when the
// library cannot tell them apart).
struct ComponentVersion {
    QString name;
    QString running;
    QString builtWith;
};

// What Help ▸ About shows and a bug report needs: Triptych's version, licence and homepage, and the versions of Qt,
// gRPC, Protobuf, libcurl and SQLite. Here because only session/ may see the server's and the client's libraries.
struct BuildInfo {
    QString version;
    QString licence;
    QString homepage;
    QList<ComponentVersion> components;

    // Plain text, one line each, to paste into a bug report.
    QString toText() const;
};

BuildInfo buildInfo();

} // namespace triptych::session
