#pragma once

#include "app/cli/cliprinter.h"
#include "app/client/graphqlcaller.h"
#include "app/editor/editorschema.h"

#include <QObject>
#include <QStringList>

namespace triptych::cli {

// `triptych-cli graphql lint --schema URL|FILE.graphql|FILE.json DOCUMENT…`: every error of every document, as
// the GraphQL engine (and so graphql-js) reports it, one `file:line:column: message` line each on stdout — a check
// for CI. Exit 0 when all are valid, 1 when any error, 2 when the schema or a document cannot be read (with why).
class CliLint : public QObject {
    Q_OBJECT
public:
    explicit CliLint(CliPrinter &printer, QObject *parent = nullptr);

    // `request` carries the headers, TLS and timeout for a schema given as a URL.
    void run(const QString &schemaSource, const QStringList &documents, const client::GraphQLRequest &request);

Q_SIGNALS:
    void lintFinished(int exitCode);

private:
    void lintAll(const editor::EditorSchema &schema);
    void onSchemaLoadFailed(const QString &why);

    CliPrinter &m_printer;
    QString m_source;
    QStringList m_documents;
};

// The lint lines of one document (`fileName:line:column: message`), empty when it is valid.
QStringList lintDocument(const editor::EditorSchema &schema, const QString &fileName, const QString &text);

} // namespace triptych::cli
