#include "app/ui/bodyformatter.h"

#include <QJsonDocument>
#include <QThreadPool>

namespace triptych::ui {

BodyFormatter::BodyFormatter(QObject *parent)
    : QObject(parent)
    , m_relay(std::make_shared<client::ResultRelay>(this)) {}

BodyFormatter::~BodyFormatter() {
    m_relay->detach();
}

QString BodyFormatter::prettyText(const QByteArray &body) {
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return QString::fromUtf8(body);
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

void BodyFormatter::format(const QByteArray &body) {
    const quint64 generation = ++m_generation;
    auto relay = m_relay;
    QThreadPool::globalInstance()->start([this, relay, body, generation] {
        QJsonParseError error;
        const auto document = QJsonDocument::fromJson(body, &error);
        const bool isJson = error.error == QJsonParseError::NoError && !document.isNull();
        const QString text =
            isJson ? QString::fromUtf8(document.toJson(QJsonDocument::Indented)) : QString::fromUtf8(body);
        relay->post([this, text, isJson, generation] {
            if (generation == m_generation)
                Q_EMIT formatFinished(text, isJson);
        });
    });
}

} // namespace triptych::ui
