#pragma once

#include <QImage>
#include <QSize>

class QWidget;

namespace triptych::ui {

// A picture of a widget for a lesson handout, drawn at a size that reads on paper whatever room its dock has on
// screen (presenter mode leaves the comparison strip a few rows and hides the trace): the widget is laid out at that
// size for the grab and put back as it was.
namespace handoutgrab {

// At least `minimum` logical pixels wide, and as many text lines high as `lines`, in the widget's own font (the
// window's zoom included); never smaller than the widget is now or than its size hint.
QSize sizeFor(const QWidget *widget, int minimumWidth, int lines);
QImage grab(QWidget *widget, const QSize &size);

} // namespace handoutgrab

} // namespace triptych::ui
