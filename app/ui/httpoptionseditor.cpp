#include "app/ui/httpoptionseditor.h"

#include "app/ui/tlswarning.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace triptych::ui {

namespace {
constexpr int kMaxTimeoutMs = 3'600'000;

QLineEdit *fileEdit(const QString &name, const QString &placeholder, QWidget *parent) {
    auto *edit = new QLineEdit(parent);
    edit->setAccessibleName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}
} // namespace

HttpOptionsEditor::HttpOptionsEditor(Shown shown, QWidget *parent)
    : QWidget(parent)
    , m_shown(shown)
    , m_gzip(new QCheckBox(tr("Ask for a gzip answer"), this))
    , m_version(new QComboBox(this))
    , m_caFile(fileEdit(tr("CA certificate file"), tr("PEM file; empty: the system's"), this))
    , m_certificate(fileEdit(tr("Client certificate file"), tr("PEM file, for mutual TLS"), this))
    , m_key(fileEdit(tr("Client key file"), tr("PEM file, for mutual TLS"), this))
    , m_serverName(fileEdit(tr("TLS server name"), tr("when it differs from the URL's host"), this)) {
    auto *layout = new QFormLayout(this);
    if (shown == Shown::All) {
        m_timeout = new QSpinBox(this);
        m_timeout->setRange(0, kMaxTimeoutMs);
        m_timeout->setSuffix(tr(" ms"));
        m_timeout->setSpecialValueText(tr("none"));
        m_timeout->setAccessibleName(tr("Timeout"));
        m_redirects = new QCheckBox(tr("Follow redirects"), this);
        layout->addRow(tr("Timeout"), m_timeout);
        layout->addRow(m_redirects);
    }
    // In the order of workspace::HttpVersion.
    m_version->addItems({tr("Automatic"), tr("HTTP/1.1"), tr("HTTP/2"), tr("HTTP/2, prior knowledge")});
    m_version->setAccessibleName(tr("HTTP version"));
    layout->addRow(m_gzip);
    layout->addRow(tr("HTTP version"), m_version);
    m_proxy =
        fileEdit(tr("Proxy"), tr("system (*_proxy variables); or http://host:port, socks5h://host:port, direct"), this);
    layout->addRow(tr("Proxy"), m_proxy);
    layout->addRow(tr("CA file"), m_caFile);
    layout->addRow(tr("Client certificate"), m_certificate);
    layout->addRow(tr("Client key"), m_key);
    layout->addRow(tr("Server name"), m_serverName);
    if (shown == Shown::All) {
        m_skipVerification = new QCheckBox(tr("Skip TLS verification"), this);
        markAsTlsWarning(m_skipVerification);
        layout->addRow(m_skipVerification);
    }
    setOptions({});
}

void HttpOptionsEditor::setOptions(const workspace::HttpOptions &options) {
    if (m_shown == Shown::All) {
        m_timeout->setValue(options.timeoutMs);
        m_redirects->setChecked(options.followRedirects);
        m_skipVerification->setChecked(options.tls.skipVerification);
    }
    m_gzip->setChecked(options.acceptGzip);
    m_version->setCurrentIndex(int(options.httpVersion));
    m_proxy->setText(options.proxy);
    m_caFile->setText(options.tls.caFile);
    m_certificate->setText(options.tls.clientCertificate);
    m_key->setText(options.tls.clientKey);
    m_serverName->setText(options.tls.serverName);
}

void HttpOptionsEditor::applyTo(workspace::HttpOptions &options) const {
    if (m_shown == Shown::All) {
        options.timeoutMs = m_timeout->value();
        options.followRedirects = m_redirects->isChecked();
        options.tls.skipVerification = m_skipVerification->isChecked();
    }
    options.acceptGzip = m_gzip->isChecked();
    options.httpVersion = workspace::HttpVersion(m_version->currentIndex());
    options.proxy = m_proxy->text().trimmed();
    options.tls.caFile = m_caFile->text();
    options.tls.clientCertificate = m_certificate->text();
    options.tls.clientKey = m_key->text();
    options.tls.serverName = m_serverName->text();
}

} // namespace triptych::ui
