#include "app/ui/bodyformatter.h"

#include "app/model/jsonpretty.h"

#include <QThreadPool>

namespace triptych::ui {

BodyFormatter::BodyFormatter(QObject *parent)
    : QObject(parent)
    , m_relay(std::make_shared<client::ResultRelay>(this)) {}

BodyFormatter::~BodyFormatter() {
    m_relay->detach();
}

BodyFormatter::Formatted BodyFormatter::formatted(const QByteArray &body) {
    const auto result = model::prettyPrintJson(body);
    Formatted formatted;
    formatted.isJson = result.ok;
    formatted.text = QString::fromUtf8(result.ok ? result.text : body);
    formatted.note = model::invalidJsonNote(body, result);
    return formatted;
}

void BodyFormatter::format(const QByteArray &body) {
    const quint64 generation = ++m_generation;
    auto relay = m_relay;
    QThreadPool::globalInstance()->start([this, relay, body, generation] {
        auto result = formatted(body);
        relay->post([this, result = std::move(result), generation] {
            if (generation == m_generation)
                Q_EMIT formatFinished(result.text, result.isJson, result.note);
        });
    });
}

} // namespace triptych::ui
