#pragma once

#include <QByteArray>

namespace triptych::model {

// A gRPC method's request template (every field at its zero value) with the values the order service's data set
// gives filled in — user_id 42 (the user with 1,000 orders), order_id 1, quantity 1, a product of the catalogue —
// so a picked method can be sent as it is instead of failing on user_id 0; indented for the editor.
QByteArray exampleRequest(const QByteArray &templateJson);

} // namespace triptych::model
