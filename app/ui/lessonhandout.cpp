#include "app/ui/lessonhandout.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace triptych::ui {

namespace {

QString imageName(int step, const char *what) {
    return QStringLiteral("step%1-%2.png").arg(step + 1).arg(QLatin1String(what));
}

QString figuresTable(const session::LessonRecord &record) {
    QString table = QStringLiteral("| Style | Status | Calls | Time | Received | SQL | Server spans | Messages |\n"
                                   "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    const QList<QPair<QString, QString>> styles{{QStringLiteral("rest"), QStringLiteral("REST")},
                                                {QStringLiteral("graphql"), QStringLiteral("GraphQL")},
                                                {QStringLiteral("grpc"), QStringLiteral("gRPC")}};
    for (const auto &[key, name] : styles) {
        if (!record.has(key))
            continue;
        const auto f = record.figures(key);
        const QString status = f.code == QLatin1String("none") || f.code == f.status
                                   ? f.status
                                   : QStringLiteral("%1 %2").arg(f.status, f.code);
        table += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n")
                     .arg(name, status)
                     .arg(f.calls)
                     .arg(record.fill(QStringLiteral("{%1.time}").arg(key)),
                          record.fill(QStringLiteral("{%1.received}").arg(key)))
                     .arg(f.sql)
                     .arg(f.spans)
                     .arg(f.messages);
    }
    return table;
}

} // namespace

void LessonHandout::begin(const session::Lesson &lesson) {
    m_lesson = lesson;
    m_steps.clear();
}

void LessonHandout::addStep(const session::LessonRunner::StepResult &result, const QImage &comparison,
                            const QImage &waterfall) {
    m_steps.erase(std::remove_if(m_steps.begin(), m_steps.end(),
                                 [&result](const Step &step) { return step.result.index == result.index; }),
                  m_steps.end());
    const auto at = std::find_if(m_steps.begin(), m_steps.end(),
                                 [&result](const Step &step) { return step.result.index > result.index; });
    m_steps.insert(at, {result, comparison, waterfall});
}

QString LessonHandout::markdown(const QString &imageFolder) const {
    QString text = QStringLiteral("# %1\n\n%2\n\n").arg(m_lesson.title, m_lesson.point);
    text += QStringLiteral("Measured with Triptych on %1 against its embedded order server; every number below is "
                           "from that run.\n\n")
                .arg(QLocale(QLocale::English).toString(QDateTime::currentDateTime(), QStringLiteral("d MMMM yyyy")));
    for (const auto &step : m_steps) {
        const int index = step.result.index;
        text += QStringLiteral("## %1. %2\n\n").arg(index + 1).arg(m_lesson.steps.value(index).title);
        if (!step.result.serverSwitch.isEmpty())
            text += QStringLiteral("Server: %1.\n\n").arg(step.result.serverSwitch);
        text += QStringLiteral("**%1**\n\n").arg(step.result.sentence);
        text += QStringLiteral("Claim %1: %2\n\n")
                    .arg(step.result.verdict.holds ? QStringLiteral("held") : QStringLiteral("did not hold"),
                         step.result.verdict.because);
        text += figuresTable(step.result.record) + QLatin1Char('\n');
        if (!step.comparison.isNull())
            text += QStringLiteral("![The comparison](%1/%2)\n\n").arg(imageFolder, imageName(index, "comparison"));
        if (!step.waterfall.isNull())
            text += QStringLiteral("![The trace waterfall](%1/%2)\n\n").arg(imageFolder, imageName(index, "waterfall"));
    }
    for (const auto &need : m_lesson.needs)
        text += QStringLiteral("- Not shown by this run: %1\n").arg(need);
    return text;
}

bool LessonHandout::write(const QString &path, QString *error) const {
    const QFileInfo info(path);
    const QString folderName = info.completeBaseName() + QStringLiteral("-files");
    const QDir folder(info.absoluteDir().filePath(folderName));
    if (!QDir().mkpath(folder.path())) {
        *error = QStringLiteral("cannot make the folder %1").arg(folder.path());
        return false;
    }
    for (const auto &step : m_steps) {
        const QList<QPair<const QImage *, const char *>> images{{&step.comparison, "comparison"},
                                                                {&step.waterfall, "waterfall"}};
        for (const auto &[image, what] : images) {
            const QString file = folder.filePath(imageName(step.result.index, what));
            if (!image->isNull() && !image->save(file, "PNG")) {
                *error = QStringLiteral("cannot write %1").arg(file);
                return false;
            }
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(markdown(folderName).toUtf8()) < 0) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace triptych::ui
