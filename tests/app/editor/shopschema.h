#pragma once

#include "app/editor/editorschema.h"

namespace triptych::testing {

// The shop schema of tests/data/graphql-lint, built once.
inline const editor::EditorSchema &shopSchema() {
    static const editor::EditorSchema schema = [] {
        QString error;
        return editor::EditorSchema::fromFile(QStringLiteral(TRIPTYCH_SHOP_SCHEMA), &error);
    }();
    return schema;
}

} // namespace triptych::testing
