#pragma once

#include "app/client/tlsinfo.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace triptych::model {
class KeyValueModel;
}

namespace triptych::ui {

// The response's Certificate section: the TLS protocol and cipher, whether the peer was verified (a red warning
// when verification was off), and each certificate of the chain the peer sent (subject, issuer, validity, SANs).
class CertificateView : public QWidget {
    Q_OBJECT
public:
    explicit CertificateView(QWidget *parent = nullptr);

    void showTls(const client::TlsInfo &tls);
    void clear();
    model::KeyValueModel *model() const { return m_fields; }
    QString summary() const;

private:
    QLabel *m_summary;
    QLabel *m_warning;
    model::KeyValueModel *m_fields;
    QTableView *m_table;
};

} // namespace triptych::ui
