#pragma once

#include "app/interop/importresult.h"

#include <QByteArray>
#include <QString>

// OpenAPI 3.0 and 3.1, JSON or YAML (docs/interop.md): one REST request per operation, in a folder per first tag;
// the first server's URL becomes the variable baseUrl (the others, environments); path, query and header parameters
// take their example (else their default, else a value made from the schema); the body is the media type's example or
// one made from the schema; the operation's security requirement becomes the request's auth, its secret a variable
// named after the security scheme. Local $refs are followed, a cycle of them is an error naming the place.
namespace triptych::interop {

// `file` labels the diagnostics.
ImportResult importOpenApi(const QByteArray &bytes, const QString &file);

} // namespace triptych::interop
