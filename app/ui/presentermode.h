#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPalette>
#include <QPointer>

class QAction;
class QDockWidget;
class QWidget;

namespace triptych::session {
class ServerHost;
}

namespace triptych::ui {

class LessonsDock;
class MainWindow;

// View ▸ Presenter (F5), for a projector: the window's text zoomed to 160 % (the window's own zoom), the menus,
// toolbars, status line and every dock but Lessons hidden (the sentence carries the numbers; the panes keep the
// room), and high-contrast colours. F5 again puts back what it changed.
class PresenterMode : public QObject {
    Q_OBJECT
public:
    static constexpr int kZoomSteps = 6; // of the window's 10 % steps: 160 %

    PresenterMode(MainWindow *window, QDockWidget *lessons, QObject *parent = nullptr);

    bool isOn() const { return m_on; }
    void setOn(bool on);
    QAction *action() const { return m_action; }
    // White on black with a yellow highlight: what survives a washed-out projector.
    static QPalette highContrastPalette();

Q_SIGNALS:
    void presenterChanged(bool on);

protected:
    // Leaves presenter mode as the window closes, so the next start has the zoom and docks of before.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // A widget with a style sheet of its own does not take its colours from the window's palette: its text is
    // given the palette's white while presenting, unless its sheet chose a colour.
    void whitenStyledText();

    MainWindow *m_window;
    QDockWidget *m_lessons;
    QAction *m_action;
    bool m_on = false;
    int m_zoomBefore = 0;
    QHash<QWidget *, bool> m_visibleBefore; // the chrome hidden, as it was
    QList<QPair<QPointer<QWidget>, QString>> m_sheetsBefore;
};

// The Lessons dock and its actions in `window`: View ▸ Lessons, Next / Previous step (Page Down / Page Up),
// Run step again, Presenter (F5), File ▸ Export lesson handout…; each step's strip and waterfall go into the
// handout as it finishes.
LessonsDock *installLessons(MainWindow *window, session::ServerHost *host);

} // namespace triptych::ui
