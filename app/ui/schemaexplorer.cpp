#include "app/ui/schemaexplorer.h"

#include "app/editor/explorermodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace triptych::ui {

SchemaExplorer::SchemaExplorer(QWidget *parent)
    : QWidget(parent)
    , m_model(new editor::ExplorerModel(this))
    , m_search(new QLineEdit(this))
    , m_backButton(new QToolButton(this))
    , m_forwardButton(new QToolButton(this))
    , m_header(new QLabel(this))
    , m_view(new QTreeView(this)) {
    m_search->setPlaceholderText(tr("Search types and fields"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the schema"));
    m_backButton->setArrowType(Qt::LeftArrow);
    m_backButton->setToolTip(tr("Back"));
    m_forwardButton->setArrowType(Qt::RightArrow);
    m_forwardButton->setToolTip(tr("Forward"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Schema types and fields"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_backButton);
    row->addWidget(m_forwardButton);
    row->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_header);
    layout->addWidget(m_view, 1);

    connect(m_backButton, &QToolButton::clicked, this, &SchemaExplorer::back);
    connect(m_forwardButton, &QToolButton::clicked, this, &SchemaExplorer::forward);
    connect(m_search, &QLineEdit::textChanged, this, &SchemaExplorer::search);
    connect(m_view, &QTreeView::clicked, this, &SchemaExplorer::onClicked);
    connect(m_view, &QTreeView::activated, this, &SchemaExplorer::onClicked);
    render();
}

void SchemaExplorer::setSchema(const editor::EditorSchema &schema) {
    m_schema = schema;
    m_back.clear();
    m_forward.clear();
    // The page stays where it was when the new schema still has that type.
    if (!m_current.isEmpty() && editor::explorerPage(schema, m_current).title.isEmpty())
        m_current.clear();
    render();
}

void SchemaExplorer::showType(const QString &typeName) {
    if (typeName == m_current && m_search->text().isEmpty())
        return;
    m_back.append(m_current);
    m_forward.clear();
    m_current = typeName;
    m_search->clear();
    render();
}

void SchemaExplorer::back() {
    if (m_back.isEmpty())
        return;
    m_forward.append(m_current);
    m_current = m_back.takeLast();
    render();
}

void SchemaExplorer::forward() {
    if (m_forward.isEmpty())
        return;
    m_back.append(m_current);
    m_current = m_forward.takeLast();
    render();
}

void SchemaExplorer::search(const QString &text) {
    if (m_search->text() != text)
        m_search->setText(text); // calls back here through textChanged
    else if (text.isEmpty())
        render();
    else {
        m_header->setText(tr("<b>Search</b>: types and fields named like “%1”").arg(text.toHtmlEscaped()));
        m_model->setRows(editor::searchSchema(m_schema, text));
    }
}

void SchemaExplorer::onClicked(const QModelIndex &index) {
    if (!index.isValid())
        return;
    const editor::ExplorerRow &row = m_model->rows().at(index.row());
    const bool insertable =
        row.kind == editor::ExplorerRow::Kind::Field && index.column() == editor::ExplorerModel::NameColumn;
    if (insertable) {
        Q_EMIT insertRequested(editor::fieldInsertion(m_schema, row.owner, row.name));
        Q_EMIT fieldInsertRequested(row.owner, row.name);
    } else if (!row.target.isEmpty())
        showType(row.target);
}

void SchemaExplorer::render() {
    m_backButton->setEnabled(canGoBack());
    m_forwardButton->setEnabled(canGoForward());
    if (m_schema.isNull()) {
        m_header->setText(tr("No schema yet: the GraphQL pane reads it from its URL, or from a file."));
        m_model->setRows({});
        return;
    }
    const editor::ExplorerPage page = editor::explorerPage(m_schema, m_current);
    QString header = QStringLiteral("<b>%1</b>").arg(page.title.toHtmlEscaped());
    if (!page.kind.isEmpty())
        header = page.kind + QLatin1Char(' ') + header;
    if (!page.implements.isEmpty())
        header += tr(" implements %1").arg(page.implements.join(QStringLiteral(" & ")).toHtmlEscaped());
    if (!page.description.isEmpty())
        header += QStringLiteral("<br>") + page.description.toHtmlEscaped();
    if (m_current.isEmpty())
        header += QStringLiteral("<br>") + tr("Click a type to open it; in a type, click a field to insert it.");
    m_header->setText(header);
    m_model->setRows(page.rows);
}

} // namespace triptych::ui
