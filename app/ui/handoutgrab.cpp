#include "app/ui/handoutgrab.h"

#include <QLayout>
#include <QList>
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
    // A widget in a hidden dock (presenter mode hides all but the lessons) is laid out by the window again when
    // grabbed, at no size: its hidden ancestors are shown for the grab, which no paint reaches, and hidden again.
    QList<QWidget *> hidden;
    for (QWidget *ancestor = widget; ancestor && !ancestor->isWindow(); ancestor = ancestor->parentWidget()) {
        if (ancestor->isHidden())
            hidden.prepend(ancestor); // the outermost first
    }
    for (auto *ancestor : std::as_const(hidden))
        ancestor->setVisible(true);
    QScrollArea *holder = holderOf(widget);
    if (holder)
        holder->setWidgetResizable(false); // else it gives the widget the viewport's size back at once
    const QSize before = widget->size();
    widget->resize(size);
    layOut(widget);
    const QImage image = widget->grab().toImage();
    widget->resize(before);
    layOut(widget);
    if (holder)
        holder->setWidgetResizable(true);
    for (auto *ancestor : std::as_const(hidden))
        ancestor->setVisible(false);
    return image;
}

} // namespace triptych::ui::handoutgrab
