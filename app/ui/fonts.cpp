#include "app/ui/fonts.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QTableView>

namespace triptych::ui {

namespace {
// Sets the rows' height on the view's font changes; a child of the view, so it lives as long as the view.
class RowFitter : public QObject {
public:
    RowFitter(QTableView *view, int paddingPx)
        : QObject(view)
        , m_view(view)
        , m_padding(paddingPx) {
        fit();
        view->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (watched == m_view && event->type() == QEvent::FontChange)
            fit();
        return false;
    }

private:
    void fit() { m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + m_padding); }

    QTableView *m_view;
    int m_padding;
};
} // namespace

void useFixedPitchFont(QWidget *widget) {
    QFont font; // only the family and hint are set: the size still comes from the parent
    font.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    font.setStyleHint(QFont::Monospace);
    widget->setFont(font);
}

void fitRowsToFont(QTableView *view, int paddingPx) {
    new RowFitter(view, paddingPx);
}

} // namespace triptych::ui
