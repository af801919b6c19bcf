#pragma once

class QTableView;
class QWidget;

namespace triptych::ui {

// The system's fixed-pitch family with the size left to the parent, so zooming the window (Ctrl++) resizes
// editors and bodies with everything else.
void useFixedPitchFont(QWidget *widget);
// Rows of `view` as tall as its font needs plus `paddingPx`, now and whenever its font changes (zoom).
void fitRowsToFont(QTableView *view, int paddingPx);

} // namespace triptych::ui
