#pragma once

#include "app/workspace/requestdocument.h"

#include <QWidget>

class QCheckBox;
class QComboBox;

namespace triptych::ui {

class HttpOptionsEditor;

// A saved GraphQL request's options (docs/workspace.md): how it travels (POST, GET or one of the two WebSocket
// subprotocols), automatic persisted queries, and the HTTP options it shares with REST.
class GraphQLOptionsEditor : public QWidget {
    Q_OBJECT
public:
    explicit GraphQLOptionsEditor(QWidget *parent = nullptr);

    void setOptions(const workspace::RequestDocument &document);
    // Writes transport, persisted query and the HTTP options into `document`.
    void applyTo(workspace::RequestDocument &document) const;

    QComboBox *transportBox() const { return m_transport; }
    QCheckBox *persistedQueryCheck() const { return m_persisted; }
    HttpOptionsEditor *httpOptions() const { return m_http; }

private:
    QComboBox *m_transport;
    QCheckBox *m_persisted;
    HttpOptionsEditor *m_http;
};

} // namespace triptych::ui
