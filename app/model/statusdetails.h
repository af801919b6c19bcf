#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace triptych::model {

// Flattens a google.rpc.Status in JSON (as the client decodes grpc-status-details-bin) into rows a person reads:
// "user_id" → "must be positive" for each BadRequest.FieldViolation, "reason" → "USER_NOT_FOUND" for ErrorInfo,
// "retry after" → "1s" for RetryInfo, and the type name with its JSON for anything else.
QList<QPair<QString, QString>> flattenStatusDetails(const QByteArray &statusJson);

} // namespace triptych::model
