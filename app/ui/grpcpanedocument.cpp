// The gRPC pane as a saved request (docs/workspace.md) and back, and the schema a saved request names.
#include "app/interop/protoset.h"
#include "app/model/methodtreemodel.h"
#include "app/ui/checkstab.h"
#include "app/ui/documentfields.h"
#include "app/ui/grpcconnectioneditor.h"
#include "app/ui/grpcpane.h"
#include "app/ui/noteseditor.h"
#include "app/ui/responseview.h"

#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTreeView>

namespace triptych::ui {

workspace::RequestDocument GrpcPane::toDocument() const {
    workspace::RequestDocument document = loadedDocument();
    document.style = workspace::RequestStyle::Grpc;
    workspace::GrpcPart &grpc = document.grpc;
    grpc.target = m_target->text().trimmed();
    grpc.method = m_method->text().trimmed();
    grpc.message = m_request->toPlainText();
    grpc.metadata = documentfields::mergeEntries(grpc.metadata, m_metadata->pairs());
    grpc.deadlineMs = m_deadline->value();
    m_connection->applyTo(grpc);
    document.notes = m_notes->notes();
    document.checks = checksTab()->entries();
    return document;
}

void GrpcPane::loadDocument(const workspace::RequestDocument &document) {
    m_halfCloseAfterList = false;
    const workspace::GrpcPart &grpc = document.grpc;
    // Another server, or a schema from files: the services are loaded again at the next send.
    if (m_target->text().trimmed() != grpc.target || grpc.protoSource != workspace::ProtoSource::Reflection ||
        loadedDocument().grpc.protoSource != workspace::ProtoSource::Reflection) {
        m_schema.reset();
        m_methods->setServices({});
    }
    setLoadedDocument(document);
    m_target->setText(grpc.target);
    m_method->setText(grpc.method);
    m_request->setPlainText(grpc.message);
    m_metadata->setPairs(documentfields::enabledPairs(grpc.metadata));
    m_deadline->setValue(grpc.deadlineMs);
    m_connection->setConnection(grpc);
    m_notes->setNotes(document.notes);
    checksTab()->setEntries(document.checks);
    const auto current = m_methods->findMethod(grpc.method);
    if (current.isValid())
        m_tree->setCurrentIndex(current);
    updateStreamButtons();
}

bool GrpcPane::loadSchemaFromDocument() {
    const workspace::GrpcPart grpc = toDocument().grpc; // the Schema & TLS tab as it is now
    const QDir folder(workspaceFolder().isEmpty() ? QDir::currentPath() : workspaceFolder());
    if (grpc.protoSource == workspace::ProtoSource::DescriptorSet)
        return loadDescriptorSet(folder.absoluteFilePath(resolvedText(grpc.descriptorSetFile)));
    if (grpc.protoSource != workspace::ProtoSource::ProtoFiles || grpc.protoFiles.isEmpty())
        return false;
    // Import paths are relative to the workspace folder; the files are named as imports name them.
    QStringList importPaths;
    for (const QString &path : grpc.importPaths)
        importPaths.append(folder.absoluteFilePath(resolvedText(path)));
    if (importPaths.isEmpty())
        importPaths.append(folder.absolutePath());
    QStringList files;
    for (const QString &file : grpc.protoFiles)
        files.append(resolvedText(file));
    QString error;
    auto schema = client::GrpcSchema::fromProtoFiles(files, importPaths, &error);
    if (!schema) {
        m_sendWhenLoaded = false;
        setBusy(false);
        responseView()->showProblem(tr("The request's .proto files did not load: %1").arg(error));
        return true;
    }
    setSchema(schema, tr("%n .proto file(s)", nullptr, int(files.size())));
    return true;
}

bool GrpcPane::loadDescriptorSet(const QString &path) {
    QString error;
    auto schema = interop::schemaFromDescriptorSetFile(path, QString(), &error);
    if (!schema) {
        m_sendWhenLoaded = false;
        setBusy(false);
        responseView()->showProblem(tr("The request's descriptor set did not load: %1").arg(error));
        return true;
    }
    setSchema(schema, tr("the descriptor set %1").arg(QFileInfo(path).fileName()));
    return true;
}

} // namespace triptych::ui
