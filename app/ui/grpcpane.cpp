#include "app/ui/grpcpane.h"

#include "app/client/grpccaller.h"
#include "app/client/grpcreflection.h"
#include "app/editor/grpcmessageassist.h"
#include "app/model/keyvaluemodel.h"
#include "app/model/methodtreemodel.h"
#include "app/model/requestexample.h"
#include "app/ui/bodyformatter.h"
#include "app/ui/checkstab.h"
#include "app/ui/editorassist.h"
#include "app/ui/fonts.h"
#include "app/ui/grpcconnectioneditor.h"
#include "app/ui/noteseditor.h"
#include "app/ui/responseview.h"
#include "app/workspace/requestconversion.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QUrl>

#include <google/protobuf/descriptor.h>

#include <utility>

namespace triptych::ui {

namespace {
constexpr int kMaxDeadlineMs = 3'600'000;

QList<model::ServiceInfo> describeServices(const client::GrpcSchema &schema) {
    QList<model::ServiceInfo> services;
    for (const auto &serviceName : schema.services()) {
        model::ServiceInfo service{serviceName, {}};
        for (const auto &methodName : schema.methods(serviceName)) {
            const QString fullName = serviceName + QLatin1Char('/') + methodName;
            const auto *method = schema.findMethod(fullName);
            service.methods.append(
                {methodName, fullName, method && method->client_streaming(), method && method->server_streaming()});
        }
        services.append(service);
    }
    return services;
}
} // namespace

GrpcPane::GrpcPane(QWidget *parent)
    : ComposerPane(tr("gRPC"), accentFor(client::CallKind::Grpc), SyntaxLanguage::Json, parent)
    , m_caller(new client::GrpcCaller(this))
    , m_reflection(new client::GrpcReflection(this))
    , m_methods(new model::MethodTreeModel(this))
    , m_metadata(new model::KeyValueModel({tr("Key"), tr("Value")}, true, this))
    , m_target(new QLineEdit(this))
    , m_method(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_request(new QPlainTextEdit(this))
    , m_deadline(new QSpinBox(this))
    , m_sendAnother(new QPushButton(tr("Send another"), this))
    , m_halfClose(new QPushButton(tr("Half-close"), this)) {
    m_target->setText(m_embeddedTarget);
    m_target->setPlaceholderText(tr("host:port"));
    m_target->setAccessibleName(tr("gRPC target"));
    m_method->setAccessibleName(tr("gRPC method"));
    m_tree->setAccessibleName(tr("Services and methods"));
    m_request->setAccessibleName(tr("Request message as JSON"));
    m_deadline->setAccessibleName(tr("Deadline"));
    auto *reflect = new QPushButton(tr("Reflect"), this);
    reflect->setToolTip(tr("Load the target's services by server reflection"));
    auto *protoFiles = new QPushButton(tr(".proto…"), this);
    protoFiles->setToolTip(tr("Load services from .proto files instead"));
    connect(reflect, &QPushButton::clicked, this, &GrpcPane::loadSchema);
    connect(protoFiles, &QPushButton::clicked, this, &GrpcPane::onOpenProtoFiles);
    connect(m_target, &QLineEdit::returnPressed, this, &GrpcPane::loadSchema);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(reflect);
    targetRow->addWidget(protoFiles);
    composerLayout()->addLayout(targetRow);

    m_method->setPlaceholderText(tr("package.Service/Method"));
    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(m_method, 1);
    methodRow->addWidget(sendButton());
    composerLayout()->addLayout(methodRow);

    m_tree->setModel(m_methods);
    m_tree->setHeaderHidden(true);
    // Whole names and a horizontal scroll bar rather than "grpc.reflection.v1.ServerRe…"; full names in tooltips.
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setUniformRowHeights(true);
    connect(m_tree, &QTreeView::clicked, this, &GrpcPane::onMethodActivated);
    connect(m_method, &QLineEdit::textChanged, this, &GrpcPane::showMethodInTree);
    connect(m_tree, &QTreeView::activated, this, &GrpcPane::onMethodActivated);

    useFixedPitchFont(m_request);
    SyntaxHighlighting::instance().setLanguage(m_request->document(), SyntaxLanguage::Json);
    connect(m_request, &QPlainTextEdit::textChanged, this, &GrpcPane::onRequestChanged);
    auto *metadataView = new QTableView(this);
    metadataView->setAccessibleName(tr("Metadata"));
    metadataView->setModel(m_metadata);
    metadataView->horizontalHeader()->setStretchLastSection(true);
    metadataView->verticalHeader()->hide();
    auto *tabs = new QTabWidget(this);
    tabs->setAccessibleName(tr("gRPC request parts"));
    tabs->addTab(m_request, tr("Request"));
    tabs->addTab(metadataView, tr("Metadata"));
    // The deadline in a tab of its own, as the REST pane's timeout: the row under the tree stays narrow.
    auto *options = new QWidget(this);
    auto *optionsLayout = new QFormLayout(options);
    optionsLayout->addRow(tr("Deadline"), m_deadline);
    tabs->addTab(options, tr("Options"));
    m_connection = new GrpcConnectionEditor(this);
    m_notes = new NotesEditor(this);
    tabs->addTab(m_connection, tr("Schema && TLS"));
    tabs->addTab(m_notes, tr("Notes"));
    tabs->addTab(checksTab(), tr("Checks"));
    // Another schema source: the services are loaded again from it at the next send.
    connect(m_connection->sourceBox(), &QComboBox::currentIndexChanged, this, [this] { m_schema.reset(); });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(tabs);
    splitter->setSizes({1000, 1000});
    composerLayout()->addWidget(splitter, 1);
    m_assist = new EditorAssist(m_request, this);
    composerLayout()->addWidget(m_assist->diagnosticsView());
    connect(m_method, &QLineEdit::textChanged, this, &GrpcPane::updateMessageAssist);
    updateMessageAssist();

    m_deadline->setRange(1, kMaxDeadlineMs);
    m_deadline->setValue(client::grpclimits::kDefaultDeadlineMs);
    m_deadline->setSuffix(tr(" ms"));
    m_deadline->setToolTip(tr("Every call has a deadline; the server sees it and stops when it passes"));
    connect(m_sendAnother, &QPushButton::clicked, this, &GrpcPane::sendAnother);
    connect(m_halfClose, &QPushButton::clicked, this, &GrpcPane::halfClose);
    auto *streamRow = new QHBoxLayout;
    streamRow->addStretch();
    streamRow->addWidget(m_sendAnother);
    streamRow->addWidget(m_halfClose);
    composerLayout()->addLayout(streamRow);

    connect(m_reflection, &client::GrpcReflection::schemaLoaded, this, &GrpcPane::onSchemaLoaded);
    connect(m_reflection, &client::GrpcReflection::loadFailed, this, &GrpcPane::onSchemaFailed);
    connect(m_caller, &client::GrpcCaller::messagesReceived, this, &GrpcPane::onMessagesReceived);
    connect(m_caller, &client::GrpcCaller::callFinished, this, &GrpcPane::onCallEnded);
    connect(m_caller, &client::GrpcCaller::callFailed, this, &GrpcPane::onCallEnded);
    finishKeyboardOrder({m_target, reflect, protoFiles, m_method, sendButton(), m_tree, tabs, m_request, metadataView,
                         m_deadline, m_sendAnother, m_halfClose});
    applyPreset(0);
    updateStreamButtons();
}

QString GrpcPane::embeddedHttpTarget() const {
    return QUrl(m_httpBase).authority();
}

void GrpcPane::loadSchema() {
    if (loadSchemaFromDocument())
        return;
    client::ReflectionRequest request;
    request.target = resolvedText(m_target->text().trimmed());
    const workspace::GrpcPart grpc = toDocument().grpc;
    // Reflection is a gRPC stream, which gRPC-Web cannot carry: the embedded server's HTTP port reflects on its
    // gRPC port.
    if (grpc.transport != workspace::GrpcTransport::Grpc && request.target == embeddedHttpTarget())
        request.target = m_embeddedTarget;
    request.tls = {grpc.tls.enabled,
                   resolvedText(grpc.tls.caFile),
                   resolvedText(grpc.tls.clientCertificate),
                   resolvedText(grpc.tls.clientKey),
                   resolvedText(grpc.tls.authority),
                   grpc.tls.skipVerification};
    // The pane's metadata goes with it: some servers want credentials for reflection too.
    for (const auto &entry : grpc.metadata) {
        if (entry.enabled && !entry.name.trimmed().isEmpty())
            request.metadata.append({entry.name.trimmed().toLower().toUtf8(), resolvedText(entry.value).toUtf8()});
    }
    responseView()->setStreamState(tr("Loading services of %1 by reflection…").arg(request.target));
    m_reflection->load(request);
}

void GrpcPane::onSchemaLoaded(const client::GrpcSchemaPtr &schema, const QString &version) {
    setSchema(schema, tr("reflection %1").arg(version));
}

void GrpcPane::onSchemaFailed(const client::CallError &error) {
    m_sendWhenLoaded = false;
    setBusy(false);
    // The error's own text may already end with a sentence of advice; do not add a second full stop.
    QString reason = error.text().trimmed();
    while (reason.endsWith(QLatin1Char('.')))
        reason.chop(1);
    refuse(tr("Could not load the services of %1: %2. Check the target, or load .proto files.")
               .arg(m_target->text(), reason));
}

void GrpcPane::onOpenProtoFiles() {
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Open .proto files"), QString(), tr("Protocol Buffers (*.proto)"));
    if (files.isEmpty())
        return;
    QStringList importPaths;
    for (const auto &file : files)
        importPaths << QFileInfo(file).absolutePath();
    importPaths.removeDuplicates();
    QString error;
    auto schema = client::GrpcSchema::fromProtoFiles(files, importPaths, &error);
    // An import the files' own folders do not hold: the person names the folder it is found in (an import path, as
    // protoc's -I), as often as it takes.
    while (!schema &&
           QMessageBox::question(this, tr("Open .proto files"),
                                 tr("The .proto files did not load:\n%1\n\nIf an import is missing, choose the folder "
                                    "its path starts from (an import path, as protoc's -I).")
                                     .arg(error),
                                 QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Open) == QMessageBox::Open) {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Import path"), importPaths.value(0));
        if (folder.isEmpty())
            break;
        importPaths.append(folder);
        schema = client::GrpcSchema::fromProtoFiles(files, importPaths, &error);
    }
    if (!schema) {
        refuse(tr("The .proto files did not load: %1").arg(error));
        return;
    }
    setSchema(schema, tr("%n .proto file(s)", nullptr, int(files.size())));
}

void GrpcPane::setSchema(const client::GrpcSchemaPtr &schema, const QString &source) {
    m_schema = schema;
    updateMessageAssist();
    m_methods->setServices(describeServices(*schema));
    m_tree->expandAll();
    // Reflection and health are plumbing every server has; folded, the server's own services show first.
    for (int row = 0; row < m_methods->rowCount(); ++row) {
        const QModelIndex service = m_methods->index(row, 0);
        if (service.data().toString().startsWith(QLatin1String("grpc.")))
            m_tree->collapse(service);
    }
    responseView()->setStreamState(tr("%n service(s) from %1", nullptr, int(schema->services().size())).arg(source));
    showMethodInTree();
    updateStreamButtons();
    Q_EMIT schemaFinished();
    if (std::exchange(m_sendWhenLoaded, false)) {
        setBusy(false);
        send();
    }
}

void GrpcPane::showMethodInTree() {
    // The tree never claims a method the field does not hold.
    const auto current = m_methods->findMethod(m_method->text());
    if (current.isValid()) {
        m_tree->setCurrentIndex(current);
        m_tree->scrollTo(current);
    } else {
        m_tree->selectionModel()->clear();
    }
}

void GrpcPane::onMethodActivated(const QModelIndex &index) {
    if (index.parent().isValid())
        selectMethod(index.data(model::MethodTreeModel::FullNameRole).toString());
}

void GrpcPane::selectMethod(const QString &fullName) {
    if (!m_schema || fullName == m_method->text())
        return;
    m_method->setText(fullName);
    m_method->setCursorPosition(0);
    if (const auto *method = m_schema->findMethod(fullName))
        m_request->setPlainText(QString::fromUtf8(model::exampleRequest(m_schema->jsonTemplate(method->input_type()))));
    updateStreamButtons();
}

void GrpcPane::updateMessageAssist() {
    // The providers capture the schema and descriptor by value: the checks run on a worker thread.
    const auto *method = m_schema ? m_schema->findMethod(m_method->text()) : nullptr;
    const client::GrpcSchemaPtr schema = method ? m_schema : nullptr;
    const google::protobuf::Descriptor *input = method ? method->input_type() : nullptr;
    m_assist->setProviders(
        [schema, input](const QString &text, int position) {
            return schema ? editor::completeGrpcMessage(*schema, input, text, position) : editor::Completion();
        },
        [schema, input](const QString &text) {
            return schema ? editor::checkGrpcMessage(*schema, input, text) : QList<editor::GraphQLDiagnostic>();
        });
}

void GrpcPane::onRequestChanged() {
    setSendBlocked(validateJson(m_request, false));
}

bool GrpcPane::methodIsClientStreaming() const {
    const auto *method = m_schema ? m_schema->findMethod(m_method->text()) : nullptr;
    return method && method->client_streaming();
}

void GrpcPane::updateStreamButtons() {
    const bool open = isBusy() && methodIsClientStreaming();
    m_sendAnother->setEnabled(open);
    m_halfClose->setEnabled(open);
    const QString why = open ? QString() : tr("Only while a client or bidi stream is open");
    m_sendAnother->setToolTip(why.isEmpty() ? tr("Send the request editor's JSON on the open stream") : why);
    m_halfClose->setToolTip(why.isEmpty() ? tr("Tell the server no more messages will come") : why);
}

void GrpcPane::send() {
    cancel();
    // Through the saved-request form, so {{variables}} are resolved in every field; checked before the services
    // are loaded, as the target may be one of them.
    QString problem;
    const auto document = resolvedDocument(&problem);
    if (!document) {
        refuse(problem);
        return;
    }
    if (!m_schema) {
        // The first send loads the services, then sends.
        m_sendWhenLoaded = true;
        responseView()->begin(tr("Loading services…"));
        setBusy(true);
        loadSchema();
        return;
    }
    if (!m_schema->findMethod(document->grpc.method)) {
        refuse(tr("No method “%1” on %2. Pick one from the tree.").arg(document->grpc.method, document->grpc.target));
        return;
    }
    client::GrpcRequest request = workspace::toGrpcRequest(*document);
    request.halfCloseAfterMessages = !methodIsClientStreaming() || m_halfCloseAfterList;
    for (auto &entry : request.metadata)
        entry.first = entry.first.toLower(); // gRPC refuses upper-case metadata keys
    if (request.target == m_embeddedTarget || request.target == embeddedHttpTarget())
        request.traceBaseUrl = m_httpBase;
    // gRPC-Web to the embedded server in TLS mode is HTTPS, as its native gRPC port is TLS without being told.
    if (request.transport != client::GrpcTransport::Grpc && request.target == embeddedHttpTarget() &&
        m_httpBase.startsWith(QLatin1String("https:")))
        request.tls.enabled = true;
    responseView()->begin(tr("Calling %1…").arg(request.method));
    m_callId = m_caller->call(m_schema, std::move(request));
    setBusy(true);
    updateStreamButtons();
}

void GrpcPane::sendAnother() {
    QString error;
    // The stream stays open with its messages: the problem shows under the status, not instead of them.
    if (m_callId != 0 && !m_caller->send(m_callId, resolvedText(m_request->toPlainText()).toUtf8(), &error))
        responseView()->showAnswerErrors(tr("Not sent: %1").arg(error));
}

void GrpcPane::halfClose() {
    if (m_callId == 0)
        return;
    m_caller->halfClose(m_callId);
    m_halfClose->setEnabled(false);
    m_sendAnother->setEnabled(false);
    responseView()->setStreamState(tr("Half-closed · waiting for the server"));
}

void GrpcPane::cancel() {
    if (std::exchange(m_sendWhenLoaded, false))
        setBusy(false);
    if (m_callId == 0)
        return;
    const quint64 id = std::exchange(m_callId, 0);
    expectCancelledRecord(id);
    m_caller->cancel(id);
    setBusy(false);
    updateStreamButtons();
    responseView()->setStreamState(tr("Cancelling…"));
}

void GrpcPane::onMessagesReceived(quint64 id, const QList<client::StreamMessage> &messages) {
    if (id != m_callId)
        return;
    responseView()->addMessages(messages);
    responseView()->setStreamState(tr("Stream open · %n message(s)", nullptr, responseView()->messageCount()));
}

void GrpcPane::onCallEnded(const client::CallRecord &record) {
    if (takeCancelledRecord(record) || record.id != m_callId)
        return; // a cancelled call's record, or a replaced call
    m_callId = 0;
    finishCall(record);
    updateStreamButtons();
}

void GrpcPane::load(const client::CallRecord &record) {
    m_halfCloseAfterList = false;
    stopShowingCancelled();
    m_target->setText(record.url);
    m_method->setText(record.method.mid(record.method.startsWith(QLatin1Char('/')) ? 1 : 0));
    m_request->setPlainText(BodyFormatter::prettyText(record.requestBody));
    model::KeyValueModel::Pairs metadata;
    for (const auto &[name, value] : record.requestHeaders) {
        if (name != "traceparent")
            metadata.append({QString::fromLatin1(name), QString::fromUtf8(value)});
    }
    m_metadata->setPairs(metadata);
    responseView()->showRecord(record);
}

void GrpcPane::setServer(const session::ServerState &state) {
    const bool followsEmbedded = m_target->text() == m_embeddedTarget;
    const bool followsEmbeddedHttp = m_target->text() == embeddedHttpTarget();
    const QString before = m_target->text();
    m_embeddedTarget = state.grpcTarget();
    m_httpBase = state.httpBaseUrl();
    m_token = state.settings.token;
    if (followsEmbedded || followsEmbeddedHttp)
        m_target->setText(followsEmbedded ? m_embeddedTarget : embeddedHttpTarget());
    // The same embedded server on the same port has the same services: a restart that only switched TLS, the
    // gateway or a limit keeps them, so the next call is not preceded by reflection (which would make the TLS
    // handshake the call's lesson measures).
    if ((followsEmbedded || followsEmbeddedHttp) && m_target->text() != before)
        m_schema.reset();
}

void GrpcPane::applyTransport(client::GrpcTransport transport) {
    const auto wanted = transport == client::GrpcTransport::GrpcWeb       ? workspace::GrpcTransport::GrpcWeb
                        : transport == client::GrpcTransport::GrpcWebText ? workspace::GrpcTransport::GrpcWebText
                                                                          : workspace::GrpcTransport::Grpc;
    auto *box = m_connection->transportBox();
    const bool embedded = m_target->text() == m_embeddedTarget || m_target->text() == embeddedHttpTarget();
    const QString target = !embedded                                  ? m_target->text()
                           : wanted == workspace::GrpcTransport::Grpc ? m_embeddedTarget
                                                                      : embeddedHttpTarget();
    if (box->currentIndex() == int(wanted) && m_target->text() == target)
        return;
    if (!m_transportBefore)
        m_transportBefore = {box->currentIndex(), m_target->text()};
    box->setCurrentIndex(int(wanted));
    m_target->setText(target);
}

void GrpcPane::restoreTransport() {
    if (!m_transportBefore)
        return;
    const auto [index, target] = *std::exchange(m_transportBefore, std::nullopt);
    m_connection->transportBox()->setCurrentIndex(index);
    // A target that followed the embedded server follows it in the transport put back.
    const bool embedded = m_target->text() == m_embeddedTarget || m_target->text() == embeddedHttpTarget();
    const bool wasEmbedded = target == m_embeddedTarget || target == embeddedHttpTarget();
    m_target->setText(embedded && wasEmbedded
                          ? (index == int(workspace::GrpcTransport::Grpc) ? m_embeddedTarget : embeddedHttpTarget())
                          : target);
}

// Several messages as the editor holds them: a JSON array, which a send turns into one message each.
QByteArray GrpcPane::messageList(const QList<QByteArray> &messages) {
    QJsonArray list;
    for (const auto &message : messages)
        list.append(QJsonDocument::fromJson(message).object());
    return QJsonDocument(list).toJson(QJsonDocument::Indented).trimmed();
}

void GrpcPane::applyQuestion(const session::Question &question) {
    if (!question.grpc)
        return;
    const auto &grpc = *question.grpc;
    if (grpc.transport)
        applyTransport(*grpc.transport);
    m_method->setText(grpc.method);
    m_method->setCursorPosition(0); // the service's name in sight, not the end of the line
    m_request->setPlainText(QString::fromUtf8(grpc.requests.isEmpty() ? grpc.request : messageList(grpc.requests)));
    m_halfCloseAfterList = !grpc.requests.isEmpty();
    model::KeyValueModel::Pairs metadata;
    if (grpc.auth)
        metadata.append({QStringLiteral("authorization"), QStringLiteral("Bearer ") + m_token});
    m_metadata->setPairs(metadata);
    updateStreamButtons();
}

} // namespace triptych::ui
