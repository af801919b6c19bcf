#pragma once

#include "app/workspace/requestdocument.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace triptych::ui {

// A saved request's HTTP options (docs/workspace.md, `options`): timeout, redirects, gzip, HTTP version and the TLS
// files. The REST pane has its own timeout, redirect and skip-verification editors, so it shows only the rest
// (`Shown::Extras`); there setOptions()/applyTo() leave those three alone.
class HttpOptionsEditor : public QWidget {
    Q_OBJECT
public:
    enum class Shown { All, Extras };

    explicit HttpOptionsEditor(Shown shown = Shown::All, QWidget *parent = nullptr);

    void setOptions(const workspace::HttpOptions &options);
    // Writes the fields this editor shows into `options`.
    void applyTo(workspace::HttpOptions &options) const;

    QSpinBox *timeoutBox() const { return m_timeout; }
    QCheckBox *redirectsCheck() const { return m_redirects; }
    QCheckBox *gzipCheck() const { return m_gzip; }
    QComboBox *versionBox() const { return m_version; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QLineEdit *certificateEdit() const { return m_certificate; }
    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *serverNameEdit() const { return m_serverName; }
    QCheckBox *skipVerificationCheck() const { return m_skipVerification; }
    QLineEdit *proxyEdit() const { return m_proxy; }

private:
    Shown m_shown;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_redirects = nullptr;
    QCheckBox *m_gzip;
    QComboBox *m_version;
    QLineEdit *m_caFile;
    QLineEdit *m_certificate;
    QLineEdit *m_key;
    QLineEdit *m_serverName;
    QCheckBox *m_skipVerification = nullptr;
    QLineEdit *m_proxy = nullptr;
};

} // namespace triptych::ui
