#pragma once

#include "app/client/bodyspool.h"
#include "app/client/callrecord.h"
#include "app/client/resultrelay.h"
#include "app/ui/largetextview.h"
#include "app/ui/syntaxhighlighting.h"

#include <QByteArray>
#include <QTimer>
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

class CertificateView;
class FindBar;
class JsonPathFilter;

namespace responseviewlimits {
// A spooled body up to this size is still read into memory and indented; a larger one is shown as received.
constexpr qint64 kMaxIndentedSpooledBytes = 64LL * 1024 * 1024;
} // namespace responseviewlimits

// Shows one call's answer under a composer: status, timing phases and sizes, the body pretty or raw, headers,
// trailers, decoded gRPC error details and, for streams, the message list. Bodies of any size: a big one shows its
// first screen at once and the rest when a worker has indented and indexed it; only visible lines are coloured.
class ResponseView : public QWidget {
    Q_OBJECT
public:
    explicit ResponseView(SyntaxLanguage bodyLanguage, QWidget *parent = nullptr);
    ~ResponseView() override;

    // A call started: clear the last answer and show that something is under way.
    void begin(const QString &what);
    void addMessage(const client::StreamMessage &message);
    // A frame's batch in one go.
    void addMessages(const QList<client::StreamMessage> &messages);
    void showRecord(const client::CallRecord &record);
    // An error the composer found before sending, e.g. JSON that does not parse: "Not sent", the reason, and none
    // of the previous answer.
    void showProblem(const QString &text);
    void setStreamState(const QString &text);
    // Errors inside a successful answer, e.g. GraphQL's "errors" list: shown in red under the status.
    void showAnswerErrors(const QString &text);

    QString statusText() const;
    QString bodyText() const;
    QString errorText() const;
    // The phases line ("connect 0.2 ms · … — total 3.1 ms") and the sizes ("↑ 120 B  ↓ 94 KB"); empty when none.
    QString timingText() const;
    QString sizesText() const;
    int messageCount() const;
    // False while a worker is still formatting a big body.
    bool isBodyFormatted() const { return !m_formatting; }
    // The line above the body: "Formatting 48 MB…", or where a body that looks like JSON is broken; empty when hidden.
    QString formatNote() const;
    LargeTextView *bodyView() const { return m_body; }
    FindBar *findBar() const { return m_findBar; }
    JsonPathFilter *filter() const { return m_filter; }
    model::StreamMessageModel *messagesModel() const { return m_messages; }
    QTableView *messagesView() const { return m_messagesView; }
    model::KeyValueModel *headersModel() const { return m_headers; }
    model::KeyValueModel *detailsModel() const { return m_details; }
    CertificateView *certificateView() const { return m_certificate; }

Q_SIGNALS:
    // The body is in the view in its final form (formatted when it is JSON).
    void bodyShown();

private:
    struct FormattedBody {
        IndexedText pretty;
        IndexedText raw;
        bool isJson = false;
        QString note; // where a body that looks like JSON is broken, e.g. "Not valid JSON at line 3, column 14: …"
    };
    static FormattedBody formatBody(const QByteArray &raw);
    // "Cancelled · 1,000 message(s)": what a cancelled call had received when it stopped.
    static QString cancelledStatus(const client::CallRecord &record);
    void clearAnswer();
    void onFormatFinished(FormattedBody body);
    // The body kept in a file by the client: mapped, first screen now, indexed or indented on a worker
    // (app/ui/responseviewspool.cpp).
    void showSpooledBody(const client::BodySpoolPtr &spool, quint64 generation);
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
    LargeTextView *m_body;
    FindBar *m_findBar;
    QLabel *m_formatNote;
    QToolButton *m_prettyButton;
    QTableView *m_messagesView;
    QPlainTextEdit *m_messageBody;
    model::KeyValueModel *m_headers;
    model::KeyValueModel *m_trailers;
    model::KeyValueModel *m_details;
    model::StreamMessageModel *m_messages;
    CertificateView *m_certificate;
    JsonPathFilter *m_filter = nullptr;
    client::ResultRelayPtr m_relay;
    quint64 m_formatGeneration = 0; // a late format of a replaced body is dropped
    FormattedBody m_formatted;
    bool m_formatting = false;
    QString m_pendingStreamState; // stream states coalesce: a fast stream sets one per message
    QTimer m_streamStateTimer;
    bool m_followMessages = true; // the message list was at its end when the last rows came
};

} // namespace triptych::ui
