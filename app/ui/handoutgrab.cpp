#include "app/ui/handoutgrab.h"

#include <QLayout>
#include <QScrollArea>
#include <QWidget>

#include <algorithm>

namespace triptych::ui::handoutgrab {

namespace {
// Lays the widget's children out for its size now: a hidden widget's layout waits for a show that does not come.
void layOut(QWidget *widget) {
    for (auto *child : widget->findChildren<QWidget *>()) {
        if (child->layout())
            child->layout()->activate();
    }
    if (widget->layout())
        widget->layout()->activate();
}

// The scroll area that holds the widget to its viewport's size (the comparison strip's), if one does.
QScrollArea *holderOf(QWidget *widget) {
    auto *viewport = widget->parentWidget();
    auto *area = viewport ? qobject_cast<QScrollArea *>(viewport->parentWidget()) : nullptr;
    return area && area->widget() == widget && area->widgetResizable() ? area : nullptr;
}
} // namespace

QSize sizeFor(const QWidget *widget, int minimumWidth, int lines) {
    const int width = std::max({minimumWidth, widget->width(), widget->sizeHint().width()});
    const int lineHeight = widget->fontMetrics().height();
    // Wrapped text (the strip's notice) takes the height it needs at that width.
    const int wrapped = widget->hasHeightForWidth() ? widget->heightForWidth(width) : 0;
    return {width, std::max({lines * lineHeight, wrapped, widget->height(), widget->sizeHint().height()})};
}

QImage grab(QWidget *widget, const QSize &size) {
    QScrollArea *holder = holderOf(widget);
    if (holder)
        holder->setWidgetResizable(false); // else it gives the widget the viewport's size back at once
    // A widget in a hidden dock (the trace in presenter mode) is laid out by that dock when grabbed: the outermost
    // hidden ancestor is the one to size, and its layout sizes the widget.
    QWidget *sized = widget;
    for (QWidget *ancestor = widget; ancestor && !ancestor->isWindow(); ancestor = ancestor->parentWidget()) {
        if (ancestor->isHidden())
            sized = ancestor;
    }
    const QSize before = sized->size();
    const QSize widgetBefore = widget->size();
    // Its layout may not have run since it was hidden, so its margins show only once it has: correct once more.
    for (int tries = 0; tries < 2 && widget->size() != size; ++tries) {
        sized->resize(sized->size() + size - widget->size());
        layOut(sized);
    }
    widget->resize(size); // what a scroll area between them did not pass on
    layOut(widget);
    const QImage image = widget->grab().toImage();
    widget->resize(widgetBefore);
    sized->resize(before);
    layOut(sized);
    if (holder)
        holder->setWidgetResizable(true);
    return image;
}

} // namespace triptych::ui::handoutgrab
