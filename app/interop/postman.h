#pragma once

#include "app/interop/importresult.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// Postman collections v2.0 and v2.1 and Postman environment files (docs/interop.md). Import keeps folders, requests,
// collection variables, basic/bearer/API-key auth (inherited from folders and the collection), every body mode and
// descriptions; scripts land in the notes and are reported as not run. Export writes v2.1, which newman runs.
namespace triptych::interop {

// `file` labels the diagnostics.
ImportResult importPostmanCollection(const QByteArray &bytes, const QString &file);
ImportResult importPostmanEnvironment(const QByteArray &bytes, const QString &file);
// Whether the JSON looks like a Postman collection (info.schema names Postman) or environment (values, no info).
bool looksLikePostmanCollection(const QByteArray &bytes);
bool looksLikePostmanEnvironment(const QByteArray &bytes);

struct PostmanExport {
    QByteArray collection;  // a v2.1 collection
    QByteArray environment; // a Postman environment, when one was given
    QStringList skipped;    // "<folder/name>: why" for what the format cannot hold (gRPC, GraphQL over WebSocket)
};

// Secret variables are written with empty values: the values stay in the keyring.
PostmanExport exportPostman(const QString &name, const QList<ImportedRequest> &requests,
                            const workspace::Environment *environment = nullptr);

} // namespace triptych::interop
