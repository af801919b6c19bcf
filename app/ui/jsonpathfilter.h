#pragma once

#include "app/client/resultrelay.h"

#include <QByteArray>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace triptych::ui {

// The JSONPath filter of a response view (docs/checks.md): a query typed over the answer's body shows the nodes it
// selects, with the engine of the checks (checks::JsonPath). Parsing the body and selecting run on a worker thread,
// the body parsed once per answer; a new keystroke supersedes a run still going, whose result is dropped.
class JsonPathFilter : public QWidget {
    Q_OBJECT
public:
    explicit JsonPathFilter(QWidget *parent = nullptr);
    ~JsonPathFilter() override;

    // The answer the queries look at; an empty body clears the results.
    void setBody(const QByteArray &body);
    void setQuery(const QString &query);

    QLineEdit *queryField() const { return m_query; }
    // "3 matches", "Not a JSONPath query at 4: …", "The body is not JSON: …"; empty when no query.
    QString statusText() const;
    QString resultText() const;
    bool isRunning() const { return m_running; }

    // Results longer than this are cut, with a note saying so: the text view would crawl.
    static constexpr qsizetype kShownChars = 1'000'000;

    struct Parsed; // the body, parsed at most once, by whichever run needs it first

Q_SIGNALS:
    // A query's matches (or its error) are shown.
    void filterFinished();

private:
    struct Outcome {
        QString status;
        QString text;
        bool error = false;
    };
    static Outcome run(const QString &query, const std::shared_ptr<Parsed> &parsed);
    void start();
    void show(const Outcome &outcome);

    QLineEdit *m_query;
    QLabel *m_status;
    QPlainTextEdit *m_result;
    QTimer m_debounce;
    std::shared_ptr<Parsed> m_parsed;
    client::ResultRelayPtr m_relay;
    quint64 m_generation = 0; // a result of an older query or body is dropped
    bool m_running = false;
};

} // namespace triptych::ui
