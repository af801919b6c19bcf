#pragma once

#include "app/session/serverstate.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace triptych::ui {

// Edits the embedded server's settings; accepting restarts the server with them.
class ServerDialog : public QDialog {
    Q_OBJECT
public:
    explicit ServerDialog(const session::ServerSettings &settings, QWidget *parent = nullptr);

    session::ServerSettings settings() const;
    // The switches as a person would click them; also how tests drive the dialog.
    void setDataLoader(bool on);
    void setGateway(bool on);
    void setDbLatencyMs(int ms);
    void setTls(bool on, bool requireClientCertificates = false);

private:
    session::ServerSettings m_settings;
    QSpinBox *m_httpPort;
    QSpinBox *m_grpcPort;
    QSpinBox *m_rateLimit;
    QSpinBox *m_lifecycle;
    QSpinBox *m_dbLatency;
    QCheckBox *m_tracing;
    QCheckBox *m_dataLoader;
    QCheckBox *m_gateway;
    QCheckBox *m_tls;
    QCheckBox *m_tlsClientCertificates;
    QLineEdit *m_token;
    QLineEdit *m_apiKey;
};

} // namespace triptych::ui
