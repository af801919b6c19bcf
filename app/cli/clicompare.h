#pragma once

#include "app/cli/clioptions.h"
#include "app/client/callrecord.h"
#include "app/session/question.h"

#include <QObject>

namespace triptych::session {
class ComparisonSession;
}

namespace triptych::cli {

// `compare`: the question table's benchmark questions (resources/questions.json) asked through the same
// ComparisonSession as the window's "Ask all three", one style after the other, then one table of status, time,
// bytes and the spans the server recorded for each.
class CliCompare : public QObject {
    Q_OBJECT
public:
    CliCompare(CliOptions options, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void compareFinished(int exitCode);

private:
    struct Row {
        QString question;
        QString style;
        client::CallRecord record;
    };
    void askNext();
    void onRecord(const client::CallRecord &record);
    void printTable();

    CliOptions m_options;
    session::ComparisonSession *m_session;
    QList<session::Question> m_questions; // still to ask
    QString m_asking;                     // the title of the question asked now
    QList<Row> m_rows;
};

} // namespace triptych::cli
