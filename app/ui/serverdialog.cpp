#include "app/ui/serverdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace triptych::ui {

namespace {
constexpr int kMaxRateLimitPerSecond = 100'000;
constexpr int kMaxLifecycleStepMs = 600'000;
constexpr int kMaxDbLatencyMs = 1000; // as triptych-server --db-latency-ms allows

QSpinBox *portBox(int value, QWidget *parent) {
    auto *box = new QSpinBox(parent);
    box->setRange(0, 65535);
    box->setValue(value);
    box->setSpecialValueText(QObject::tr("any free port"));
    return box;
}
} // namespace

ServerDialog::ServerDialog(const session::ServerSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_httpPort(portBox(settings.httpPort, this))
    , m_grpcPort(portBox(settings.grpcPort, this))
    , m_rateLimit(new QSpinBox(this))
    , m_lifecycle(new QSpinBox(this))
    , m_dbLatency(new QSpinBox(this))
    , m_tracing(new QCheckBox(tr("Record spans, send traceresponse and Server-Timing"), this))
    , m_dataLoader(new QCheckBox(tr("Batch User.orders and User.friends (DataLoader)"), this))
    , m_gateway(new QCheckBox(tr("GraphQL resolvers call gRPC (gateway mode)"), this))
    , m_tls(new QCheckBox(tr("TLS: HTTPS, WSS and gRPC over TLS with a CA generated at start"), this))
    , m_tlsClientCertificates(new QCheckBox(tr("With TLS, require client certificates (mutual TLS)"), this))
    , m_token(new QLineEdit(settings.token, this))
    , m_apiKey(new QLineEdit(settings.apiKey, this)) {
    setWindowTitle(tr("Embedded server options"));
    m_rateLimit->setRange(0, kMaxRateLimitPerSecond);
    m_rateLimit->setValue(settings.rateLimitPerSecond);
    m_rateLimit->setSpecialValueText(tr("off"));
    m_rateLimit->setSuffix(tr(" requests/s"));
    m_lifecycle->setRange(0, kMaxLifecycleStepMs);
    m_lifecycle->setValue(settings.lifecycleStepMs);
    m_lifecycle->setSpecialValueText(tr("off (orders stay PENDING)"));
    m_lifecycle->setSuffix(tr(" ms per step"));
    m_dbLatency->setRange(0, kMaxDbLatencyMs);
    m_dbLatency->setValue(settings.dbLatencyMs);
    m_dbLatency->setSpecialValueText(tr("none (SQLite in process)"));
    m_dbLatency->setSuffix(tr(" ms per SQL statement"));
    m_dbLatency->setToolTip(tr("Each SQL statement first waits this long, as a round trip to a database on the "
                               "network does: with it, many small queries (N+1) cost what they would there"));
    m_tracing->setChecked(settings.tracing);
    m_dataLoader->setChecked(settings.dataLoader);
    m_dataLoader->setToolTip(tr("Off: every user's orders and friends are fetched one by one — the N+1 problem, "
                                "visible as many SQL spans in the trace"));
    m_gateway->setChecked(settings.gateway);
    m_gateway->setToolTip(tr("On: GraphQL resolvers call orders.v1.OrderService over loopback gRPC, with the "
                             "trace propagated, instead of the service layer in process"));
    m_tls->setChecked(settings.tls);
    m_tls->setToolTip(tr("The app trusts the generated CA for this server only; Ask all three then shows the TLS "
                         "handshake of each style"));
    m_tlsClientCertificates->setChecked(settings.tlsClientCertificates);
    m_tlsClientCertificates->setToolTip(tr("With TLS on: the server refuses clients without a certificate; the app "
                                           "presents the generated client certificate to this server"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Restart with these options"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("HTTP port"), m_httpPort);
    form->addRow(tr("gRPC port"), m_grpcPort);
    form->addRow(tr("Rate limit"), m_rateLimit);
    form->addRow(tr("Lifecycle speed"), m_lifecycle);
    form->addRow(tr("Database round trip"), m_dbLatency);
    form->addRow(tr("Bearer token"), m_token);
    form->addRow(tr("API key"), m_apiKey);
    form->addRow(m_tracing);
    form->addRow(m_dataLoader);
    form->addRow(m_gateway);
    form->addRow(m_tls);
    form->addRow(m_tlsClientCertificates);
    form->addRow(buttons);
}

void ServerDialog::setDataLoader(bool on) {
    m_dataLoader->setChecked(on);
}

void ServerDialog::setDbLatencyMs(int ms) {
    m_dbLatency->setValue(ms);
}

void ServerDialog::setGateway(bool on) {
    m_gateway->setChecked(on);
}

void ServerDialog::setTls(bool on, bool requireClientCertificates) {
    m_tls->setChecked(on);
    m_tlsClientCertificates->setChecked(requireClientCertificates);
}

session::ServerSettings ServerDialog::settings() const {
    session::ServerSettings settings = m_settings;
    settings.httpPort = m_httpPort->value();
    settings.grpcPort = m_grpcPort->value();
    settings.rateLimitPerSecond = m_rateLimit->value();
    settings.lifecycleStepMs = m_lifecycle->value();
    settings.dbLatencyMs = m_dbLatency->value();
    settings.tracing = m_tracing->isChecked();
    settings.dataLoader = m_dataLoader->isChecked();
    settings.gateway = m_gateway->isChecked();
    settings.tls = m_tls->isChecked();
    settings.tlsClientCertificates = m_tls->isChecked() && m_tlsClientCertificates->isChecked();
    settings.token = m_token->text();
    settings.apiKey = m_apiKey->text();
    return settings;
}

} // namespace triptych::ui
