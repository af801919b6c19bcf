#include "app/ui/responseview.h"

#include "app/client/grpcwebframes.h"
#include "app/model/formatting.h"
#include "app/model/jsonpretty.h"
#include "app/model/keyvaluemodel.h"
#include "app/model/statusdetails.h"
#include "app/model/streammessagemodel.h"
#include "app/ui/bodyformatter.h"
#include "app/ui/certificateview.h"
#include "app/ui/findbar.h"
#include "app/ui/fonts.h"
#include "app/ui/jsonpathfilter.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace triptych::ui {

namespace {
// Bodies up to this size are shown pretty at once; larger ones show their start raw while a worker formats them.
constexpr qsizetype kInlineFormatBytes = 64 * 1024;
constexpr qsizetype kFirstScreenBytes = 16 * 1024;
// A fast stream updates its state line at most this often.
constexpr int kStreamStateIntervalMs = 100;

model::KeyValueModel::Pairs toPairs(const client::HeaderList &headers) {
    model::KeyValueModel::Pairs pairs;
    for (const auto &[name, value] : headers)
        pairs.append({QString::fromLatin1(name), QString::fromUtf8(value)});
    return pairs;
}

QTableView *createTable(QAbstractItemModel *model, const QString &name, QWidget *parent) {
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setAccessibleName(name);
    view->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->hide();
    fitRowsToFont(view, 6);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    return view;
}

QColor statusColour(const client::CallRecord &record) {
    if (!record.transportOk())
        return QColor(0xc0, 0x1c, 0x28);
    if (record.ok())
        return QColor(0x1a, 0x7f, 0x37);
    return QColor(0xc2, 0x4e, 0x00);
}
} // namespace

ResponseView::ResponseView(SyntaxLanguage bodyLanguage, QWidget *parent)
    : QWidget(parent)
    , m_language(bodyLanguage)
    , m_status(new QLabel(tr("No response yet"), this))
    , m_busy(new QProgressBar(this))
    , m_timing(new QLabel(this))
    , m_sizes(new QLabel(this))
    , m_error(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_headers(new model::KeyValueModel({tr("Header"), tr("Value")}, false, this))
    , m_trailers(new model::KeyValueModel({tr("Trailer"), tr("Value")}, false, this))
    , m_details(new model::KeyValueModel({tr("Field"), tr("Description")}, false, this))
    , m_messages(new model::StreamMessageModel(this))
    , m_certificate(new CertificateView(this))
    , m_relay(std::make_shared<client::ResultRelay>(this)) {
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(10);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_error->hide();
    QFont bold; // only the weight: the size follows the window's zoom
    bold.setBold(true);
    m_status->setFont(bold);
    m_timing->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A label's text is as wide as the window must be: "Sending GET http://…/a/long/path…", the phases of a slow
    // call, a gRPC-Web answer's sizes in both encodings. They wrap, so an answer never makes the window wider than
    // the screen (in presenter mode's zoom least of all).
    m_status->setWordWrap(true);
    m_timing->setWordWrap(true);
    m_sizes->setWordWrap(true);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1); // the row's width, so a short status stays on one line
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_sizes);

    m_tabs->addTab(createBodyTab(), tr("Body"));
    m_tabs->addTab(createTable(m_headers, tr("Response headers"), this), tr("Headers"));
    m_tabs->addTab(createTable(m_trailers, tr("Response trailers"), this), tr("Trailers"));
    m_tabs->addTab(createTable(m_details, tr("Error details"), this), tr("Error details"));
    m_tabs->addTab(m_certificate, tr("Certificate")); // before Messages, which stays the last tab
    m_tabs->addTab(createMessagesTab(), tr("Messages"));
    m_filter = new JsonPathFilter(this);
    m_tabs->addTab(m_filter, tr("Filter"));
    m_tabs->setAccessibleName(tr("Response parts"));
    // A few lines of any part are enough on a small screen; its pages scroll the rest.
    m_tabs->setMinimumHeight(m_tabs->tabBar()->sizeHint().height() + 4 * fontMetrics().height());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(statusRow);
    layout->addWidget(m_timing);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);

    m_streamStateTimer.setSingleShot(true);
    m_streamStateTimer.setInterval(kStreamStateIntervalMs);
    connect(&m_streamStateTimer, &QTimer::timeout, this,
            [this] { setStatus(m_pendingStreamState, palette().color(QPalette::WindowText)); });
}

ResponseView::~ResponseView() {
    m_relay->detach();
}

QWidget *ResponseView::createBodyTab() {
    auto *tab = new QWidget(this);
    m_body = new LargeTextView(tab);
    m_body->setAccessibleName(tr("Response body"));
    m_findBar = new FindBar(m_body, tab);
    m_formatNote = new QLabel(tab);
    m_formatNote->setWordWrap(true);
    m_formatNote->hide();
    m_prettyButton = new QToolButton(tab);
    m_prettyButton->setText(tr("Pretty"));
    m_prettyButton->setCheckable(true);
    m_prettyButton->setChecked(true);
    m_prettyButton->setToolTip(tr("Show the body indented and highlighted, or exactly as it came"));
    connect(m_prettyButton, &QToolButton::toggled, this, &ResponseView::onPrettyToggled);
    auto *top = new QHBoxLayout;
    top->addWidget(m_formatNote);
    top->addStretch();
    top->addWidget(m_prettyButton);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_findBar);
    return tab;
}

QWidget *ResponseView::createMessagesTab() {
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_messagesView = createTable(m_messages, tr("Stream messages"), splitter);
    // Uniform rows let the view skip measuring: a million messages scroll like ten.
    m_messagesView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_messageBody = new QPlainTextEdit(splitter);
    m_messageBody->setReadOnly(true);
    m_messageBody->setTabChangesFocus(true);
    m_messageBody->setAccessibleName(tr("Selected message"));
    useFixedPitchFont(m_messageBody);
    m_messageBody->setPlaceholderText(tr("Select a message to see it whole"));
    splitter->addWidget(m_messagesView);
    splitter->addWidget(m_messageBody);
    connect(m_messagesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ResponseView::onMessageSelected);
    // As a terminal does: new messages keep the list at its end while it is there; scrolled up, it stays put.
    connect(m_messages, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const auto *bar = m_messagesView->verticalScrollBar();
        m_followMessages = bar->value() >= bar->maximum();
    });
    connect(m_messages, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followMessages)
            m_messagesView->scrollToBottom();
    });
    return splitter;
}

void ResponseView::begin(const QString &what) {
    clearAnswer();
    setStatus(what, palette().color(QPalette::WindowText));
    m_busy->show();
}

void ResponseView::clearAnswer() {
    m_error->hide();
    m_timing->clear();
    m_sizes->clear();
    ++m_formatGeneration;
    m_formatting = false;
    m_formatted = {};
    m_formatNote->hide();
    m_body->clear();
    m_filter->setBody({});
    m_headers->setPairs({});
    m_trailers->setPairs({});
    m_details->setPairs({});
    m_certificate->clear();
    m_messages->clear();
    m_messageBody->clear();
}

void ResponseView::addMessage(const client::StreamMessage &message) {
    m_messages->append(message); // batched: the rows appear once per frame
    if (m_messages->messageCount() == 1)
        m_tabs->setCurrentIndex(m_tabs->count() - 1);
}

void ResponseView::addMessages(const QList<client::StreamMessage> &messages) {
    const bool first = m_messages->messageCount() == 0;
    m_messages->append(messages);
    if (first && !messages.isEmpty())
        m_tabs->setCurrentIndex(m_tabs->count() - 1);
}

void ResponseView::setStreamState(const QString &text) {
    m_pendingStreamState = text;
    if (!m_streamStateTimer.isActive()) {
        setStatus(text, palette().color(QPalette::WindowText));
        m_streamStateTimer.start(); // later states within the interval show when it ends
    }
}

void ResponseView::showAnswerErrors(const QString &text) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ResponseView::showProblem(const QString &text) {
    // Nothing was sent: an older answer left under the error would read as this call's.
    clearAnswer();
    m_busy->hide();
    m_tabs->setCurrentIndex(0);
    setStatus(tr("Not sent"), QColor(0xc0, 0x1c, 0x28));
    m_error->setText(text);
    m_error->show();
}

void ResponseView::showRecord(const client::CallRecord &record) {
    m_busy->hide();
    QString status;
    const bool cancelled = record.error.kind == client::ErrorKind::Cancelled;
    if (cancelled)
        status = cancelledStatus(record);
    else if (!record.transportOk())
        status = tr("Failed");
    else if (record.kind == client::CallKind::Grpc)
        status = client::grpcCodeName(record.grpcCode);
    else
        status = QString::number(record.httpStatus);
    setStatus(status, cancelled ? palette().color(QPalette::WindowText) : statusColour(record));
    m_error->setVisible(!record.ok() && !cancelled);
    m_error->setText(record.error.text());
    showTimings(record);
    m_headers->setPairs(toPairs(record.responseHeaders));
    m_trailers->setPairs(toPairs(record.trailers));
    m_details->setPairs(model::flattenStatusDetails(record.grpcDetailsJson));
    m_certificate->showTls(record.tls);
    // The record has every message (a cancelled stream's last ones, a gRPC call's request): the list ends as it.
    // A record that kept only a window of a long stream's messages has fewer than the list: the list stays.
    if (!record.messages.isEmpty() && record.unkeptMessages == 0 &&
        m_messages->messageCount() != record.messages.size())
        m_messages->setMessages(record.messages);
    m_messages->flush();
    if (m_details->rowCount() > 0)
        m_tabs->setCurrentIndex(3);
    else if (m_messages->rowCount() == 0)
        m_tabs->setCurrentIndex(0);
    m_filter->setBody(record.body);
    const quint64 generation = ++m_formatGeneration;
    if (record.spooledBody) {
        showSpooledBody(record.spooledBody, generation);
        return;
    }
    if (record.body.size() <= kInlineFormatBytes) {
        m_formatting = false;
        m_formatted = formatBody(record.body);
        m_formatNote->setText(m_formatted.note);
        m_formatNote->setVisible(!m_formatted.note.isEmpty());
        showBody();
        Q_EMIT bodyShown();
        return;
    }
    // The first screen at once, as it came; the whole body when the worker has indented and indexed it.
    m_formatting = true;
    m_formatted = {};
    m_body->setText(IndexedText::fromUtf8(record.body.left(kFirstScreenBytes)), false);
    m_formatNote->setText(tr("Formatting %1…").arg(model::formatBytes(record.body.size())));
    m_formatNote->show();
    auto relay = m_relay;
    const QByteArray body = record.body;
    QThreadPool::globalInstance()->start([this, relay, body, generation] {
        auto formatted = formatBody(body);
        relay->post([this, generation, formatted = std::move(formatted)]() mutable {
            if (generation == m_formatGeneration)
                onFormatFinished(std::move(formatted));
        });
    });
}

QString ResponseView::cancelledStatus(const client::CallRecord &record) {
    const auto received = std::count_if(record.messages.cbegin(), record.messages.cend(),
                                        [](const client::StreamMessage &message) { return !message.outgoing; });
    if (received == 0 && record.messages.isEmpty())
        return tr("Cancelled");
    return tr("Cancelled · %n message(s)", nullptr, int(received + record.unkeptMessages));
}

ResponseView::FormattedBody ResponseView::formatBody(const QByteArray &raw) {
    FormattedBody body;
    auto result = model::prettyPrintJson(raw);
    body.isJson = result.ok;
    body.note = model::invalidJsonNote(raw, result);
    body.raw = IndexedText::fromUtf8(raw);
    body.pretty = result.ok ? IndexedText::fromUtf8(std::move(result.text)) : body.raw;
    return body;
}

void ResponseView::showTimings(const client::CallRecord &record) {
    const auto &t = record.timings;
    QStringList phases;
    auto add = [&phases](const QString &name, const std::optional<qint64> &us) {
        if (us)
            phases << name + QLatin1Char(' ') + model::formatDuration(*us);
    };
    add(tr("dns"), t.dnsUs);
    add(tr("connect"), t.connectUs);
    add(tr("tls"), t.tlsUs);
    add(tr("send"), t.sentUs);
    add(tr("wait"), t.firstByteUs);
    add(tr("download"), t.downloadUs);
    const QString total = tr("total %1").arg(model::formatDuration(t.totalUs));
    m_timing->setText(phases.isEmpty() ? total : phases.join(QStringLiteral(" · ")) + QStringLiteral(" — ") + total);
    const auto &s = record.sizes;
    const qint64 sent = s.requestHeaderBytes + s.requestBodyBytes;
    const qint64 received = s.responseBodyDecodedBytes > 0 ? s.responseBodyDecodedBytes : qint64(record.body.size());
    QString sizes = tr("↑ %1  ↓ %2").arg(model::formatBytes(sent), model::formatBytes(received));
    if (!record.httpVersion.isEmpty()) // the protocol the server agreed to, which a request may only ask for
        sizes = record.httpVersion + QStringLiteral("  ") + sizes;
    if (s.responseBodyWireBytes > 0 && s.responseBodyWireBytes != received)
        sizes += tr(" (%1 on the wire)").arg(model::formatBytes(s.responseBodyWireBytes));
    if (client::isGrpcWebAnswer(record)) // what the answer's frames weigh in each encoding
        sizes += tr(" · frames %1 binary, %2 as text")
                     .arg(model::formatBytes(received), model::formatBytes(client::grpcWebTextBytes(received)));
    m_sizes->setText(sizes);
    m_sizes->setToolTip(tr("Sent %1 (headers %2, body %3)\nReceived body %4, on the wire %5, headers %6")
                            .arg(model::exactBytes(sent), model::exactBytes(s.requestHeaderBytes),
                                 model::exactBytes(s.requestBodyBytes), model::exactBytes(received),
                                 model::exactBytes(s.responseBodyWireBytes), model::exactBytes(s.responseHeaderBytes)));
}

void ResponseView::onFormatFinished(FormattedBody body) {
    m_formatting = false;
    m_formatNote->setText(body.note);
    m_formatNote->setVisible(!body.note.isEmpty());
    m_formatted = std::move(body);
    showBody();
    Q_EMIT bodyShown();
}

void ResponseView::onPrettyToggled(bool) {
    showBody();
}

void ResponseView::showBody() {
    if (m_formatting)
        return; // the toggle applies when the worker is done
    const bool pretty = m_prettyButton->isChecked() && m_formatted.isJson;
    // Bodies share their bytes (QByteArray) with m_formatted; only the line index is copied.
    m_body->setText(pretty ? m_formatted.pretty : m_formatted.raw, pretty && m_language == SyntaxLanguage::Json);
    m_findBar->refresh();
}

void ResponseView::onMessageSelected() {
    const auto index = m_messagesView->currentIndex();
    if (!index.isValid())
        return;
    m_messageBody->setPlainText(BodyFormatter::prettyText(m_messages->message(index.row()).json()));
    SyntaxHighlighting::instance().setLanguage(m_messageBody->document(), SyntaxLanguage::Json);
}

void ResponseView::setStatus(const QString &text, const QColor &colour) {
    if (text != m_pendingStreamState) {
        m_streamStateTimer.stop(); // a final state wins over a coalesced stream state
        m_pendingStreamState.clear();
    }
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, colour);
    m_status->setPalette(palette);
}

QString ResponseView::statusText() const {
    return m_pendingStreamState.isEmpty() ? m_status->text() : m_pendingStreamState;
}

QString ResponseView::formatNote() const {
    return m_formatNote->isHidden() ? QString() : m_formatNote->text();
}

QString ResponseView::bodyText() const {
    return m_body->toPlainText();
}

QString ResponseView::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

QString ResponseView::timingText() const {
    return m_timing->text();
}

QString ResponseView::sizesText() const {
    return m_sizes->text();
}

int ResponseView::messageCount() const {
    return m_messages->messageCount();
}

} // namespace triptych::ui
