// The GraphQL pane as a saved request (docs/workspace.md) and back.
#include "app/client/graphqlwsprotocol.h"
#include "app/ui/autheditor.h"
#include "app/ui/checkstab.h"
#include "app/ui/documentfields.h"
#include "app/ui/graphqloptionseditor.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/noteseditor.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace triptych::ui {

workspace::RequestDocument GraphQLPane::toDocument() const {
    workspace::RequestDocument document = loadedDocument();
    document.style = workspace::RequestStyle::GraphQL;
    document.http.url = m_url->text().trimmed();
    document.http.headers = documentfields::mergeEntries(document.http.headers, m_headers->pairs());
    document.http.auth = m_auth->auth();
    m_options->applyTo(document);
    document.notes = m_notes->notes();
    document.checks = checksTab()->entries();
    workspace::GraphQLPart &graphql = document.graphql;
    graphql.document = m_query->toPlainText();
    graphql.variables = m_variables->toPlainText();
    graphql.schemaCache = m_schemaCache;
    // The picker appears for several operations; with one, the loaded name stays as long as it names that one.
    const QStringList names = operationNames(graphql.document);
    if (names.size() > 1)
        graphql.operationName = m_operation->currentText();
    else if (!names.contains(graphql.operationName))
        graphql.operationName.clear();
    // The pane subscribes over WebSocket; the saved request says so, so that triptych-cli sends it the same way.
    const bool http = graphql.transport == workspace::GraphQLTransport::HttpPost ||
                      graphql.transport == workspace::GraphQLTransport::HttpGet;
    if (http && client::operationType(graphql.document, graphql.operationName) == client::OperationType::Subscription)
        graphql.transport = workspace::GraphQLTransport::TransportWs;
    return document;
}

void GraphQLPane::loadDocument(const workspace::RequestDocument &document) {
    setLoadedDocument(document);
    m_url->setText(document.http.url);
    m_url->setCursorPosition(0);
    m_query->setPlainText(document.graphql.document);
    m_variables->setPlainText(document.graphql.variables);
    if (!document.graphql.operationName.isEmpty())
        m_operation->setCurrentText(document.graphql.operationName);
    m_headers->setPairs(documentfields::enabledPairs(document.http.headers));
    m_auth->setAuth(document.http.auth);
    m_options->setOptions(document);
    m_notes->setNotes(document.notes);
    // Offline, the schema saved with the request is all there is; the URL's own replaces it once it answers.
    m_schemaCache = document.graphql.schemaCache;
    m_schemaCachedAt = {};
    if (!m_schemaCache.isEmpty())
        useCachedSchema();
    checksTab()->setEntries(document.checks);
}

} // namespace triptych::ui
