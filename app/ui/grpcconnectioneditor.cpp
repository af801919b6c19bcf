#include "app/ui/grpcconnectioneditor.h"

#include "app/ui/tlswarning.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace triptych::ui {

namespace {
constexpr int kListLines = 3; // the height of the files and import paths boxes, in lines

QPlainTextEdit *lineList(const QString &name, const QString &placeholder, QWidget *parent) {
    auto *edit = new QPlainTextEdit(parent);
    edit->setAccessibleName(name);
    edit->setPlaceholderText(placeholder);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFixedHeight(QFontMetrics(edit->font()).lineSpacing() * kListLines + 2 * edit->frameWidth() + 8);
    return edit;
}

QLineEdit *lineEdit(const QString &name, const QString &placeholder, QWidget *parent) {
    auto *edit = new QLineEdit(parent);
    edit->setAccessibleName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QStringList linesOf(const QPlainTextEdit *edit) {
    QStringList lines;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}
} // namespace

GrpcConnectionEditor::GrpcConnectionEditor(QWidget *parent)
    : QWidget(parent)
    , m_source(new QComboBox(this))
    , m_transport(new QComboBox(this))
    , m_files(lineList(tr(".proto files"), tr("orders/v1/orders.proto — one per line"), this))
    , m_imports(lineList(tr("Import paths"), tr("proto — one per line; empty: the workspace folder"), this))
    , m_descriptorSet(lineEdit(tr("Descriptor set file"), tr("protoc --descriptor_set_out file"), this))
    , m_tls(new QCheckBox(tr("TLS (plaintext when off)"), this))
    , m_caFile(lineEdit(tr("CA certificate file"), tr("PEM file; empty: the system's"), this))
    , m_certificate(lineEdit(tr("Client certificate file"), tr("PEM file, for mutual TLS"), this))
    , m_key(lineEdit(tr("Client key file"), tr("PEM file, for mutual TLS"), this))
    , m_authority(lineEdit(tr("Authority"), tr("the :authority and certificate name, when not the target's"), this))
    , m_skipVerification(new QCheckBox(tr("Skip TLS verification"), this)) {
    // In the order of workspace::ProtoSource.
    m_source->addItems({tr("Server reflection"), tr(".proto files"), tr("Descriptor set")});
    m_source->setAccessibleName(tr("Where the schema comes from"));
    m_transport->addItems({tr("gRPC (HTTP/2)"), tr("gRPC-Web, binary (HTTP/1.1)"), tr("gRPC-Web, text (HTTP/1.1)")});
    m_transport->setAccessibleName(tr("Transport"));
    m_transport->setToolTip(tr("gRPC-Web calls the target's HTTP port, as a browser behind a gRPC-Web proxy does; "
                               "unary and server-streaming methods only"));
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("Transport"), m_transport);
    layout->addRow(tr("Schema"), m_source);
    layout->addRow(tr("Files"), m_files);
    layout->addRow(tr("Import paths"), m_imports);
    layout->addRow(tr("Descriptor set"), m_descriptorSet);
    layout->addRow(m_tls);
    layout->addRow(tr("CA file"), m_caFile);
    layout->addRow(tr("Client certificate"), m_certificate);
    layout->addRow(tr("Client key"), m_key);
    layout->addRow(tr("Authority"), m_authority);
    layout->addRow(m_skipVerification);
    markAsTlsWarning(m_skipVerification);
    connect(m_source, &QComboBox::currentIndexChanged, this, &GrpcConnectionEditor::onSourceChanged);
    setConnection({});
}

void GrpcConnectionEditor::setConnection(const workspace::GrpcPart &grpc) {
    m_source->setCurrentIndex(int(grpc.protoSource));
    m_transport->setCurrentIndex(int(grpc.transport));
    m_files->setPlainText(grpc.protoFiles.join(QLatin1Char('\n')));
    m_imports->setPlainText(grpc.importPaths.join(QLatin1Char('\n')));
    m_descriptorSet->setText(grpc.descriptorSetFile);
    m_tls->setChecked(grpc.tls.enabled);
    m_caFile->setText(grpc.tls.caFile);
    m_certificate->setText(grpc.tls.clientCertificate);
    m_key->setText(grpc.tls.clientKey);
    m_authority->setText(grpc.tls.authority);
    m_skipVerification->setChecked(grpc.tls.skipVerification);
    onSourceChanged(m_source->currentIndex());
}

void GrpcConnectionEditor::applyTo(workspace::GrpcPart &grpc) const {
    grpc.protoSource = workspace::ProtoSource(m_source->currentIndex());
    grpc.transport = workspace::GrpcTransport(m_transport->currentIndex());
    grpc.protoFiles = linesOf(m_files);
    grpc.importPaths = linesOf(m_imports);
    grpc.descriptorSetFile = m_descriptorSet->text();
    grpc.tls.enabled = m_tls->isChecked();
    grpc.tls.caFile = m_caFile->text();
    grpc.tls.clientCertificate = m_certificate->text();
    grpc.tls.clientKey = m_key->text();
    grpc.tls.authority = m_authority->text();
    grpc.tls.skipVerification = m_skipVerification->isChecked();
}

void GrpcConnectionEditor::onSourceChanged(int source) {
    // Every source's fields are kept; the ones the chosen source does not use are greyed.
    const auto chosen = workspace::ProtoSource(source);
    m_files->setEnabled(chosen == workspace::ProtoSource::ProtoFiles);
    m_imports->setEnabled(chosen == workspace::ProtoSource::ProtoFiles);
    m_descriptorSet->setEnabled(chosen == workspace::ProtoSource::DescriptorSet);
}

} // namespace triptych::ui
