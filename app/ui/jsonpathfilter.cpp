#include "app/ui/jsonpathfilter.h"

#include "app/checks/jsonpath.h"
#include "app/ui/fonts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QThreadPool>
#include <QVBoxLayout>

#include <mutex>
#include <optional>

namespace triptych::ui {

namespace {
constexpr int kDebounceMs = 120; // one run per burst of typing
}

struct JsonPathFilter::Parsed {
    QByteArray body;
    std::once_flag once;
    std::optional<QJsonValue> value;
    QString error;
    const std::optional<QJsonValue> &document() {
        std::call_once(once, [this] { value = checks::parseJsonValue(body, &error); });
        return value;
    }
};

JsonPathFilter::JsonPathFilter(QWidget *parent)
    : QWidget(parent)
    , m_query(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_result(new QPlainTextEdit(this))
    , m_relay(std::make_shared<client::ResultRelay>(this)) {
    m_query->setPlaceholderText(tr("JSONPath, e.g. $.items[?@.quantity > 1].sku"));
    m_query->setClearButtonEnabled(true);
    m_query->setAccessibleName(tr("JSONPath filter"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setReadOnly(true);
    m_result->setAccessibleName(tr("Filtered nodes"));
    useFixedPitchFont(m_result);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &JsonPathFilter::start);
    connect(m_query, &QLineEdit::textChanged, this, [this] {
        ++m_generation; // what is still running answers an older query now
        m_debounce.start();
    });
    connect(m_query, &QLineEdit::returnPressed, this, &JsonPathFilter::start);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_query);
    layout->addWidget(m_status);
    layout->addWidget(m_result, 1);
}

JsonPathFilter::~JsonPathFilter() {
    m_relay->detach();
}

void JsonPathFilter::setBody(const QByteArray &body) {
    m_parsed = body.isEmpty() ? nullptr : std::make_shared<Parsed>();
    if (m_parsed)
        m_parsed->body = body;
    ++m_generation;
    start();
}

void JsonPathFilter::setQuery(const QString &query) {
    m_query->setText(query);
    start();
}

QString JsonPathFilter::statusText() const {
    return m_status->text();
}

QString JsonPathFilter::resultText() const {
    return m_result->toPlainText();
}

void JsonPathFilter::start() {
    m_debounce.stop();
    const QString query = m_query->text().trimmed();
    const quint64 generation = ++m_generation;
    if (query.isEmpty() || !m_parsed) {
        m_running = false;
        show({query.isEmpty() ? QString() : tr("No answer to filter yet."), QString(), false});
        return;
    }
    m_running = true;
    m_status->setText(tr("Filtering…"));
    auto relay = m_relay;
    auto parsed = m_parsed;
    QThreadPool::globalInstance()->start([this, relay, parsed, query, generation] {
        Outcome outcome = run(query, parsed);
        relay->post([this, generation, outcome = std::move(outcome)] {
            if (generation != m_generation)
                return; // superseded by a newer keystroke or answer
            m_running = false;
            show(outcome);
        });
    });
}

JsonPathFilter::Outcome JsonPathFilter::run(const QString &query, const std::shared_ptr<Parsed> &parsed) {
    checks::jsonpath::ParseError error;
    const auto path = checks::JsonPath::parse(query, &error);
    if (!path)
        return {tr("Not a JSONPath query, at %1: %2").arg(error.offset).arg(error.message), QString(), true};
    const auto &document = parsed->document();
    if (!document)
        return {tr("The body is not JSON: %1").arg(parsed->error), QString(), true};
    const QList<QJsonValue> nodes = path->select(*document);
    QJsonArray array;
    for (const QJsonValue &node : nodes)
        array.append(node);
    QString text = QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    QString status = tr("%n match(es)", nullptr, int(nodes.size()));
    if (text.size() > kShownChars) {
        text.truncate(kShownChars);
        status += tr(" — the first %1 characters shown").arg(kShownChars);
    }
    return {status, text, false};
}

void JsonPathFilter::show(const Outcome &outcome) {
    m_status->setText(outcome.status);
    m_status->setStyleSheet(outcome.error ? QStringLiteral("color: #c01c28;") : QString());
    m_result->setPlainText(outcome.text);
    Q_EMIT filterFinished();
}

} // namespace triptych::ui
