#include "app/ui/panerow.h"

#include "app/ui/graphqlpane.h"
#include "app/ui/grpcpane.h"
#include "app/ui/restpane.h"

#include <QApplication>

namespace triptych::ui {

PaneRow::PaneRow(QWidget *parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_rest(new RestPane(this))
    , m_graphql(new GraphQLPane(this))
    , m_grpc(new GrpcPane(this))
    , m_panes{m_rest, m_graphql, m_grpc} {
    for (auto *pane : std::as_const(m_panes)) {
        addWidget(pane);
        connect(pane->title(), &PaneTitle::doubleClicked, this, [this, pane] { toggleMaximised(pane); });
        connect(pane, &ComposerPane::callCompleted, this,
                [this, pane](const client::CallRecord &record) { onCallCompleted(pane, record); });
    }
    setChildrenCollapsible(false);
    // Equal columns: the splitter would otherwise follow each composer's size hint.
    setSizes({1000, 1000, 1000});
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { onFocusChanged(now); });
}

void PaneRow::onFocusChanged(QWidget *now) {
    for (auto *pane : std::as_const(m_panes)) {
        if (now && pane->isAncestorOf(now) && pane != m_lastPane) {
            m_lastPane = pane;
            const auto found = m_lastCalls.constFind(pane);
            if (found != m_lastCalls.constEnd())
                Q_EMIT currentCallChanged(*found);
        }
    }
}

void PaneRow::onCallCompleted(ComposerPane *pane, const client::CallRecord &record) {
    m_lastCalls.insert(pane, record);
    if (pane == focusedPane())
        Q_EMIT currentCallChanged(record);
}

void PaneRow::setServer(const session::ServerState &state) {
    for (auto *pane : std::as_const(m_panes))
        pane->setServer(state);
}

ComposerPane *PaneRow::paneFor(client::CallKind kind) const {
    switch (kind) {
    case client::CallKind::Rest:
        return m_rest;
    case client::CallKind::GraphQL:
    case client::CallKind::GraphQLWebSocket:
        return m_graphql;
    case client::CallKind::Grpc:
        return m_grpc;
    }
    return m_rest;
}

ComposerPane *PaneRow::focusedPane() const {
    for (QWidget *widget = QApplication::focusWidget(); widget; widget = widget->parentWidget()) {
        for (auto *pane : m_panes) {
            if (widget == pane)
                return pane;
        }
    }
    return m_lastPane ? m_lastPane : m_rest;
}

void PaneRow::toggleMaximised(ComposerPane *pane) {
    m_maximised = m_maximised == pane ? nullptr : pane;
    for (auto *other : std::as_const(m_panes))
        other->setVisible(!m_maximised || other == m_maximised);
}

void PaneRow::cancelFocused() {
    auto *focused = focusedPane();
    for (auto *pane : std::as_const(m_panes)) {
        if (pane->isBusy() && (pane == focused || !focused->isBusy()))
            pane->cancel();
    }
}

void PaneRow::sendFocused() {
    m_lastPane = focusedPane();
    m_lastPane->send();
}

void PaneRow::showRecord(const client::CallRecord &record) {
    auto *pane = paneFor(record.kind);
    pane->cancel();
    pane->load(record);
    m_lastPane = pane;
}

void PaneRow::resend(const client::CallRecord &record) {
    showRecord(record);
    paneFor(record.kind)->send();
}

} // namespace triptych::ui
