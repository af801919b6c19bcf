// MainWindow's "Ask all three": filling the panes with a comparison question, sending them (with the N+1 questions'
// extra calls and the DataLoader setting they need), and feeding the comparison strip with what comes back.
#include "app/ui/mainwindow.h"

#include "app/model/comparisonmodel.h"
#include "app/model/comparisonquestions.h"
#include "app/model/streammessagemodel.h"
#include "app/ui/comparisonrunner.h"
#include "app/ui/comparisonstrip.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/grpcpane.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStatusBar>

namespace triptych::ui {

void MainWindow::applyQuestion(int index) {
    const auto &questions = model::comparisonQuestions();
    if (index < 0 || index >= questions.size())
        return;
    const auto &question = questions.at(index);
    m_question = index;
    m_questions->setCurrentIndex(index);
    m_strip->setQuestion(question.title, question.notice);
    const ServerState &state = m_server->state();
    const bool running = state.phase == ServerState::Phase::Running;
    // Until the server runs, the panes' own defaults; setServer() moves them to the real ports.
    const QString http = running ? state.httpBaseUrl() : QStringLiteral("http://127.0.0.1:8080");
    const QString grpc = running ? state.grpcTarget() : QStringLiteral("127.0.0.1:50051");

    client::CallRecord rest;
    rest.kind = client::CallKind::Rest;
    rest.method = question.restMethod;
    rest.url = http + question.restPath;
    m_rest->load(rest);

    client::CallRecord graphql;
    graphql.kind = client::CallKind::GraphQL;
    graphql.method = QStringLiteral("POST");
    graphql.url = http + QStringLiteral("/graphql");
    QJsonObject body{{QStringLiteral("query"), question.graphqlQuery}};
    if (!question.graphqlVariables.isEmpty())
        body.insert(QStringLiteral("variables"), QJsonDocument::fromJson(question.graphqlVariables.toUtf8()).object());
    graphql.requestBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_graphql->load(graphql);

    client::CallRecord grpcCall;
    grpcCall.kind = client::CallKind::Grpc;
    grpcCall.method = QLatin1Char('/') + question.grpcMethod;
    grpcCall.url = grpc;
    grpcCall.requestBody = question.grpcRequest.toUtf8();
    m_grpc->load(grpcCall);
}

void MainWindow::askQuestion(int index) {
    applyQuestion(index);
    sendAll();
}

void MainWindow::sendAll() {
    m_runner->cancel();
    const ServerState &state = m_server->state();
    const auto &questions = model::comparisonQuestions();
    if (m_question >= 0 && questions.at(m_question).dataLoader && state.phase == ServerState::Phase::Running &&
        state.options.dataLoader != *questions.at(m_question).dataLoader) {
        // The DataLoader is a server option: restart the embedded server with it, then send.
        ServerOptions options = state.options;
        options.dataLoader = *questions.at(m_question).dataLoader;
        m_sendAfterRestart = true;
        statusBar()->showMessage(options.dataLoader ? tr("Restarting the server with the DataLoader on…")
                                                    : tr("Restarting the server with the DataLoader off…"),
                                 3000);
        m_server->restart(options);
        return;
    }
    sendAllNow();
}

void MainWindow::sendAllNow() {
    m_runner->cancel();
    m_comparison->reset();
    m_comparing = {client::CallKind::Rest, client::CallKind::GraphQL, client::CallKind::Grpc};
    if (m_question < 0)
        m_strip->setQuestion(tr("Your own calls"), QString());
    const bool streaming = m_question >= 0 && model::comparisonQuestions().at(m_question).streaming;
    m_sendAllPending = int(m_panes.size());
    for (auto *pane : std::as_const(m_panes)) {
        pane->send();
        const auto kind = paneKind(pane);
        if (!pane->isBusy()) {
            --m_sendAllPending; // not sent: its problem shows in the pane
            m_comparing.remove(kind);
        } else if (streaming) {
            m_comparison->setStreaming(kind, true);
        }
    }
    if (m_sendAllPending == 0)
        Q_EMIT sendAllFinished();
    if (m_comparing.isEmpty())
        Q_EMIT comparisonFinished();
}

void MainWindow::onComparisonCall(const client::CallRecord &record) {
    const auto kind = model::ComparisonModel::styleOf(record.kind);
    // A call replaced by a newer one (sent again, or cancelled) is not part of this comparison.
    if (!m_comparing.contains(kind) || record.error.kind == client::ErrorKind::Cancelled)
        return;
    m_comparison->addRecord(record);
    if (m_question >= 0 && record.transportOk()) {
        const auto &question = model::comparisonQuestions().at(m_question);
        if (kind == client::CallKind::Rest && question.restOrdersPerUser && record.ok()) {
            m_runner->followUpRest(record);
            return;
        }
        if (kind == client::CallKind::Grpc && question.grpcUsers > 1) {
            m_runner->followUpGrpc(record, m_server->state().httpBaseUrl(), question.grpcUsers);
            return;
        }
    }
    finishComparisonStyle(kind);
}

void MainWindow::finishComparisonStyle(client::CallKind kind) {
    if (m_comparing.remove(kind) && m_comparing.isEmpty())
        Q_EMIT comparisonFinished();
}

void MainWindow::watchStreamMessages(ComposerPane *pane) {
    // The response view keeps a stream's messages in a StreamMessageModel; its rows are the live figures.
    auto *messages = pane->responseView()->findChild<model::StreamMessageModel *>();
    if (!messages)
        return;
    connect(messages, &QAbstractItemModel::rowsInserted, this,
            [this, pane, messages](const QModelIndex &, int first, int last) {
                const auto kind = paneKind(pane);
                if (!pane->isBusy() || !m_comparing.contains(kind))
                    return;
                QList<client::StreamMessage> batch;
                batch.reserve(last - first + 1);
                for (int row = first; row <= last; ++row)
                    batch.append(messages->message(row));
                m_comparison->addStreamMessages(kind, batch);
            });
}

} // namespace triptych::ui
