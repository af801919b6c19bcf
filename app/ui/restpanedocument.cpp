// The REST pane as a saved request (docs/workspace.md) and back.
#include "app/ui/checkstab.h"
#include "app/ui/documentfields.h"
#include "app/ui/httpoptionseditor.h"
#include "app/ui/multiparteditor.h"
#include "app/ui/noteseditor.h"
#include "app/ui/restpane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace triptych::ui {

namespace {
// The pages of the Body tab's kind box, in order.
enum BodyPage { NoBody, JsonBody, RawBody, FormBody, FileBody, MultipartBody };
const QString kDefaultContentType = QStringLiteral("text/plain");

int pageOf(workspace::BodyKind kind) {
    switch (kind) {
    case workspace::BodyKind::Json:
        return JsonBody;
    case workspace::BodyKind::Raw:
        return RawBody;
    case workspace::BodyKind::Form:
        return FormBody;
    case workspace::BodyKind::File:
        return FileBody;
    case workspace::BodyKind::Multipart:
        return MultipartBody;
    case workspace::BodyKind::None:
        break;
    }
    return NoBody;
}
} // namespace

workspace::RequestDocument RestPane::toDocument() const {
    workspace::RequestDocument document = loadedDocument();
    document.style = workspace::RequestStyle::Rest;
    workspace::HttpPart &http = document.http;
    http.method = m_method->currentText().trimmed().toUpper();
    http.url = m_url->text().trimmed();
    http.params = documentfields::mergeEntries(http.params, m_params->pairs());
    http.headers = documentfields::mergeEntries(http.headers, m_headers->pairs());

    workspace::RequestBody &body = http.body;
    const int page = m_bodyKind->currentIndex();
    const bool rawText = page == RawBody || (page != JsonBody && body.kind == workspace::BodyKind::Raw);
    static constexpr workspace::BodyKind kinds[] = {workspace::BodyKind::None, workspace::BodyKind::Json,
                                                    workspace::BodyKind::Raw,  workspace::BodyKind::Form,
                                                    workspace::BodyKind::File, workspace::BodyKind::Multipart};
    body.kind = kinds[qBound(0, page, int(MultipartBody))];
    body.text = rawText ? m_rawBody->toPlainText() : m_jsonBody->toPlainText();
    if (m_rawContentType->text() != kDefaultContentType || !body.contentType.isEmpty())
        body.contentType = m_rawContentType->text();
    body.form = documentfields::mergeEntries(body.form, m_form->pairs());
    body.filePath = m_filePath->text();
    body.multipart = m_multipart->parts();

    workspace::RequestAuth &auth = http.auth;
    auth.kind = workspace::AuthKind(m_authKind->currentIndex()); // the box lists None, Basic, Bearer, API key
    const QString secret = m_authSecret->text();
    switch (auth.kind) {
    case workspace::AuthKind::Basic:
        auth.user = m_authUser->text();
        auth.password = secret;
        break;
    case workspace::AuthKind::Bearer:
        auth.token = secret;
        break;
    case workspace::AuthKind::ApiKey:
        auth.apiKeyValue = secret;
        break;
    case workspace::AuthKind::None:
        break;
    }
    auth.apiKeyName = m_apiKeyName->text();
    auth.apiKeyIn = workspace::ApiKeyPlacement(m_apiKeyIn->currentIndex());
    http.options.timeoutMs = m_timeout->value();
    http.options.followRedirects = m_followRedirects->isChecked();
    http.options.tls.skipVerification = m_skipTlsVerification->isChecked();
    m_moreOptions->applyTo(http.options);
    document.notes = m_notes->notes();
    document.checks = checksTab()->entries();
    return document;
}

void RestPane::loadDocument(const workspace::RequestDocument &document) {
    setLoadedDocument(document);
    const workspace::HttpPart &http = document.http;
    m_method->setCurrentText(http.method);
    showUrl(http.url);
    m_params->setPairs(documentfields::enabledPairs(http.params));
    m_headers->setPairs(documentfields::enabledPairs(http.headers));
    m_jsonBody->setPlainText(http.body.text);
    m_rawBody->setPlainText(http.body.text);
    m_rawContentType->setText(http.body.contentType.isEmpty() ? kDefaultContentType : http.body.contentType);
    m_form->setPairs(documentfields::enabledPairs(http.body.form));
    m_filePath->setText(http.body.filePath);
    m_multipart->setParts(http.body.multipart);
    m_bodyKind->setCurrentIndex(pageOf(http.body.kind));

    const workspace::RequestAuth &auth = http.auth;
    m_authKind->setCurrentIndex(int(auth.kind));
    m_authUser->setText(auth.kind == workspace::AuthKind::Basic ? auth.user : QString());
    switch (auth.kind) {
    case workspace::AuthKind::Basic:
        m_authSecret->setText(auth.password);
        break;
    case workspace::AuthKind::Bearer:
        m_authSecret->setText(auth.token);
        break;
    case workspace::AuthKind::ApiKey:
        m_authSecret->setText(auth.apiKeyValue);
        break;
    case workspace::AuthKind::None:
        m_authSecret->clear();
        break;
    }
    m_timeout->setValue(http.options.timeoutMs);
    m_followRedirects->setChecked(http.options.followRedirects);
    m_skipTlsVerification->setChecked(http.options.tls.skipVerification);
    m_apiKeyName->setText(auth.apiKeyName);
    m_apiKeyIn->setCurrentIndex(int(auth.apiKeyIn));
    m_moreOptions->setOptions(http.options);
    m_notes->setNotes(document.notes);
    checksTab()->setEntries(document.checks);
}

} // namespace triptych::ui
