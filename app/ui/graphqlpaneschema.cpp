// GraphQLPane's schema-aware editing (docs/editor.md): where the schema comes from, and the row that says so.
#include "app/ui/graphqlpane.h"

#include "app/editor/fieldinsertion.h"
#include "app/editor/graphqlcompleter.h"
#include "app/editor/graphqldiagnostics.h"
#include "app/editor/graphqlschemaloader.h"
#include "app/editor/schemacache.h"
#include "app/model/keyvaluemodel.h"
#include "app/ui/editorassist.h"
#include "app/workspace/requestconversion.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {
constexpr int kUrlSettleMs = 800; // the URL stops changing this long before its schema is fetched
}

void GraphQLPane::setupAssist() {
    m_assist = new EditorAssist(m_query, this);
    m_schemaLoader = new editor::GraphQLSchemaLoader(this);
    m_schemaStatus = new QLabel(this);
    m_schemaStatus->setWordWrap(true);
    m_schemaStatus->setAccessibleName(tr("GraphQL schema"));
    composerLayout()->addWidget(m_assist->diagnosticsView());
    m_variablesAssist = new EditorAssist(m_variables, this);
    m_variablesAssist->setProviders(
        [this](const QString &json, int position) {
            return editor::completeVariableNames(m_query->toPlainText(), json, position);
        },
        [](const QString &) { return QList<editor::GraphQLDiagnostic>(); }); // the pane checks the JSON itself

    auto *row = new QHBoxLayout;
    row->addWidget(m_schemaStatus, 1);
    const auto button = [this, row](const QString &text, const QString &tip, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, slot);
        row->addWidget(b);
        return b;
    };
    button(tr("Reload schema"), tr("Read the schema again by introspection of the URL"), &GraphQLPane::loadSchema);
    button(tr("Schema file…"), tr("Use an SDL (.graphql) or introspection (.json) file as the schema"), [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("GraphQL schema"), {},
                                                          tr("GraphQL schema (*.graphql *.graphqls *.gql *.json)"));
        if (!path.isEmpty())
            loadSchemaFile(path);
    });
    button(tr("Variables"), tr("Fill the variables with the operation's variable definitions"),
           &GraphQLPane::fillVariables);
    button(tr("Prettify"), tr("Format the query with the GraphQL engine's printer (Ctrl+Shift+F)"),
           [this] { m_assist->prettify(); });
    composerLayout()->addLayout(row);

    auto *prettify = new QAction(tr("Prettify the query"), this);
    prettify->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    prettify->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(prettify, &QAction::triggered, this, [this] { m_assist->prettify(); });
    addAction(prettify);

    auto *urlSettled = new QTimer(this);
    urlSettled->setSingleShot(true);
    urlSettled->setInterval(kUrlSettleMs);
    connect(m_url, &QLineEdit::textChanged, urlSettled, qOverload<>(&QTimer::start));
    connect(urlSettled, &QTimer::timeout, this, [this] {
        if (m_url->text().trimmed() != m_schemaSource)
            loadSchema();
    });
    connect(m_schemaLoader, &editor::GraphQLSchemaLoader::schemaLoaded, this,
            [this](const editor::EditorSchema &schema) {
                if (!m_schemaFromFile)
                    onSchemaLoaded(schema);
            });
    connect(m_schemaLoader, &editor::GraphQLSchemaLoader::schemaLoadFailed, this, [this](const QString &why) {
        if (!m_schemaFromFile)
            onSchemaLoadFailed(why);
    });
    connect(m_assist, &EditorAssist::diagnosticsChanged, this, &GraphQLPane::showSchemaStatus);
    showSchemaStatus();
}

void GraphQLPane::loadSchema() {
    // The pane's headers and auth go with the introspection, as with the request itself.
    QString problem;
    const auto document = resolvedDocument(&problem);
    client::GraphQLRequest request;
    if (document)
        request = workspace::toGraphQLRequest(*document);
    request.url = m_url->text().trimmed();
    m_schemaSource = request.url;
    m_schemaFromFile = false;
    m_schemaProblem.clear();
    m_schemaLoader->load(request);
    showSchemaStatus();
}

void GraphQLPane::loadSchemaFile(const QString &path) {
    QString error;
    const editor::EditorSchema schema = editor::EditorSchema::fromFile(path, &error);
    m_schemaSource = path;
    m_schemaFromFile = true;
    if (schema.isNull())
        return onSchemaLoadFailed(error);
    onSchemaLoaded(schema);
}

void GraphQLPane::onSchemaLoaded(const editor::EditorSchema &schema) {
    m_schemaProblem.clear();
    m_schemaCachedAt = {};
    m_assist->setSchema(schema);
    showSchemaStatus();
    Q_EMIT schemaFinished();
}

void GraphQLPane::insertIntoQuery(const QString &text) {
    QTextCursor cursor = m_query->textCursor();
    const QString line = cursor.block().text();
    qsizetype width = 0;
    while (width < line.size() && line.at(width).isSpace())
        ++width;
    const QString indent = line.left(width);
    cursor.insertText(QString(text).replace(QLatin1Char('\n'), QLatin1Char('\n') + indent));
    m_query->setTextCursor(cursor);
    m_query->setFocus();
}

void GraphQLPane::insertField(const QString &typeName, const QString &fieldName) {
    const editor::FieldInsertion insertion = editor::placeField(m_assist->schema(), m_query->toPlainText(),
                                                                m_query->textCursor().position(), typeName, fieldName);
    if (insertion.position < 0) {
        m_insertProblem = insertion.why;
        showSchemaStatus();
        return;
    }
    QTextCursor cursor(m_query->document());
    cursor.setPosition(insertion.position);
    cursor.setPosition(insertion.position + insertion.length, QTextCursor::KeepAnchor);
    cursor.insertText(insertion.text); // one step to undo
    cursor.setPosition(insertion.position + insertion.cursor);
    m_query->setTextCursor(cursor);
    m_query->setFocus();
}

void GraphQLPane::onSchemaLoadFailed(const QString &why) {
    m_schemaProblem = why;
    if (!m_schemaCachedAt.isValid() && !m_schemaCache.isEmpty())
        useCachedSchema();
    showSchemaStatus();
}

bool GraphQLPane::useCachedSchema() {
    QString error;
    const auto cached = editor::schemacache::load(workspaceFolder(), m_schemaCache, &error);
    if (cached.schema.isNull())
        return false;
    m_assist->setSchema(cached.schema);
    m_schemaCachedAt = cached.cachedAt;
    showSchemaStatus();
    Q_EMIT schemaFinished();
    return true;
}

void GraphQLPane::prepareSave(workspace::RequestDocument &document) {
    // A schema that came from the cache is already there; without a workspace there is nowhere to put it.
    if (m_assist->schema().isNull() || m_schemaCachedAt.isValid() || workspaceFolder().isEmpty())
        return;
    QString error;
    const QString reference = editor::schemacache::store(workspaceFolder(), m_assist->schema(), &error);
    if (reference.isEmpty())
        return; // the request is still saved; only offline completion is lost
    m_schemaCache = reference;
    document.graphql.schemaCache = reference;
}

QString GraphQLPane::schemaStatus() const {
    return m_schemaStatus->text();
}

void GraphQLPane::showSchemaStatus() {
    QString text;
    const bool reading = m_schemaLoader->isLoading() && !m_schemaFromFile;
    if (m_schemaCachedAt.isValid()) {
        text = tr("Schema: %n type(s), cached (%1) with the request.", nullptr, m_assist->schema().typeCount())
                   .arg(m_schemaCachedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        if (reading)
            text += QLatin1Char(' ') + tr("Reading %1…").arg(m_schemaSource);
        else if (!m_schemaProblem.isEmpty())
            text += QLatin1Char(' ') + tr("The URL's schema cannot be loaded (%1).").arg(m_schemaProblem);
    } else if (reading)
        text = tr("Schema: reading %1…").arg(m_schemaSource);
    else if (!m_schemaProblem.isEmpty())
        text = tr("Schema: cannot load it (%1). Syntax is still checked.").arg(m_schemaProblem);
    else if (m_assist->schema().isNull())
        text = tr("Schema: none yet. Syntax is checked; Reload schema reads it from the URL.");
    else
        text = tr("Schema: %n type(s) from %1.", nullptr, m_assist->schema().typeCount()).arg(m_schemaSource);
    if (!m_insertProblem.isEmpty())
        text += QLatin1Char(' ') + tr("Not inserted: %1").arg(m_insertProblem);
    if (const auto errors = m_assist->diagnostics().size())
        text += QLatin1Char(' ') +
                tr("%n error(s) in the query; you can still send it to see the server's answer.", nullptr, int(errors));
    m_schemaStatus->setText(text);
}

void GraphQLPane::fillVariables() {
    const QByteArray skeleton =
        editor::variablesSkeleton(m_assist->schema(), m_query->toPlainText(), m_operation->currentText());
    QJsonObject variables = QJsonDocument::fromJson(m_variables->toPlainText().toUtf8()).object();
    const QJsonObject wanted = QJsonDocument::fromJson(skeleton).object();
    for (auto it = wanted.begin(); it != wanted.end(); ++it)
        if (!variables.contains(it.key()))
            variables.insert(it.key(), it.value());
    m_variables->setPlainText(QString::fromUtf8(QJsonDocument(variables).toJson(QJsonDocument::Indented)));
}

} // namespace triptych::ui
