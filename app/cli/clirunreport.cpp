#include "app/cli/clirunreport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QXmlStreamWriter>

#include <map>

namespace triptych::cli {

namespace {

QString seconds(qint64 micros) {
    return QString::number(double(micros) / 1e6, 'f', 3);
}

// The test case's class name is its folder, dotted as JUnit readers group it; its name is the request's file name.
QString className(const QString &path) {
    const QString folder = QFileInfo(path).path();
    return folder == QLatin1String(".") ? QStringLiteral("workspace") : folder;
}

QString failureText(const RunRequestResult &result) {
    QStringList lines;
    for (const auto &check : result.checks) {
        if (!check.passed)
            lines.append(check.message());
    }
    for (const auto &capture : result.captures) {
        if (!capture.ok)
            lines.append(capture.error);
    }
    return lines.join(QLatin1Char('\n'));
}

void writeTestCase(QXmlStreamWriter &xml, const RunRequestResult &result) {
    xml.writeStartElement(QStringLiteral("testcase"));
    xml.writeAttribute(QStringLiteral("name"), QFileInfo(result.path).fileName());
    xml.writeAttribute(QStringLiteral("classname"), className(result.path));
    xml.writeAttribute(QStringLiteral("time"), seconds(result.timeUs));
    if (!result.requestError.isEmpty()) {
        xml.writeStartElement(QStringLiteral("error"));
        xml.writeAttribute(QStringLiteral("message"), result.requestError);
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("request"));
        xml.writeCharacters(result.requestError);
        xml.writeEndElement();
    } else if (result.failedChecks() > 0) {
        const QString text = failureText(result);
        xml.writeStartElement(QStringLiteral("failure"));
        xml.writeAttribute(QStringLiteral("message"), text.section(QLatin1Char('\n'), 0, 0));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("check"));
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
    QStringList passed;
    for (const auto &check : result.checks)
        passed.append((check.passed ? QStringLiteral("passed: ") : QStringLiteral("failed: ")) + check.message());
    xml.writeTextElement(QStringLiteral("system-out"), result.summary + QLatin1Char('\n') + passed.join(u'\n'));
    xml.writeEndElement();
}

} // namespace

void writeJsonReport(const QList<RunRequestResult> &results, const RunTotals &totals, QIODevice &out) {
    QJsonArray requests;
    for (const auto &result : results) {
        QJsonArray checks;
        for (const auto &check : result.checks)
            checks.append(QJsonObject{{QStringLiteral("check"), check.description},
                                      {QStringLiteral("passed"), check.passed},
                                      {QStringLiteral("expected"), check.expected},
                                      {QStringLiteral("actual"), check.actual}});
        QJsonObject captures;
        for (const auto &capture : result.captures)
            captures.insert(capture.variable, capture.ok ? QJsonValue(capture.value) : QJsonValue());
        QJsonObject entry{{QStringLiteral("path"), result.path},
                          {QStringLiteral("style"), result.style},
                          {QStringLiteral("iteration"), result.iteration + 1},
                          {QStringLiteral("summary"), result.summary},
                          {QStringLiteral("timeMs"), double(result.timeUs) / 1000.0},
                          {QStringLiteral("passed"), result.passed()},
                          {QStringLiteral("checks"), checks},
                          {QStringLiteral("captures"), captures}};
        if (!result.requestError.isEmpty())
            entry.insert(QStringLiteral("error"), result.requestError);
        requests.append(entry);
    }
    const QJsonObject report{
        {QStringLiteral("requests"), requests},
        {QStringLiteral("totals"), QJsonObject{{QStringLiteral("requests"), totals.requests},
                                               {QStringLiteral("requestErrors"), totals.requestErrors},
                                               {QStringLiteral("checks"), totals.checks},
                                               {QStringLiteral("failedChecks"), totals.failedChecks},
                                               {QStringLiteral("elapsedMs"), totals.elapsedMs}}}};
    out.write(QJsonDocument(report).toJson(QJsonDocument::Indented));
}

void writeJUnitReport(const QList<RunRequestResult> &results, const RunTotals &totals, const QString &runName,
                      QIODevice &out) {
    std::map<int, QList<const RunRequestResult *>> byIteration;
    for (const auto &result : results)
        byIteration[result.iteration].append(&result);
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), runName);
    xml.writeAttribute(QStringLiteral("tests"), QString::number(totals.requests));
    const auto failed = std::count_if(results.begin(), results.end(), [](const RunRequestResult &result) {
        return result.requestError.isEmpty() && result.failedChecks() > 0;
    });
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failed));
    xml.writeAttribute(QStringLiteral("errors"), QString::number(totals.requestErrors));
    xml.writeAttribute(QStringLiteral("time"), QString::number(double(totals.elapsedMs) / 1000.0, 'f', 3));
    const QString timestamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).chopped(1);
    for (const auto &[iteration, members] : byIteration) {
        int failures = 0;
        int errors = 0;
        qint64 micros = 0;
        for (const auto *result : members) {
            errors += result->requestError.isEmpty() ? 0 : 1;
            failures += result->requestError.isEmpty() && result->failedChecks() > 0 ? 1 : 0;
            micros += result->timeUs;
        }
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"),
                           byIteration.size() > 1 ? QStringLiteral("%1 (iteration %2)").arg(runName).arg(iteration + 1)
                                                  : runName);
        xml.writeAttribute(QStringLiteral("tests"), QString::number(members.size()));
        xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
        xml.writeAttribute(QStringLiteral("errors"), QString::number(errors));
        xml.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("time"), seconds(micros));
        xml.writeAttribute(QStringLiteral("timestamp"), timestamp);
        xml.writeAttribute(QStringLiteral("hostname"), QSysInfo::machineHostName());
        for (const auto *result : members)
            writeTestCase(xml, *result);
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
}

} // namespace triptych::cli
