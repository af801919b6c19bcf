#pragma once

#include "app/client/resultrelay.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace triptych::ui {

// Pretty-prints a body on a worker thread, since indenting megabytes of JSON would freeze the window. Only the
// newest request's result is delivered: a late one for a replaced body is dropped. Key order, numbers and escapes
// stay as the server wrote them (model::prettyPrintJson).
class BodyFormatter : public QObject {
    Q_OBJECT
public:
    struct Formatted {
        QString text; // indented JSON, or the body as it came
        bool isJson = false;
        QString note; // why a body that looks like JSON was not indented, with line and column; else empty
    };

    explicit BodyFormatter(QObject *parent = nullptr);
    ~BodyFormatter() override;

    void format(const QByteArray &body);
    // On any thread.
    static Formatted formatted(const QByteArray &body);
    // Indented JSON, or the text as it is when it is not JSON.
    static QString prettyText(const QByteArray &body) { return formatted(body).text; }

Q_SIGNALS:
    void formatFinished(const QString &pretty, bool isJson, const QString &note);

private:
    client::ResultRelayPtr m_relay;
    quint64 m_generation = 0;
};

} // namespace triptych::ui
