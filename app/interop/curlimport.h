#pragma once

#include "app/interop/importresult.h"

#include <QString>

// A curl command line (as browsers' "Copy as cURL" and API docs give it) → one REST request, read as curl reads it:
// the method, URL, headers and body that the real curl binary would send (docs/interop.md lists every option).
// Options that change only curl's output are ignored with a warning; options Triptych cannot keep are named in a
// warning; a command that cannot be read is an error naming the place.
namespace triptych::interop {

// `file` labels the diagnostics: the file the command came from, or a name such as "pasted text".
ImportResult importCurl(const QString &command, const QString &file);

// Whether pasted text is a curl command (its first word is curl), so that a URL field can offer to import it.
bool looksLikeCurlCommand(QStringView text);

} // namespace triptych::interop
