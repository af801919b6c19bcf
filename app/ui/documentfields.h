#pragma once

#include "app/model/keyvaluemodel.h"
#include "app/workspace/requestdocument.h"

// Between a pane's name/value tables and a saved request's entries (composerdocument.cpp). The tables have no
// "enabled" switch: they show the enabled entries, and the disabled ones of the loaded document are kept aside.
namespace triptych::ui::documentfields {

model::KeyValueModel::Pairs enabledPairs(const QList<workspace::KeyValue> &entries);

// The loaded entries when the table still shows what they had; otherwise the table's rows, then the loaded document's
// disabled entries.
QList<workspace::KeyValue> mergeEntries(const QList<workspace::KeyValue> &loaded,
                                        const model::KeyValueModel::Pairs &shown);

} // namespace triptych::ui::documentfields
