#pragma once

#include "app/client/callrecord.h"
#include "app/ui/syntaxhighlighting.h"

#include <QByteArray>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QTabWidget;
class QTableView;
class QToolButton;

namespace triptych::model {
class KeyValueModel;
class StreamMessageModel;
} // namespace triptych::model

namespace triptych::ui {

class BodyFormatter;

// Shows one call's answer under a composer: status, timing phases and sizes, the body pretty or raw, headers,
// trailers, decoded gRPC error details and, for streams, the message list.
class ResponseView : public QWidget {
    Q_OBJECT
public:
    explicit ResponseView(SyntaxLanguage bodyLanguage, QWidget *parent = nullptr);

    // A call started: clear the last answer and show that something is under way.
    void begin(const QString &what);
    void addMessage(const client::StreamMessage &message);
    void showRecord(const client::CallRecord &record);
    // An error the composer found before sending, e.g. JSON that does not parse.
    void showProblem(const QString &text);
    void setStreamState(const QString &text);
    // Errors inside a successful answer, e.g. GraphQL's "errors" list: shown in red under the status.
    void showAnswerErrors(const QString &text);

    QString statusText() const;
    QString bodyText() const;
    QString errorText() const;
    int messageCount() const;
    model::KeyValueModel *headersModel() const { return m_headers; }
    model::KeyValueModel *detailsModel() const { return m_details; }

private:
    void onFormatFinished(const QString &pretty, bool isJson);
    void onMessageSelected();
    void onPrettyToggled(bool pretty);
    void showBody();
    void showTimings(const client::CallRecord &record);
    void setStatus(const QString &text, const QColor &colour);
    QWidget *createBodyTab();
    QWidget *createMessagesTab();

    SyntaxLanguage m_language;
    QLabel *m_status;
    QProgressBar *m_busy;
    QLabel *m_timing;
    QLabel *m_sizes;
    QLabel *m_error;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_body;
    QToolButton *m_prettyButton;
    QTableView *m_messagesView;
    QPlainTextEdit *m_messageBody;
    model::KeyValueModel *m_headers;
    model::KeyValueModel *m_trailers;
    model::KeyValueModel *m_details;
    model::StreamMessageModel *m_messages;
    BodyFormatter *m_formatter;
    QByteArray m_raw;
    QString m_pretty;
    bool m_prettyIsJson = false;
};

} // namespace triptych::ui
