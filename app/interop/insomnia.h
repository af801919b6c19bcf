#pragma once

#include "app/interop/importresult.h"

#include <QByteArray>
#include <QString>

// Insomnia v4 exports (docs/interop.md): request groups become folders, requests REST or GraphQL requests, gRPC
// requests gRPC ones (by reflection), the base environment the collection's variables and its sub-environments
// environments. Nunjucks variables `{{ _.name }}` become `{{name}}`; template tags ({% … %}) are kept and reported.
namespace triptych::interop {

// `file` labels the diagnostics.
ImportResult importInsomnia(const QByteArray &bytes, const QString &file);

} // namespace triptych::interop
