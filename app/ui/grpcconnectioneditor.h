#pragma once

#include "app/workspace/requestdocument.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace triptych::ui {

// Where a saved gRPC request's schema comes from and how it connects (docs/workspace.md, `proto` and `tls`):
// server reflection, .proto files with their import paths (one per line, relative to the workspace folder), or a
// descriptor set; plaintext or TLS with its files, authority and verification switch; native gRPC or gRPC-Web.
class GrpcConnectionEditor : public QWidget {
    Q_OBJECT
public:
    explicit GrpcConnectionEditor(QWidget *parent = nullptr);

    void setConnection(const workspace::GrpcPart &grpc);
    // Writes the schema source and TLS fields into `grpc`, leaving the others alone.
    void applyTo(workspace::GrpcPart &grpc) const;

    QComboBox *sourceBox() const { return m_source; }
    QComboBox *transportBox() const { return m_transport; }
    QPlainTextEdit *protoFilesEdit() const { return m_files; }
    QPlainTextEdit *importPathsEdit() const { return m_imports; }
    QLineEdit *descriptorSetEdit() const { return m_descriptorSet; }
    QCheckBox *tlsCheck() const { return m_tls; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QLineEdit *certificateEdit() const { return m_certificate; }
    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *authorityEdit() const { return m_authority; }
    QCheckBox *skipVerificationCheck() const { return m_skipVerification; }

private:
    void onSourceChanged(int source);

    QComboBox *m_source;
    QComboBox *m_transport; // in the order of workspace::GrpcTransport
    QPlainTextEdit *m_files;
    QPlainTextEdit *m_imports;
    QLineEdit *m_descriptorSet;
    QCheckBox *m_tls;
    QLineEdit *m_caFile;
    QLineEdit *m_certificate;
    QLineEdit *m_key;
    QLineEdit *m_authority;
    QCheckBox *m_skipVerification;
};

} // namespace triptych::ui
