#include "app/ui/restpane.h"

#include "app/client/responselimit.h"
#include "app/client/restcaller.h"
#include "app/client/restrequest.h"
#include "app/interop/curlimport.h"
#include "app/model/keyvaluemodel.h"
#include "app/session/questionrequests.h"
#include "app/ui/checkstab.h"
#include "app/ui/fonts.h"
#include "app/ui/httpoptionseditor.h"
#include "app/ui/multiparteditor.h"
#include "app/ui/noteseditor.h"
#include "app/ui/responseview.h"
#include "app/ui/tlswarning.h"
#include "app/ui/websocketpanel.h"
#include "app/workspace/requestconversion.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>

namespace triptych::ui {

namespace {
enum BodyPage { NoBody, JsonBody, RawBody, FormBody, FileBody };
constexpr int kMaxTimeoutMs = 600'000; // ten minutes: longer is a hang, not a slow server

// How many characters an edit from `before` to `after` put in: what is left of `after` without the common ends.
qsizetype insertedLength(const QString &before, const QString &after) {
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    return after.size() - prefix - suffix;
}

QTableView *createEditableTable(QAbstractItemModel *model, QWidget *parent) {
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->hide();
    fitRowsToFont(view, 8);
    return view;
}
} // namespace

RestPane::RestPane(QWidget *parent)
    : ComposerPane(tr("REST"), accentFor(client::CallKind::Rest), SyntaxLanguage::Json, parent)
    , m_caller(new client::RestCaller(this))
    // Editable at once, so its line edit follows it in the Tab order rather than the widgets made after it.
    , m_method([this] {
        auto *box = new QComboBox(this);
        box->setEditable(true);
        return box;
    }())
    , m_url(new QLineEdit(this))
    , m_params(new model::KeyValueModel({tr("Parameter"), tr("Value")}, true, this))
    , m_headers(new model::KeyValueModel({tr("Header"), tr("Value")}, true, this))
    , m_form(new model::KeyValueModel({tr("Field"), tr("Value")}, true, this)) {
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_url->setPlaceholderText(tr("http://127.0.0.1:8080/v1/users/42"));
    m_url->setClearButtonEnabled(true);
    connect(m_url, &QLineEdit::editingFinished, this, &RestPane::onUrlEdited);
    // The last two texts of the field: a paste is told from typing by how much one edit put in.
    connect(m_url, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_urlBefore = std::exchange(m_urlNow, text); });
    connect(m_url, &QLineEdit::textEdited, this, &RestPane::onUrlTextEdited);
    connect(m_url, &QLineEdit::returnPressed, this, [this] {
        if (interop::looksLikeCurlCommand(m_url->text()))
            Q_EMIT curlCommandEntered(m_url->text());
        else
            send();
    });

    auto *row = new QHBoxLayout;
    row->addWidget(m_method);
    row->addWidget(m_url, 1);
    row->addWidget(sendButton());
    composerLayout()->addLayout(row);

    auto *tabs = new QTabWidget(this);
    auto *params = createEditableTable(m_params, this);
    auto *headers = createEditableTable(m_headers, this);
    tabs->addTab(params, tr("Params"));
    tabs->addTab(headers, tr("Headers"));
    tabs->addTab(createBodyTab(), tr("Body"));
    tabs->addTab(createAuthTab(), tr("Auth"));
    tabs->addTab(createOptionsTab(), tr("Options"));
    m_notes = new NotesEditor(this);
    tabs->addTab(m_notes, tr("Notes"));
    tabs->addTab(checksTab(), tr("Checks"));
    composerLayout()->addWidget(tabs, 1);
    createWebSocketPanel();
    m_method->setAccessibleName(tr("HTTP method"));
    m_url->setAccessibleName(tr("REST URL"));
    tabs->setAccessibleName(tr("REST request parts"));
    params->setAccessibleName(tr("Query parameters"));
    headers->setAccessibleName(tr("Request headers"));

    connect(m_caller, &client::RestCaller::messagesReceived, this, &RestPane::onMessagesReceived);
    connect(m_caller, &client::RestCaller::callFinished, this, &RestPane::onCallEnded);
    connect(m_caller, &client::RestCaller::callFailed, this, &RestPane::onCallEnded);
    finishKeyboardOrder({m_method,         m_url,      sendButton(),      tabs,
                         params,           headers,    m_bodyKind,        m_jsonBody,
                         m_rawContentType, m_rawBody,  m_formView,        m_filePath,
                         m_browse,         m_authKind, m_authUser,        m_authSecret,
                         m_demo,           m_timeout,  m_followRedirects, m_skipTlsVerification});
    applyPreset(0);
}

QWidget *RestPane::createBodyTab() {
    auto *tab = new QWidget(this);
    m_bodyKind = new QComboBox(tab);
    m_bodyKind->addItems({tr("None"), tr("JSON"), tr("Raw"), tr("Form"), tr("File"), tr("Multipart")});
    m_bodyKind->setAccessibleName(tr("Body kind"));
    m_bodyStack = new QStackedWidget(tab);
    m_bodyStack->addWidget(new QLabel(tr("This request has no body."), tab));

    auto *jsonPage = new QWidget(tab);
    m_jsonBody = new QPlainTextEdit(jsonPage);
    m_jsonBody->setAccessibleName(tr("JSON body"));
    useFixedPitchFont(m_jsonBody);
    m_jsonProblem = new QLabel(jsonPage);
    m_jsonProblem->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_jsonProblem->setWordWrap(true);
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    jsonLayout->addWidget(m_jsonBody, 1);
    jsonLayout->addWidget(m_jsonProblem);
    SyntaxHighlighting::instance().setLanguage(m_jsonBody->document(), SyntaxLanguage::Json);
    m_bodyStack->addWidget(jsonPage);

    auto *rawPage = new QWidget(tab);
    m_rawBody = new QPlainTextEdit(rawPage);
    m_rawBody->setAccessibleName(tr("Raw body"));
    m_rawContentType = new QLineEdit(QStringLiteral("text/plain"), rawPage);
    auto *rawLayout = new QFormLayout(rawPage);
    rawLayout->addRow(tr("Content-Type"), m_rawContentType);
    rawLayout->addRow(m_rawBody);
    m_bodyStack->addWidget(rawPage);

    m_formView = createEditableTable(m_form, tab);
    m_formView->setAccessibleName(tr("Form fields"));
    m_bodyStack->addWidget(m_formView);

    auto *filePage = new QWidget(tab);
    m_filePath = new QLineEdit(filePage);
    m_filePath->setPlaceholderText(tr("A file to send as the body"));
    m_filePath->setAccessibleName(tr("Body file"));
    m_browse = new QPushButton(tr("Choose…"), filePage);
    connect(m_browse, &QPushButton::clicked, this, &RestPane::onBrowseFile);
    auto *fileLayout = new QHBoxLayout(filePage);
    fileLayout->addWidget(m_filePath, 1);
    fileLayout->addWidget(m_browse);
    m_bodyStack->addWidget(filePage);
    m_multipart = new MultipartEditor(tab);
    m_bodyStack->addWidget(m_multipart);

    connect(m_bodyKind, &QComboBox::currentIndexChanged, m_bodyStack, &QStackedWidget::setCurrentIndex);
    connect(m_bodyKind, &QComboBox::currentIndexChanged, this, &RestPane::onBodyChanged);
    connect(m_jsonBody, &QPlainTextEdit::textChanged, this, &RestPane::onBodyChanged);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_bodyKind, 0, Qt::AlignLeft);
    layout->addWidget(m_bodyStack, 1);
    return tab;
}

QWidget *RestPane::createAuthTab() {
    auto *tab = new QWidget(this);
    m_authKind = new QComboBox(tab);
    m_authKind->addItems({tr("None"), tr("Basic"), tr("Bearer token"), tr("API key (X-API-Key)")});
    m_authUser = new QLineEdit(tab);
    m_authUser->setPlaceholderText(tr("user (Basic only)"));
    m_authSecret = new QLineEdit(tab);
    m_authSecret->setPlaceholderText(tr("password, token or key"));
    m_demo = new QPushButton(tr("Use the embedded server's demo token"), tab);
    connect(m_demo, &QPushButton::clicked, this, &RestPane::onUseDemoCredentials);
    auto *layout = new QFormLayout(tab);
    layout->addRow(tr("Kind"), m_authKind);
    layout->addRow(tr("User"), m_authUser);
    layout->addRow(tr("Secret"), m_authSecret);
    // An API key's header or parameter name, and where it goes (the secret above is its value).
    m_apiKeyName = new QLineEdit(QStringLiteral("X-API-Key"), tab);
    m_apiKeyName->setAccessibleName(tr("API key name"));
    m_apiKeyIn = new QComboBox(tab);
    m_apiKeyIn->addItems({tr("a header"), tr("a query parameter")}); // in the order of workspace::ApiKeyPlacement
    m_apiKeyIn->setAccessibleName(tr("Where the API key goes"));
    layout->addRow(tr("Key name"), m_apiKeyName);
    layout->addRow(tr("Key sent in"), m_apiKeyIn);
    layout->addRow(m_demo);
    return tab;
}

QWidget *RestPane::createOptionsTab() {
    auto *tab = new QWidget(this);
    m_timeout = new QSpinBox(tab);
    m_timeout->setRange(0, kMaxTimeoutMs);
    m_timeout->setSpecialValueText(tr("none (streams)"));
    m_timeout->setValue(client::restlimits::kDefaultTimeoutMs);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setToolTip(tr("The whole call, from connecting to the last byte; a stuck server fails with a clear "
                             "error instead of spinning forever"));
    m_followRedirects = new QCheckBox(tr("Follow redirects (up to %1)").arg(client::restlimits::kMaxRedirects), tab);
    m_followRedirects->setChecked(true);
    m_skipTlsVerification = new QCheckBox(tr("Skip TLS verification"), tab);
    markAsTlsWarning(m_skipTlsVerification);
    m_skipTlsVerification->setToolTip(tr("For self-signed test servers. The call is marked with a warning: anyone in "
                                         "between could read it"));
    auto *layout = new QFormLayout(tab);
    layout->addRow(tr("Timeout"), m_timeout);
    layout->addRow(m_followRedirects);
    layout->addRow(m_skipTlsVerification);
    m_moreOptions = new HttpOptionsEditor(HttpOptionsEditor::Shown::Extras, tab);
    layout->addRow(m_moreOptions);
    return tab;
}

void RestPane::onUseDemoCredentials() {
    m_authKind->setCurrentIndex(int(client::AuthKind::Bearer));
    m_authSecret->setText(m_token);
}

void RestPane::onBrowseFile() {
    auto *dialog = new QFileDialog(this, tr("Choose the body file"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, m_filePath, &QLineEdit::setText);
    dialog->open();
}

void RestPane::onUrlTextEdited(const QString &text) {
    // A paste puts in many characters at once; typing "curl …" waits for Enter, so a half-typed command is not read.
    // Qt 6.4 signals textEdited before textChanged, so m_urlNow is still the text before; either order works.
    const QString &before = m_urlNow == text ? m_urlBefore : m_urlNow;
    if (insertedLength(before, text) > 1 && interop::looksLikeCurlCommand(text))
        Q_EMIT curlCommandEntered(text);
}

void RestPane::onUrlEdited() {
    if (interop::looksLikeCurlCommand(m_url->text()))
        return; // a command, not a URL: its query is not the table's
    // A query typed into the URL moves into the table, so there is one place to edit it. Split as text: QUrl would
    // percent-encode the braces of {{variables}}.
    const QString text = m_url->text().trimmed();
    const qsizetype query = text.indexOf(QLatin1Char('?'));
    if (query < 0)
        return;
    auto pairs = m_params->pairs();
    const QString fragment = text.mid(query + 1).section(QLatin1Char('#'), 0, 0);
    for (const auto &[key, value] : QUrlQuery(fragment).queryItems(QUrl::FullyDecoded))
        pairs.append({key, value});
    m_params->setPairs(pairs);
    showUrl(text.left(query));
}

void RestPane::showUrl(const QString &url) {
    m_url->setText(url);
    m_url->setCursorPosition(0); // "http://…" from its start; setText alone scrolls to the end and cuts the scheme
}

void RestPane::onBodyChanged() {
    const bool json = m_bodyKind->currentIndex() == JsonBody;
    const QString problem = json ? validateJson(m_jsonBody, true) : QString();
    m_jsonProblem->setText(problem);
    setSendBlocked(problem);
}

bool RestPane::buildRequest(client::RestRequest &request, QString *problem) const {
    // Through the saved-request form, so {{variables}} are resolved in every field and what is sent is what Ctrl+S
    // saves.
    const auto document = resolvedDocument(problem);
    if (!document)
        return false;
    const QUrl url(document->http.url);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        *problem = tr("“%1” is not a full URL. Write it like %2/v1/users/42.").arg(document->http.url, m_baseUrl);
        return false;
    }
    request = workspace::toRestRequest(*document);
    request.url = url.toString();
    request.cookieSession = cookieSession();
    if (request.timeoutMs > 0)
        request.connectTimeoutMs = std::min(request.connectTimeoutMs, request.timeoutMs);
    return true;
}

void RestPane::send() {
    cancel();
    client::RestRequest request;
    QString problem;
    if (!buildRequest(request, &problem)) {
        refuse(problem);
        return;
    }
    request.spoolAboveBytes = client::responselimits::kSpoolAboveBytes; // a huge body goes to disk, not memory
    if (WebSocketPanel::isWebSocketUrl(request.url)) {
        m_webSocket->open(request);
        setBusy(true); // until the connection ends: Cancel closes it
        return;
    }
    responseView()->begin(tr("Sending %1 %2…").arg(QString::fromLatin1(request.method), request.url));
    m_callId = m_caller->send(std::move(request));
    setBusy(true);
}

void RestPane::cancel() {
    if (m_webSocket->isOpen())
        m_webSocket->closeSocket();
    if (m_callId == 0)
        return;
    const quint64 id = std::exchange(m_callId, 0);
    expectCancelledRecord(id);
    m_caller->cancel(id);
    setBusy(false);
    responseView()->setStreamState(tr("Cancelling…"));
}

void RestPane::createWebSocketPanel() {
    m_webSocket = new WebSocketPanel(responseView(), this);
    m_webSocket->hide();
    composerLayout()->addWidget(m_webSocket);
    connect(m_url, &QLineEdit::textChanged, m_webSocket,
            [this](const QString &text) { m_webSocket->setVisible(WebSocketPanel::isWebSocketUrl(text)); });
    connect(m_webSocket, &WebSocketPanel::connectionEnded, this, &RestPane::finishCall);
}

void RestPane::onMessagesReceived(quint64 id, const QList<client::StreamMessage> &messages) {
    if (id != m_callId)
        return;
    responseView()->addMessages(messages);
    responseView()->setStreamState(tr("Stream open · %n message(s)", nullptr, responseView()->messageCount()));
}

void RestPane::onCallEnded(const client::CallRecord &record) {
    if (takeCancelledRecord(record) || record.id != m_callId)
        return; // a cancelled call's record, or a replaced call
    m_callId = 0;
    finishCall(record);
}

void RestPane::load(const client::CallRecord &record) {
    stopShowingCancelled();
    m_method->setCurrentText(record.method);
    showUrl(record.url);
    m_params->setPairs({});
    model::KeyValueModel::Pairs headers;
    for (const auto &[name, value] : record.requestHeaders) {
        if (name.compare("traceparent", Qt::CaseInsensitive) != 0)
            headers.append({QString::fromLatin1(name), QString::fromUtf8(value)});
    }
    m_headers->setPairs(headers);
    m_bodyKind->setCurrentIndex(record.requestBody.isEmpty() ? NoBody : JsonBody);
    m_jsonBody->setPlainText(QString::fromUtf8(record.requestBody));
    onUrlEdited();
    responseView()->showRecord(record);
}

void RestPane::setServer(const session::ServerState &state) {
    const QString oldBase = m_baseUrl;
    m_baseUrl = state.httpBaseUrl();
    m_token = state.settings.token;
    m_apiKey = state.settings.apiKey;
    if (m_url->text().startsWith(oldBase))
        showUrl(m_baseUrl + m_url->text().mid(oldBase.size()));
}

void RestPane::applyQuestion(const session::Question &question) {
    if (!question.rest)
        return;
    const auto &rest = *question.rest;
    m_method->setCurrentText(rest.method);
    m_params->setPairs({});
    showUrl(m_baseUrl + rest.path);
    onUrlEdited();
    m_jsonBody->setPlainText(QString::fromUtf8(rest.body));
    m_bodyKind->setCurrentIndex(rest.body.isEmpty() ? NoBody : JsonBody);
    // The question's headers replace the last ones, so an If-None-Match does not linger into the next question.
    m_headers->setPairs(session::headersBesideGzip(rest.headers));
    m_moreOptions->gzipCheck()->setChecked(session::asksForGzip(rest.headers));
    if (rest.auth)
        onUseDemoCredentials();
    else
        m_authKind->setCurrentIndex(0);
}

} // namespace triptych::ui
