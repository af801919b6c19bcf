#pragma once

#include "app/cli/clirunner.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace triptych::testing {

// One triptych-cli command line run in-process, its stdout and stderr captured in buffers.
class CliRun {
public:
    static constexpr int kWaitMs = 20'000;

    explicit CliRun(const QStringList &arguments) {
        m_out.open(QIODevice::WriteOnly);
        m_err.open(QIODevice::WriteOnly);
        m_runner.run(arguments);
    }
    // True once the command has finished (at once for usage errors).
    bool wait() {
        return QTest::qWaitFor([this] { return !m_finished.isEmpty(); }, kWaitMs);
    }
    int exitCode() const { return m_finished.isEmpty() ? -1 : m_finished.first().first().toInt(); }
    int finishCount() const { return int(m_finished.count()); }
    QByteArray out() const { return m_out.data(); }
    QString err() const { return QString::fromUtf8(m_err.data()); }
    // stdout as one JSON document (--json, or a body); an empty object when it is not one.
    QJsonObject json() const { return QJsonDocument::fromJson(m_out.data()).object(); }
    // Both streams, for messages whose side does not matter to the test.
    QString transcript() const { return QString::fromUtf8(m_out.data()) + err(); }

private:
    QBuffer m_out;
    QBuffer m_err;
    cli::CliPrinter m_printer{m_out, m_err};
    cli::CliRunner m_runner{m_printer};
    QSignalSpy m_finished{&m_runner, &cli::CliRunner::runFinished};
};

} // namespace triptych::testing
