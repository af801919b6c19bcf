#include "app/ui/graphqloptionseditor.h"

#include "app/ui/httpoptionseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QVBoxLayout>

namespace triptych::ui {

GraphQLOptionsEditor::GraphQLOptionsEditor(QWidget *parent)
    : QWidget(parent)
    , m_transport(new QComboBox(this))
    , m_persisted(new QCheckBox(tr("Automatic persisted query (the hash first, the text when asked)"), this))
    , m_http(new HttpOptionsEditor(HttpOptionsEditor::Shown::All, this)) {
    // In the order of workspace::GraphQLTransport.
    m_transport->addItems({tr("HTTP POST"), tr("HTTP GET"), tr("WebSocket (graphql-transport-ws)"),
                           tr("WebSocket (subscriptions-transport-ws)")});
    m_transport->setAccessibleName(tr("GraphQL transport"));
    m_transport->setToolTip(tr("A subscription always goes over WebSocket"));
    auto *top = new QFormLayout;
    top->addRow(tr("Transport"), m_transport);
    top->addRow(m_persisted);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_http);
    layout->addStretch(1);
}

void GraphQLOptionsEditor::setOptions(const workspace::RequestDocument &document) {
    m_transport->setCurrentIndex(int(document.graphql.transport));
    m_persisted->setChecked(document.graphql.persistedQuery);
    m_http->setOptions(document.http.options);
}

void GraphQLOptionsEditor::applyTo(workspace::RequestDocument &document) const {
    document.graphql.transport = workspace::GraphQLTransport(m_transport->currentIndex());
    document.graphql.persistedQuery = m_persisted->isChecked();
    m_http->applyTo(document.http.options);
}

} // namespace triptych::ui
