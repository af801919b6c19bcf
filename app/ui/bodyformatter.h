#pragma once

#include "app/client/resultrelay.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace triptych::ui {

// Pretty-prints a body on a worker thread, since indenting megabytes of JSON would freeze the window. Only the
// newest request's result is delivered: a late one for a replaced body is dropped.
class BodyFormatter : public QObject {
    Q_OBJECT
public:
    explicit BodyFormatter(QObject *parent = nullptr);
    ~BodyFormatter() override;

    void format(const QByteArray &body);
    // Indented JSON, or the text as it is when it is not JSON.
    static QString prettyText(const QByteArray &body);

Q_SIGNALS:
    void formatFinished(const QString &pretty, bool isJson);

private:
    client::ResultRelayPtr m_relay;
    quint64 m_generation = 0;
};

} // namespace triptych::ui
