#include "app/cli/clilint.h"

#include "app/cli/clirunner.h"
#include "app/editor/graphqldiagnostics.h"
#include "app/editor/graphqlschemaloader.h"

#include <QFile>

namespace triptych::cli {

QStringList lintDocument(const editor::EditorSchema &schema, const QString &fileName, const QString &text) {
    QStringList lines;
    for (const editor::GraphQLDiagnostic &d : editor::diagnoseGraphQL(schema, text))
        lines.append(QStringLiteral("%1:%2:%3: %4").arg(fileName).arg(d.line).arg(d.column).arg(d.message));
    return lines;
}

CliLint::CliLint(CliPrinter &printer, QObject *parent)
    : QObject(parent)
    , m_printer(printer) {}

void CliLint::run(const QString &schemaSource, const QStringList &documents, const client::GraphQLRequest &request) {
    m_source = schemaSource;
    m_documents = documents;
    if (schemaSource.startsWith(QLatin1String("http://")) || schemaSource.startsWith(QLatin1String("https://"))) {
        auto *loader = new editor::GraphQLSchemaLoader(this);
        connect(loader, &editor::GraphQLSchemaLoader::schemaLoaded, this, &CliLint::lintAll);
        connect(loader, &editor::GraphQLSchemaLoader::schemaLoadFailed, this, &CliLint::onSchemaLoadFailed);
        client::GraphQLRequest introspection = request;
        introspection.url = schemaSource;
        loader->load(introspection);
        return;
    }
    QString error;
    const editor::EditorSchema schema = editor::EditorSchema::fromFile(schemaSource, &error);
    if (schema.isNull())
        return onSchemaLoadFailed(error);
    lintAll(schema);
}

void CliLint::onSchemaLoadFailed(const QString &why) {
    m_printer.printError(QStringLiteral("Cannot load the schema from %1: %2").arg(m_source, why));
    Q_EMIT lintFinished(kExitUsage);
}

void CliLint::lintAll(const editor::EditorSchema &schema) {
    int errors = 0, invalid = 0;
    for (const QString &path : std::as_const(m_documents)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_printer.printError(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
            return Q_EMIT lintFinished(kExitUsage);
        }
        const QStringList lines = lintDocument(schema, path, QString::fromUtf8(file.readAll()));
        for (const QString &line : lines)
            m_printer.printOut(line + QLatin1Char('\n'));
        errors += int(lines.size());
        invalid += lines.isEmpty() ? 0 : 1;
    }
    if (errors)
        m_printer.printError(
            QStringLiteral("%1 error(s) in %2 of %3 document(s)").arg(errors).arg(invalid).arg(m_documents.size()));
    Q_EMIT lintFinished(errors ? kExitCallFailed : kExitSuccess);
}

} // namespace triptych::cli
