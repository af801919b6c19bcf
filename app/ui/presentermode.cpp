#include "app/ui/presentermode.h"

#include "app/ui/grpcpane.h"
#include "app/ui/handoutgrab.h"
#include "app/ui/lessonhandout.h"
#include "app/ui/lessonsdock.h"
#include "app/ui/mainwindow.h"
#include "app/ui/traceview.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>

namespace triptych::ui {

namespace {
constexpr int kMessageMs = 5000;
constexpr int kHandoutWidth = 1400; // logical pixels: a page's width of the strip and the waterfall

QMenu *menuTitled(MainWindow *window, const QString &title) {
    for (auto *action : window->menuBar()->actions()) {
        if (action->menu() && action->text() == title)
            return action->menu();
    }
    return window->menuBar()->addMenu(title);
}

// An action of the window itself too, so its shortcut works while presenter mode hides the menus.
QAction *windowAction(MainWindow *window, QMenu *menu, const QString &text, const QKeySequence &key) {
    auto *action = menu->addAction(text);
    action->setShortcut(key);
    window->addAction(action);
    return action;
}
} // namespace

PresenterMode::PresenterMode(MainWindow *window, QDockWidget *lessons, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_lessons(lessons)
    , m_action(new QAction(tr("&Presenter"), this)) {
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::Key_F5));
    m_action->setToolTip(tr("Large text, high contrast, no menus: for a projector (F5 again to leave)"));
    window->addAction(m_action);
    connect(m_action, &QAction::toggled, this, &PresenterMode::setOn);
    window->installEventFilter(this);
}

bool PresenterMode::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_window && event->type() == QEvent::Close)
        setOn(false);
    return QObject::eventFilter(watched, event);
}

QPalette PresenterMode::highContrastPalette() {
    QPalette palette;
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        palette.setColor(group, QPalette::Window, Qt::black);
        palette.setColor(group, QPalette::WindowText, Qt::white);
        palette.setColor(group, QPalette::Base, Qt::black);
        palette.setColor(group, QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        palette.setColor(group, QPalette::Text, Qt::white);
        palette.setColor(group, QPalette::Button, QColor(0x1a, 0x1a, 0x1a));
        palette.setColor(group, QPalette::ButtonText, Qt::white);
        palette.setColor(group, QPalette::Highlight, QColor(0xff, 0xd7, 0x00));
        palette.setColor(group, QPalette::HighlightedText, Qt::black);
        palette.setColor(group, QPalette::ToolTipBase, Qt::black);
        palette.setColor(group, QPalette::ToolTipText, Qt::white);
        palette.setColor(group, QPalette::Link, QColor(0x66, 0xcc, 0xff));
        palette.setColor(group, QPalette::PlaceholderText, QColor(0xbb, 0xbb, 0xbb));
    }
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x99, 0x99, 0x99));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x99, 0x99, 0x99));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x99, 0x99, 0x99));
    palette.setColor(QPalette::Disabled, QPalette::Window, Qt::black);
    palette.setColor(QPalette::Disabled, QPalette::Base, Qt::black);
    palette.setColor(QPalette::Disabled, QPalette::Button, QColor(0x1a, 0x1a, 0x1a));
    return palette;
}

void PresenterMode::setOn(bool on) {
    if (on == m_on)
        return;
    m_on = on;
    m_action->setChecked(on);
    QList<QWidget *> chrome{m_window->menuBar(), m_window->statusBar()};
    for (auto *toolBar : m_window->findChildren<QToolBar *>())
        chrome << toolBar;
    for (auto *dock : m_window->findChildren<QDockWidget *>()) {
        if (dock != m_lessons)
            chrome << dock;
    }
    if (on) {
        m_zoomBefore = m_window->zoomSteps();
        m_visibleBefore.clear();
        for (auto *widget : chrome) {
            m_visibleBefore.insert(widget, widget->isVisible());
            widget->hide();
        }
        m_visibleBefore.insert(m_lessons, m_lessons->isVisible());
        m_lessons->show();
        m_lessons->raise();
        m_window->setPalette(highContrastPalette());
        whitenStyledText();
        m_window->zoomBy(kZoomSteps - m_zoomBefore);
    } else {
        for (auto it = m_visibleBefore.constBegin(); it != m_visibleBefore.constEnd(); ++it)
            it.key()->setVisible(it.value());
        m_window->setPalette(QPalette());
        for (const auto &[widget, sheet] : std::as_const(m_sheetsBefore)) {
            if (widget)
                widget->setStyleSheet(sheet);
        }
        m_sheetsBefore.clear();
        m_window->zoomBy(m_zoomBefore - m_window->zoomSteps());
    }
    if (auto *dock = qobject_cast<LessonsDock *>(m_lessons->widget()))
        dock->setPresenting(on);
    Q_EMIT presenterChanged(on);
}

void PresenterMode::whitenStyledText() {
    m_sheetsBefore.clear();
    for (auto *widget : m_window->findChildren<QWidget *>()) {
        const QString sheet = widget->styleSheet();
        if (sheet.isEmpty() || sheet.contains(QLatin1String("color:")))
            continue;
        m_sheetsBefore.append({widget, sheet});
        const QString white = QStringLiteral("color: %1;").arg(highContrastPalette().color(QPalette::Text).name());
        widget->setStyleSheet(sheet.contains(QLatin1Char('{')) ? sheet + QStringLiteral("\n* { %1 }").arg(white)
                                                               : sheet + QLatin1Char(' ') + white);
    }
}

namespace {
// Each finished step's strip and waterfall into the handout, and File ▸ Export lesson handout….
void connectHandout(MainWindow *window, LessonsDock *lessons) {
    QObject::connect(lessons, &LessonsDock::stepFinished, lessons,
                     [lessons, window](const session::LessonRunner::StepResult &result) {
                         // At a size that reads in print, not the few rows the docks have in presenter mode.
                         auto *strip = window->comparisonStrip();
                         auto *trace = window->traceView();
                         // The trace follows the focused pane, which the step may not have asked (a gRPC-only
                         // step under a focused REST pane): the waterfall is then of the step's first call.
                         const bool ofThisStep =
                             trace->hasTrace() && std::any_of(result.calls.cbegin(), result.calls.cend(),
                                                              [trace](const client::CallRecord &call) {
                                                                  return call.id == trace->record().id;
                                                              });
                         if (!ofThisStep && !result.calls.isEmpty())
                             trace->showRecord(result.calls.first());
                         lessons->handout()->addStep(
                             result, handoutgrab::grab(strip, handoutgrab::sizeFor(strip, kHandoutWidth, 12)),
                             handoutgrab::grab(trace, handoutgrab::sizeFor(trace, kHandoutWidth, 24)));
                     });
    auto *file = menuTitled(window, QObject::tr("&File"));
    auto *exportHandout = new QAction(QObject::tr("Export lesson &handout…"), file);
    file->insertAction(file->actions().value(file->actions().size() - 2), exportHandout);
    QObject::connect(exportHandout, &QAction::triggered, lessons, [lessons, window] {
        if (lessons->handout()->isEmpty()) {
            window->statusBar()->showMessage(QObject::tr("Run a lesson step first: the handout holds what ran"),
                                             kMessageMs);
            return;
        }
        const QString path = QFileDialog::getSaveFileName(window, QObject::tr("Export lesson handout"),
                                                          lessons->handout()->lesson().id + QStringLiteral(".md"),
                                                          QObject::tr("Markdown (*.md)"));
        QString error;
        if (!path.isEmpty() && !lessons->handout()->write(path, &error))
            window->statusBar()->showMessage(error, kMessageMs);
        else if (!path.isEmpty())
            window->statusBar()->showMessage(QObject::tr("Handout written to %1").arg(path), kMessageMs);
    });
}
} // namespace

LessonsDock *installLessons(MainWindow *window, session::ServerHost *host) {
    auto *lessons = new LessonsDock(window->session(), host, window);
    auto *dock = new QDockWidget(QObject::tr("Lessons"), window);
    dock->setObjectName(QStringLiteral("lessons"));
    dock->setWidget(lessons);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (auto *trace = window->findChild<QDockWidget *>(QStringLiteral("trace")))
        window->tabifyDockWidget(trace, dock); // no room of its own on a small screen until presenter mode
    dock->hide();

    auto *view = menuTitled(window, QObject::tr("&View"));
    view->addSeparator();
    dock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    window->addAction(dock->toggleViewAction());
    // The server's gateway, rate limit and TLS mode and the gRPC pane's transport as they were before the lessons.
    const auto restore = [lessons, window] {
        lessons->restoreServer();
        window->grpcPane()->restoreTransport();
    };
    QObject::connect(dock->toggleViewAction(), &QAction::triggered, dock, [dock, restore](bool shown) {
        if (shown)
            dock->raise(); // it shares a tab with the trace
        else
            restore(); // closed: the lessons are over
    });
    view->addAction(dock->toggleViewAction());
    auto *presenter = new PresenterMode(window, dock, window);
    view->addAction(presenter->action());
    // Leaving presenter mode hides the dock again when it was hidden before: that closes the lessons too.
    QObject::connect(presenter, &PresenterMode::presenterChanged, lessons, [dock, restore](bool on) {
        if (!on && !dock->isVisible())
            restore();
    });
    auto *next = windowAction(window, view, QObject::tr("Next lesson step"), QKeySequence(Qt::Key_PageDown));
    auto *back = windowAction(window, view, QObject::tr("Previous lesson step"), QKeySequence(Qt::Key_PageUp));
    auto *rerun = windowAction(window, view, QObject::tr("Run lesson step again"), QKeySequence(Qt::Key_F6));
    // Page Down / Page Up belong to the lessons only while their dock is shown; else the editors scroll with them.
    for (auto *action : {next, back, rerun}) {
        action->setEnabled(false);
        QObject::connect(dock, &QDockWidget::visibilityChanged, action,
                         [action, dock] { action->setEnabled(dock->isVisible()); });
    }
    QObject::connect(next, &QAction::triggered, lessons, &LessonsDock::next);
    QObject::connect(back, &QAction::triggered, lessons, &LessonsDock::back);
    QObject::connect(rerun, &QAction::triggered, lessons, &LessonsDock::rerun);

    connectHandout(window, lessons);
    return lessons;
}

} // namespace triptych::ui
