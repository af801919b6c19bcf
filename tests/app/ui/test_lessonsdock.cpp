#include "app/session/lessoncatalog.h"
#include "app/session/serverhost.h"
#include "app/ui/comparisonstrip.h"
#include "app/ui/composerpane.h"
#include "app/ui/grpcconnectioneditor.h"
#include "app/ui/grpcpane.h"
#include "app/ui/lessonhandout.h"
#include "app/ui/lessonsdock.h"
#include "app/ui/mainwindow.h"
#include "app/ui/panerow.h"
#include "app/ui/presentermode.h"
#include "app/ui/responseview.h"
#include "app/ui/traceview.h"
#include "tests/app/ui/windowoptions.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <algorithm>

using namespace triptych;

namespace {
constexpr int kStepMs = 60'000;
// The projector of the issue; main() gives the offscreen platform a screen of this size.
constexpr int kScreenWidth = 1280;
constexpr int kScreenHeight = 720;

QRect inWindow(const QWidget *widget) {
    return QRect(widget->mapTo(widget->window(), QPoint(0, 0)), widget->size());
}

// The area of a pane's composer (above its splitter's handle) and of its response view, in window coordinates.
QPair<QRect, QRect> composerAndResponse(ui::ComposerPane *pane) {
    auto *splitter = pane->findChild<QSplitter *>();
    return {inWindow(splitter->widget(0)), inWindow(pane->responseView())};
}
} // namespace

// The Lessons dock in the window: Page Down walks a lesson with numbers measured now, presenter mode (F5) zooms
// and hides the chrome and still shows every pane's composer and response at 1280 × 720, and a handout is written.
class TestLessonsDock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        QSettings().clear();
        m_host = std::make_unique<session::ServerHost>();
        m_data = std::make_unique<QTemporaryDir>();
        m_window = std::make_unique<ui::MainWindow>(m_host.get(), testing::isolatedWindow(*m_data));
        session::ServerSettings settings;
        settings.httpPort = 0;
        settings.grpcPort = 0;
        m_host->start(settings);
        QTRY_COMPARE(int(m_host->state().phase), int(session::ServerState::Phase::Running));
        m_dock = m_window->findChild<QDockWidget *>(QStringLiteral("lessons"));
        QVERIFY(m_dock);
        m_lessons = qobject_cast<ui::LessonsDock *>(m_dock->widget());
        QVERIFY(m_lessons);
        m_presenter = m_window->findChild<ui::PresenterMode *>();
        QVERIFY(m_presenter);
        m_window->resize(m_window->screen()->availableGeometry().size());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() {
        m_window.reset();
        m_host.reset();
    }

    void presenterModeZoomsHidesChromeAndRestores() {
        QCOMPARE(m_window->screen()->availableGeometry().size(), QSize(kScreenWidth, kScreenHeight));
        QVERIFY(!m_dock->isVisible());
        const qreal before = m_window->font().pointSizeF();
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(m_presenter->isOn());
        const qreal zoom = m_window->font().pointSizeF() / before;
        QVERIFY2(zoom >= 1.5 && zoom <= 2.0, qPrintable(QString::number(zoom)));
        QVERIFY(!m_window->menuBar()->isVisible());
        QVERIFY(!m_window->statusBar()->isVisible());
        for (auto *toolBar : m_window->findChildren<QToolBar *>())
            QVERIFY(!toolBar->isVisible());
        QVERIFY(m_dock->isVisible());
        QCOMPARE(m_window->palette().color(QPalette::Window), QColor(Qt::black));
        QCOMPARE(m_window->palette().color(QPalette::Text), QColor(Qt::white));
        // F5 works with the menus hidden, and puts back what it changed.
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(!m_presenter->isOn());
        QCOMPARE(m_window->font().pointSizeF(), before);
        QVERIFY(m_window->menuBar()->isVisible());
        QVERIFY(m_window->statusBar()->isVisible());
        QVERIFY(!m_dock->isVisible());
        QVERIFY(m_window->palette().color(QPalette::Window) != QColor(Qt::black) ||
                QApplication::palette().color(QPalette::Window) == QColor(Qt::black));
    }

    // Closing the window in presenter mode keeps the zoom of before for the next start.
    void closingLeavesPresenterMode() {
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QCOMPARE(QSettings().value(QStringLiteral("view/zoomSteps")).toInt(), ui::PresenterMode::kZoomSteps);
        m_window->close();
        QVERIFY(!m_presenter->isOn());
        QCOMPARE(QSettings().value(QStringLiteral("view/zoomSteps")).toInt(), 0);
    }

    // A step that switches the gateway on leaves it on for the next steps; closing the dock puts it back.
    void closingTheDockRestoresTheServer() {
        m_dock->toggleViewAction()->trigger();
        QVERIFY(m_dock->isVisible());
        const auto &lessons = session::LessonCatalog::builtIn().lessons();
        const auto gateway = std::find_if(lessons.cbegin(), lessons.cend(), [](const session::Lesson &lesson) {
            return lesson.id == QLatin1String("backend-for-frontend");
        });
        QVERIFY(gateway != lessons.cend());
        m_lessons->selectLesson(int(gateway - lessons.cbegin()));
        QSignalSpy finished(m_lessons, &ui::LessonsDock::stepFinished);
        m_lessons->next();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kStepMs); // the first step switches nothing
        m_lessons->next();                                      // the gateway step
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kStepMs);
        QVERIFY(m_host->state().settings.gateway);
        m_dock->toggleViewAction()->trigger();
        QTRY_VERIFY(m_host->state().phase == session::ServerState::Phase::Running && !m_host->state().settings.gateway);
    }

    // Presenter mode shows the dock; leaving it hides the dock again, and that puts the gateway back too.
    void leavingPresenterModeRestoresTheServer() {
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(m_dock->isVisible());
        const auto &lessons = session::LessonCatalog::builtIn().lessons();
        const auto gateway = std::find_if(lessons.cbegin(), lessons.cend(), [](const session::Lesson &lesson) {
            return lesson.id == QLatin1String("backend-for-frontend");
        });
        m_lessons->selectLesson(int(gateway - lessons.cbegin()));
        QSignalSpy finished(m_lessons, &ui::LessonsDock::stepFinished);
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kStepMs);
        QTest::keyClick(m_window.get(), Qt::Key_PageDown); // the gateway step
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kStepMs);
        QVERIFY(m_host->state().settings.gateway);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(!m_dock->isVisible());
        QTRY_VERIFY(m_host->state().phase == session::ServerState::Phase::Running && !m_host->state().settings.gateway);
    }

    // The layout check of the issue: at 1280 × 720 in presenter mode, with a step's answers in the panes, each
    // pane's composer and response are on screen, of a usable height, and nothing overlaps.
    void presenterLayoutAt1280x720ShowsEveryPane() {
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QSignalSpy finished(m_lessons, &ui::LessonsDock::stepFinished);
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kStepMs);
        QCoreApplication::processEvents();
        const QRect window = m_window->rect();
        // The window fills the screen but for the frame fitToScreen() leaves for a window manager.
        QVERIFY(window.width() <= kScreenWidth && window.width() > kScreenWidth - 20);
        QVERIFY(window.height() <= kScreenHeight && window.height() > kScreenHeight - 20);
        const int line = m_window->fontMetrics().height();
        QList<QRect> areas{inWindow(m_dock)};
        for (auto *pane : m_window->findChild<ui::PaneRow *>()->panes()) {
            QVERIFY2(pane->isVisible() && pane->title()->isVisible(), qPrintable(pane->title()->text()));
            const auto [composer, response] = composerAndResponse(pane);
            const QString name = pane->title()->text();
            QVERIFY2(window.contains(composer) && window.contains(response), qPrintable(name));
            // Room for the URL row and a line of the request; the status, the timing and two lines of the body.
            QVERIFY2(composer.height() >= 3 * line,
                     qPrintable(
                         QStringLiteral("%1 composer %2 px, a line %3 px").arg(name).arg(composer.height()).arg(line)));
            QVERIFY2(response.height() >= 4 * line,
                     qPrintable(
                         QStringLiteral("%1 response %2 px, a line %3 px").arg(name).arg(response.height()).arg(line)));
            areas << composer << response;
        }
        for (int i = 0; i < areas.size(); ++i) {
            for (int j = i + 1; j < areas.size(); ++j)
                QVERIFY2(!areas.at(i).intersects(areas.at(j)),
                         qPrintable(QStringLiteral("areas %1 and %2").arg(i).arg(j)));
        }
    }

    // Page Down runs the first step and then the next; the sentence holds the figures just measured; Page Up goes
    // back; past a lesson's last step Page Down opens the next lesson.
    void pageDownWalksALesson() {
        m_dock->show();
        QSignalSpy finished(m_lessons, &ui::LessonsDock::stepFinished);
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kStepMs);
        auto result = finished.last().first().value<session::LessonRunner::StepResult>();
        QCOMPARE(result.index, 0);
        QVERIFY2(result.verdict.holds, qPrintable(result.verdict.because));
        QCOMPARE(m_lessons->sentence(), result.sentence);
        QVERIFY(m_lessons->sentence().contains(result.record.fill(QStringLiteral("{rest.received}"))));
        QVERIFY(!m_lessons->sentence().contains(QLatin1Char('{')));
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kStepMs);
        QCOMPARE(m_lessons->stepIndex(), 1);
        // The list step asks gRPC's ListUsers with a field mask beside REST's page and GraphQL's connection.
        result = finished.last().first().value<session::LessonRunner::StepResult>();
        QVERIFY2(result.verdict.holds, qPrintable(result.verdict.because));
        QCOMPARE(result.record.figures(QStringLiteral("grpc")).status, QStringLiteral("OK"));
        QTest::keyClick(m_window.get(), Qt::Key_PageUp);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kStepMs);
        QCOMPARE(m_lessons->stepIndex(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_F6); // run again
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, kStepMs);
        QCOMPARE(m_lessons->stepIndex(), 0);
        const int steps = int(session::LessonCatalog::builtIn().lessons().first().steps.size());
        for (int i = 1; i < steps; ++i) {
            QTest::keyClick(m_window.get(), Qt::Key_PageDown);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4 + i, kStepMs);
        }
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4 + steps, kStepMs);
        QCOMPARE(m_lessons->lessonIndex(), 1);
        QCOMPARE(m_lessons->stepIndex(), 0);
    }

    // Page Down twice, the second press at an awkward moment of the first step (at once, while the server restarts
    // for it, while its calls or streams are open): the first step gives way to the second,
    // which finishes with its own numbers and server switch, and nothing of the first arrives late.
    void pageDownTwiceQuicklyRunsTheSecondStep_data() {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<QString>("moment");
        QTest::newRow("at once") << "over-fetching"
                                 << "at once";
        QTest::newRow("calls open") << "over-fetching"
                                    << "calls open";
        QTest::newRow("DataLoader switch, at once") << "n-plus-one"
                                                    << "at once";
        QTest::newRow("DataLoader switch, restarting") << "n-plus-one"
                                                       << "restarting";
        QTest::newRow("DataLoader switch, calls open") << "n-plus-one"
                                                       << "calls open";
        QTest::newRow("gateway switch, at once") << "backend-for-frontend"
                                                 << "at once";
        QTest::newRow("gateway switch, calls open") << "backend-for-frontend"
                                                    << "calls open";
        QTest::newRow("streams open") << "streaming"
                                      << "calls open";
    }
    void pageDownTwiceQuicklyRunsTheSecondStep() {
        QFETCH(QString, lesson);
        QFETCH(QString, moment);
        m_dock->show();
        const auto &lessons = session::LessonCatalog::builtIn().lessons();
        const auto found = std::find_if(lessons.cbegin(), lessons.cend(),
                                        [&](const session::Lesson &known) { return known.id == lesson; });
        QVERIFY(found != lessons.cend() && found->steps.size() > 1);
        m_lessons->selectLesson(int(found - lessons.cbegin()));
        QSignalSpy finished(m_lessons, &ui::LessonsDock::stepFinished);
        const auto panes = m_window->findChild<ui::PaneRow *>()->panes();
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        if (moment == QLatin1String("restarting"))
            QTRY_VERIFY(m_host->state().phase != session::ServerState::Phase::Running);
        else if (moment == QLatin1String("calls open"))
            QTRY_VERIFY_WITH_TIMEOUT(m_host->state().phase == session::ServerState::Phase::Running &&
                                         std::any_of(panes.cbegin(), panes.cend(),
                                                     [](const ui::ComposerPane *pane) { return pane->isBusy(); }),
                                     kStepMs);
        QVERIFY(finished.isEmpty());
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kStepMs);
        auto result = finished.last().first().value<session::LessonRunner::StepResult>();
        QCOMPARE(result.index, 1);
        QVERIFY2(result.verdict.holds, qPrintable(result.verdict.because));
        QCOMPARE(m_lessons->sentence(), result.sentence);
        if (const auto gateway = found->steps.at(1).server.gateway)
            QCOMPARE(m_host->state().settings.gateway, *gateway);
        // Page Up runs the first step alone: the next record is its, not one of the first press.
        QTest::keyClick(m_window.get(), Qt::Key_PageUp);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kStepMs);
        result = finished.last().first().value<session::LessonRunner::StepResult>();
        QCOMPARE(result.index, 0);
        QVERIFY2(result.verdict.holds, qPrintable(result.verdict.because));
    }

    // File ▸ Export lesson handout writes Markdown with the sentence, a table and two pictures per step.
    void handoutIsWritten() {
        m_dock->show();
        QSignalSpy finished(m_lessons, &ui::LessonsDock::stepFinished);
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kStepMs);
        const auto result = finished.last().first().value<session::LessonRunner::StepResult>();
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("over-fetching.md"));
        QString error;
        QVERIFY2(m_lessons->handout()->write(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(file.readAll());
        QVERIFY(markdown.startsWith(QStringLiteral("# Over-fetching\n")));
        QVERIFY(markdown.contains(QStringLiteral("**%1**").arg(result.sentence)));
        QVERIFY(markdown.contains(QStringLiteral("| REST | 200 | 1 |")));
        QVERIFY(markdown.contains(QStringLiteral("![The comparison](over-fetching-files/step1-comparison.png)")));
        QVERIFY(markdown.contains(QStringLiteral("![The trace waterfall](over-fetching-files/step1-waterfall.png)")));
        for (const char *name : {"step1-comparison.png", "step1-waterfall.png"}) {
            const QImage image(out.filePath(QStringLiteral("over-fetching-files/") + QLatin1String(name)));
            QVERIFY2(!image.isNull() && image.width() > 100 && image.height() > 50, name);
        }
    }

    // The TLS lesson in presenter mode: the server goes to TLS for its second step, every claim holds with all
    // three styles asked at once, and leaving presenter mode puts the server back in plain.
    void tlsLessonSwitchesTheServerAndLeavingRestoresIt() {
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        selectLesson(QStringLiteral("tls-handshakes"));
        QList<session::LessonRunner::StepResult> results;
        walk(3, &results);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(results.at(1).serverSwitch.contains(QStringLiteral("TLS on")));
        QVERIFY(m_host->state().settings.tls);
        QCOMPARE(results.at(1).record.figures(QStringLiteral("rest")).certificates, 2);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY(m_host->state().phase == session::ServerState::Phase::Running && !m_host->state().settings.tls);
    }

    // The gRPC-Web lesson switches the gRPC pane's transport step by step; leaving presenter mode puts it back.
    void grpcWebLessonSwitchesThePaneAndLeavingRestoresIt() {
        auto *grpc = m_window->grpcPane();
        const QString target = grpc->targetEdit()->text();
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        selectLesson(QStringLiteral("grpc-web"));
        QList<session::LessonRunner::StepResult> results;
        walk(3, &results);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(results.at(2).record.figures(QStringLiteral("grpc")).transport, QStringLiteral("grpc-web-text"));
        // Whichever pane has the focus, the handout's waterfall is of the step's own call (gRPC here).
        QCOMPARE(m_window->traceView()->record().id, results.at(2).calls.first().id);
        QCOMPARE(grpc->connectionEditor()->transportBox()->currentIndex(), int(workspace::GrpcTransport::GrpcWebText));
        QCOMPARE(grpc->targetEdit()->text(), QStringLiteral("127.0.0.1:%1").arg(m_host->state().httpPort));
        walk(2); // the preflight and the server stream
        if (QTest::currentTestFailed())
            return;
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QCOMPARE(grpc->connectionEditor()->transportBox()->currentIndex(), int(workspace::GrpcTransport::Grpc));
        QCOMPARE(grpc->targetEdit()->text(), target);
    }

    // The handout's pictures are drawn at a page's size even when presenter mode leaves their docks a few rows (the
    // trace's is hidden); the docks keep their size on screen.
    void handoutPicturesReadInPresenterMode() {
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        walk(1);
        if (QTest::currentTestFailed())
            return;
        // Back in its dock's scroll area, at the viewport's width, after the grab.
        auto *strip = m_window->comparisonStrip();
        auto *area = qobject_cast<QScrollArea *>(strip->parentWidget()->parentWidget());
        QVERIFY(area && area->widgetResizable());
        QCOMPARE(strip->width(), area->viewport()->width());
        QTemporaryDir out;
        QString error;
        QVERIFY2(m_lessons->handout()->write(out.filePath(QStringLiteral("h.md")), &error), qPrintable(error));
        const int line = m_window->comparisonStrip()->fontMetrics().height();
        const QImage comparison(out.filePath(QStringLiteral("h-files/step1-comparison.png")));
        const QImage waterfall(out.filePath(QStringLiteral("h-files/step1-waterfall.png")));
        const auto sizes = [&](const QImage &image) {
            return QStringLiteral("%1 × %2 px, a line %3 px").arg(image.width()).arg(image.height()).arg(line).toUtf8();
        };
        // All of the strip, its wrapped notice too, where the dock scrolls it.
        QVERIFY2(comparison.width() >= 1400 && comparison.height() >= 12 * line &&
                     comparison.height() >= m_window->comparisonStrip()->heightForWidth(comparison.width()),
                 sizes(comparison).constData());
        QVERIFY2(waterfall.width() >= 1400 && waterfall.height() >= 24 * line, sizes(waterfall).constData());
        QVERIFY2(area->height() < 12 * line, "the strip is roomy on screen already: the test shows nothing");
    }

private:
    void selectLesson(const QString &id) {
        const auto &lessons = session::LessonCatalog::builtIn().lessons();
        const auto found = std::find_if(lessons.cbegin(), lessons.cend(),
                                        [&](const session::Lesson &known) { return known.id == id; });
        QVERIFY(found != lessons.cend());
        m_lessons->selectLesson(int(found - lessons.cbegin()));
    }

    // Page Down `steps` times, each step's claim holding; the results in order (a failure ends the test).
    void walk(int steps, QList<session::LessonRunner::StepResult> *results = nullptr) {
        QSignalSpy finished(m_lessons, &ui::LessonsDock::stepFinished);
        for (int i = 0; i < steps; ++i) {
            QTest::keyClick(m_window.get(), Qt::Key_PageDown);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), i + 1, kStepMs);
            const auto result = finished.last().first().value<session::LessonRunner::StepResult>();
            QVERIFY2(result.verdict.holds, qPrintable(result.verdict.because));
            // What the step left in the panes (a long sizes line) must not widen the window past the screen.
            QCoreApplication::processEvents();
            QString widths;
            for (auto *pane : m_window->findChild<ui::PaneRow *>()->panes())
                widths += QStringLiteral(" %1: %2").arg(pane->title()->text()).arg(pane->minimumSizeHint().width());
            QVERIFY2(
                m_window->width() <= kScreenWidth,
                qPrintable(QStringLiteral("step %1: %2 px wide;%3").arg(i + 1).arg(m_window->width()).arg(widths)));
            if (results)
                results->append(result);
        }
    }

    std::unique_ptr<session::ServerHost> m_host;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_data;
    QDockWidget *m_dock = nullptr;
    ui::LessonsDock *m_lessons = nullptr;
    ui::PresenterMode *m_presenter = nullptr;
};

// The offscreen platform's screen as the 1280 × 720 projector, not its 800 × 600 default.
int main(int argc, char *argv[]) {
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(QStringLiteral(R"({"screens": [{"name": "projector", "x": 0, "y": 0, "width": %1, "height": %2,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                   .arg(kScreenWidth)
                   .arg(kScreenHeight)
                   .toUtf8());
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + config.toLocal8Bit());
    QApplication app(argc, argv);
    TestLessonsDock test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_lessonsdock.moc"
