#include "app/ui/certificateview.h"

#include "app/model/keyvaluemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace triptych::ui {

namespace {

// A date as it reads in the log of a server: UTC, to the second; an expired one says so.
QString validity(const client::PeerCertificate &certificate) {
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'");
    QString text = CertificateView::tr("%1 to %2")
                       .arg(certificate.notBefore.toString(format), certificate.notAfter.toString(format));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (certificate.notAfter < now)
        text += CertificateView::tr(" — expired");
    else if (certificate.notBefore > now)
        text += CertificateView::tr(" — not valid yet");
    return text;
}

} // namespace

CertificateView::CertificateView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(tr("No TLS: the call was plaintext."), this))
    , m_warning(new QLabel(this))
    , m_fields(new model::KeyValueModel({tr("Field"), tr("Value")}, false, this))
    , m_table(new QTableView(this)) {
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #c01c28; font-weight: bold;"));
    m_warning->hide();
    m_table->setModel(m_fields);
    m_table->setAccessibleName(tr("Peer certificates"));
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_warning);
    layout->addWidget(m_table, 1);
}

void CertificateView::clear() {
    m_summary->setText(tr("No TLS: the call was plaintext."));
    m_warning->hide();
    m_fields->setPairs({});
}

QString CertificateView::summary() const {
    return m_summary->text() + (!m_warning->isHidden() ? QLatin1Char('\n') + m_warning->text() : QString());
}

void CertificateView::showTls(const client::TlsInfo &tls) {
    if (!tls.secured)
        return clear();
    QStringList parts;
    parts << (tls.protocol.isEmpty() ? tr("TLS (version not reported)") : tls.protocol);
    if (!tls.cipher.isEmpty())
        parts << tls.cipher;
    parts << tr("%n certificate(s) from the peer", nullptr, int(tls.chain.size()));
    if (tls.sessionReused)
        parts << tr("connection reused");
    QString summary = parts.join(QStringLiteral(" · "));
    if (!tls.note.isEmpty())
        summary += QLatin1Char('\n') + tls.note;
    m_summary->setText(summary);
    m_warning->setText(tr("Verification was OFF for this call: this certificate was not checked, anyone on the "
                          "path could have read and changed the call."));
    m_warning->setVisible(!tls.verified);
    // Never a blank: what the transport did not report says so, and the note above says why.
    const QString notReported = tr("not reported by this transport");
    model::KeyValueModel::Pairs pairs{{tr("Protocol"), tls.protocol.isEmpty() ? notReported : tls.protocol},
                                      {tr("Cipher"), tls.cipher.isEmpty() ? notReported : tls.cipher}};
    for (const auto &[name, value] : tls.properties)
        pairs.append({name, value});
    for (int i = 0; i < tls.chain.size(); ++i) {
        const auto &certificate = tls.chain.at(i);
        const QString which = i == 0 ? tr("Leaf") : tr("Issuer %1").arg(i);
        pairs.append({which + tr(" subject"), certificate.subject});
        pairs.append({which + tr(" issuer"), certificate.issuer});
        pairs.append({which + tr(" valid"), validity(certificate)});
        if (!certificate.subjectAltNames.isEmpty())
            pairs.append({which + tr(" names (SAN)"), certificate.subjectAltNames.join(QStringLiteral(", "))});
    }
    m_fields->setPairs(pairs);
}

} // namespace triptych::ui
