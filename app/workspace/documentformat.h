#pragma once

#include "app/workspace/diagnostic.h"
#include "app/workspace/requestdocument.h"

#include <QByteArray>
#include <QString>

#include <optional>

// The request file format (docs/workspace.md): one YAML file per saved request, named "<name>.<style>.yaml"
// (orders.rest.yaml, orders.graphql.yaml, orders.grpc.yaml). The file name carries the request's name and style, the
// file the rest; keys come in a fixed order, defaults are left out, multi-line text is a literal block.
namespace triptych::workspace {

namespace format {
constexpr int kVersion = 1;                         // the `version:` every file carries; a newer one is refused
constexpr qint64 kMaxFileBytes = 8LL * 1024 * 1024; // a request file beyond this is refused unread
} // namespace format

// ".rest.yaml", ".graphql.yaml", ".grpc.yaml".
QString requestFileSuffix(RequestStyle style);
// The style a file name says ("orders.grpc.yaml" → Grpc), nothing for any other file.
std::optional<RequestStyle> styleOfFileName(QStringView fileName);
// "orders.grpc.yaml" → "orders"; the name the request has in the workspace.
QString requestNameOfFileName(QStringView fileName);
QString requestFileName(const QString &name, RequestStyle style);

// The file's bytes: the same document always gives the same bytes. The name is not written (it is the file's name).
QByteArray writeRequest(const RequestDocument &document);

struct RequestReadResult {
    RequestDocument document; // what could be read, also when there are errors
    Diagnostics diagnostics;  // errors and warnings, each with file:line
    bool ok() const { return !hasErrors(diagnostics); }
};

// Reads one request file; `file` labels the diagnostics (a path relative to the workspace), `name` becomes the
// document's name. Unknown keys are warnings; wrong types, bad values and YAML syntax errors are errors.
RequestReadResult readRequest(const QByteArray &bytes, RequestStyle style, const QString &name, const QString &file);

} // namespace triptych::workspace
