#include "app/ui/graphqlpane.h"

#include "app/client/graphqlcaller.h"
#include "app/client/graphqlwscaller.h"
#include "app/model/keyvaluemodel.h"
#include "app/session/questionrequests.h"
#include "app/ui/autheditor.h"
#include "app/ui/checkstab.h"
#include "app/ui/editorassist.h"
#include "app/ui/fonts.h"
#include "app/ui/graphqloptionseditor.h"
#include "app/ui/httpoptionseditor.h"
#include "app/ui/noteseditor.h"
#include "app/ui/responseview.h"
#include "app/workspace/requestconversion.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace triptych::ui {

namespace {
QString errorsText(const QByteArray &body) {
    const auto errors = QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray();
    QStringList lines;
    for (const auto &error : errors) {
        const auto object = error.toObject();
        QString line = object.value(QStringLiteral("message")).toString();
        const QString code =
            object.value(QStringLiteral("extensions")).toObject().value(QStringLiteral("code")).toString();
        if (!code.isEmpty())
            line = code + QStringLiteral(": ") + line;
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

GraphQLPane::GraphQLPane(QWidget *parent)
    : ComposerPane(tr("GraphQL"), accentFor(client::CallKind::GraphQL), SyntaxLanguage::Json, parent)
    , m_caller(new client::GraphQLCaller(this))
    , m_wsCaller(new client::GraphQLWsCaller(this))
    , m_headers(new model::KeyValueModel({tr("Header"), tr("Value")}, true, this))
    , m_url(new QLineEdit(this))
    , m_query(new QPlainTextEdit(this))
    , m_variables(new QPlainTextEdit(this))
    , m_operation(new QComboBox(this))
    , m_operationLabel(new QLabel(tr("Operation"), this))
    , m_problem(new QLabel(this)) {
    auto *row = new QHBoxLayout;
    row->addWidget(m_url, 1);
    row->addWidget(m_operationLabel);
    row->addWidget(m_operation);
    row->addWidget(sendButton());
    composerLayout()->addLayout(row);

    useFixedPitchFont(m_query);
    useFixedPitchFont(m_variables);
    m_variables->setPlaceholderText(tr("{ \"id\": 42 }"));
    SyntaxHighlighting::instance().setLanguage(m_query->document(), SyntaxLanguage::GraphQL);
    SyntaxHighlighting::instance().setLanguage(m_variables->document(), SyntaxLanguage::Json);
    auto *headersView = new QTableView(this);
    headersView->setModel(m_headers);
    headersView->horizontalHeader()->setStretchLastSection(true);
    headersView->verticalHeader()->hide();
    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_query, tr("Query"));
    tabs->addTab(m_variables, tr("Variables"));
    tabs->addTab(headersView, tr("Headers"));
    m_auth = new AuthEditor(this);
    m_options = new GraphQLOptionsEditor(this);
    m_notes = new NotesEditor(this);
    tabs->addTab(m_auth, tr("Auth"));
    tabs->addTab(m_options, tr("Options"));
    tabs->addTab(m_notes, tr("Notes"));
    tabs->addTab(checksTab(), tr("Checks"));
    composerLayout()->addWidget(tabs, 1);
    setupAssist(); // completion, diagnostics under the editor, prettify, the schema row (graphqlpaneschema.cpp)
    m_problem->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_problem->setWordWrap(true);
    composerLayout()->addWidget(m_problem);
    m_url->setAccessibleName(tr("GraphQL URL"));
    m_operation->setAccessibleName(tr("Operation to run"));
    m_query->setAccessibleName(tr("GraphQL query"));
    m_variables->setAccessibleName(tr("GraphQL variables"));
    headersView->setAccessibleName(tr("GraphQL request headers"));
    tabs->setAccessibleName(tr("GraphQL request parts"));

    connect(m_query, &QPlainTextEdit::textChanged, this, &GraphQLPane::onQueryChanged);
    connect(m_variables, &QPlainTextEdit::textChanged, this, &GraphQLPane::onVariablesChanged);
    connect(m_caller, &client::GraphQLCaller::callFinished, this, &GraphQLPane::onCallEnded);
    connect(m_caller, &client::GraphQLCaller::callFailed, this, &GraphQLPane::onCallEnded);
    connect(m_wsCaller, &client::GraphQLWsCaller::subscribed, this, &GraphQLPane::onSubscribed);
    connect(m_wsCaller, &client::GraphQLWsCaller::messagesReceived, this, &GraphQLPane::onSubscriptionMessages);
    connect(m_wsCaller, &client::GraphQLWsCaller::callFinished, this, &GraphQLPane::onSubscriptionEnded);
    connect(m_wsCaller, &client::GraphQLWsCaller::callFailed, this, &GraphQLPane::onSubscriptionEnded);
    m_url->setText(m_baseUrl + QStringLiteral("/graphql"));
    finishKeyboardOrder({m_url, m_operation, sendButton(), tabs, m_query, m_variables, headersView});
    applyPreset(0);
}

QStringList GraphQLPane::operationNames(const QString &document) {
    static const QRegularExpression operation(QStringLiteral(R"((?:^|\})\s*(?:query|mutation|subscription)\s+(\w+))"));
    QStringList names;
    auto matches = operation.globalMatch(document);
    while (matches.hasNext())
        names << matches.next().captured(1);
    return names;
}

void GraphQLPane::onQueryChanged() {
    m_insertProblem.clear(); // the schema row's note about the explorer's last click is old now
    const QStringList names = operationNames(m_query->toPlainText());
    const QString current = m_operation->currentText();
    if (names != QStringList([this] {
            QStringList items;
            for (int i = 0; i < m_operation->count(); ++i)
                items << m_operation->itemText(i);
            return items;
        }())) {
        m_operation->clear();
        m_operation->addItems(names);
        if (names.contains(current))
            m_operation->setCurrentText(current);
    }
    const bool several = names.size() > 1;
    m_operation->setVisible(several);
    m_operationLabel->setVisible(several);
}

void GraphQLPane::onVariablesChanged() {
    const QString problem = validateJson(m_variables, true);
    m_problem->setText(problem.isEmpty() ? QString() : tr("Variables: %1").arg(problem));
    setSendBlocked(problem);
}

void GraphQLPane::send() {
    cancel();
    m_showingCompleting = false; // a completing subscription's record goes to the history only
    if (m_query->toPlainText().trimmed().isEmpty()) {
        refuse(tr("The query is empty. Write one, or pick a preset."));
        return;
    }
    // Through the saved-request form: {{variables}} resolved everywhere, and the saved auth and options applied.
    QString problem;
    const auto document = resolvedDocument(&problem);
    if (!document) {
        refuse(problem);
        return;
    }
    const auto &graphql = document->graphql;
    if (workspace::usesWebSocket(*document) ||
        client::operationType(graphql.document, graphql.operationName) == client::OperationType::Subscription) {
        subscribe(*document);
        return;
    }
    client::GraphQLRequest request = workspace::toGraphQLRequest(*document);
    request.http.cookieSession = cookieSession();
    responseView()->begin(tr("Sending to %1…").arg(request.url));
    m_callId = m_caller->send(request);
    setBusy(true);
}

void GraphQLPane::subscribe(const workspace::RequestDocument &document) {
    client::GraphQLWsRequest request = workspace::toGraphQLWsRequest(document);
    request.url = client::webSocketUrl(document.http.url);
    if (request.url.isEmpty()) {
        refuse(tr("Cannot subscribe at %1: write the URL as http://host:port/graphql (the "
                  "subscription goes to ws://host:port/graphql).")
                   .arg(document.http.url));
        return;
    }
    // GraphQL WebSocket servers read credentials from the connection_init payload, not from headers.
    for (const auto &[key, value] : std::as_const(request.headers)) {
        if (request.initPayload.isEmpty() && key.compare("Authorization", Qt::CaseInsensitive) == 0)
            request.initPayload =
                QJsonDocument(QJsonObject{{QStringLiteral("authorization"), QString::fromUtf8(value)}})
                    .toJson(QJsonDocument::Compact);
    }
    m_events = 0;
    m_showingCompleting = false;
    responseView()->begin(tr("Connecting to %1…").arg(request.url));
    m_subscriptionId = m_wsCaller->send(request);
    setBusy(true);
}

void GraphQLPane::onSubscribed(quint64 id) {
    if (id == m_subscriptionId)
        responseView()->setStreamState(tr("Subscribed · waiting for events (Esc completes)"));
}

void GraphQLPane::onSubscriptionMessages(quint64 id, const QList<client::StreamMessage> &messages) {
    if (id != m_subscriptionId)
        return;
    responseView()->addMessages(messages);
    // One state line per batch: the one its last telling message would have set.
    bool counted = false;
    bool acknowledged = false;
    for (const auto &message : messages) {
        if (!message.outgoing && (message.event == QLatin1String("next") || message.event == QLatin1String("data"))) {
            ++m_events;
            counted = true;
            acknowledged = false;
        } else if (message.event == QLatin1String("connection_ack")) {
            acknowledged = true;
            counted = false;
        }
    }
    if (counted)
        responseView()->setStreamState(tr("Subscribed · %n event(s) (Esc completes)", nullptr, m_events));
    else if (acknowledged)
        responseView()->setStreamState(tr("Connected · subscribing…"));
}

void GraphQLPane::onSubscriptionEnded(const client::CallRecord &record) {
    if (record.id == m_subscriptionId) {
        m_subscriptionId = 0;
        finishCall(record);
    } else if (record.id == m_completingId) {
        m_completingId = 0;
        if (!m_showingCompleting) {
            Q_EMIT callCompleted(record); // the view has moved on: only the history gets it
            return;
        }
        finishCall(record);
        responseView()->setStreamState(tr("Completed · %n event(s)", nullptr, m_events));
    } else {
        return;
    }
    const QString errors = errorsText(record.body);
    if (!errors.isEmpty())
        responseView()->showAnswerErrors(errors);
}

void GraphQLPane::cancel() {
    if (m_subscriptionId != 0) {
        // Complete the subscription (complete, then close); its record still arrives for the view and the history.
        m_completingId = std::exchange(m_subscriptionId, 0);
        m_showingCompleting = true;
        m_wsCaller->cancel(m_completingId);
        setBusy(false);
        responseView()->setStreamState(tr("Completing the subscription…"));
        return;
    }
    if (m_callId == 0)
        return;
    m_caller->cancel(m_callId);
    m_callId = 0;
    setBusy(false);
    responseView()->setStreamState(tr("Cancelled"));
}

void GraphQLPane::onCallEnded(const client::CallRecord &record) {
    if (record.id != m_callId)
        return; // a replaced or cancelled call
    m_callId = 0;
    finishCall(record);
    const QString errors = errorsText(record.body);
    if (!errors.isEmpty())
        responseView()->showAnswerErrors(errors);
}

void GraphQLPane::load(const client::CallRecord &record) {
    m_showingCompleting = false;
    auto body = QJsonDocument::fromJson(record.requestBody).object();
    QString url = record.url;
    if (record.kind == client::CallKind::GraphQLWebSocket) {
        // The subscribe message carries the operation in its payload; the pane shows the HTTP form of the URL.
        body = body.value(QStringLiteral("payload")).toObject();
        QUrl http(url);
        http.setScheme(http.scheme() == QLatin1String("wss") ? QStringLiteral("https") : QStringLiteral("http"));
        url = http.toString();
    }
    m_url->setText(url.section(QLatin1Char('?'), 0, 0));
    m_query->setPlainText(body.value(QStringLiteral("query")).toString());
    const auto variables = body.value(QStringLiteral("variables")).toObject();
    m_variables->setPlainText(variables.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(variables).toJson()));
    const QString operation = body.value(QStringLiteral("operationName")).toString();
    if (!operation.isEmpty())
        m_operation->setCurrentText(operation);
    responseView()->showRecord(record);
}

void GraphQLPane::setServer(const session::ServerState &state) {
    const QString oldUrl = m_baseUrl + QStringLiteral("/graphql");
    m_baseUrl = state.httpBaseUrl();
    m_token = state.settings.token;
    if (m_url->text() == oldUrl)
        m_url->setText(m_baseUrl + QStringLiteral("/graphql"));
    // A first introspection may have come before the server listened (graphqlpaneschema.cpp).
    if (state.phase == session::ServerState::Phase::Running && m_assist->schema().isNull())
        loadSchema();
}

void GraphQLPane::applyQuestion(const session::Question &question) {
    if (!question.graphql)
        return;
    const auto &graphql = *question.graphql;
    m_query->setPlainText(graphql.query);
    m_variables->setPlainText(QString::fromUtf8(graphql.variables));
    if (!graphql.operationName.isEmpty())
        m_operation->setCurrentText(graphql.operationName);
    model::KeyValueModel::Pairs headers = session::headersBesideGzip(graphql.headers);
    if (graphql.auth)
        headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer ") + m_token});
    m_headers->setPairs(headers);
    m_options->transportBox()->setCurrentIndex(
        int(graphql.get ? workspace::GraphQLTransport::HttpGet : workspace::GraphQLTransport::HttpPost));
    m_options->persistedQueryCheck()->setChecked(graphql.persisted);
    m_options->httpOptions()->gzipCheck()->setChecked(session::asksForGzip(graphql.headers));
}

} // namespace triptych::ui
