#pragma once

// Internal to execution: the result storage shared by executor.cpp, response.cpp and subscription.cpp.
#include "server/graphql/execution/executor.h"

#include <rapidjson/document.h>

namespace triptych::graphql {

struct ExecutionResult::Impl {
    rapidjson::Document json; // `data` while executing; its allocator owns every result value
    bool hasData = false;
    bool dataNull = false;
    std::shared_ptr<const Document> document; // response keys point into the AST
};

// Writes a JSON-like value into a RapidJSON value.
void toJson(const Value &value, rapidjson::Value &out, rapidjson::Document::AllocatorType &allocator);

} // namespace triptych::graphql
