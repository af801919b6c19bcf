#pragma once

#include <rapidjson/document.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

// A terse way to build the OpenAPI document with RapidJSON (internal to server/rest; run once at start).
namespace triptych::rest::openapi {

using Value = rapidjson::Value;
using Allocator = rapidjson::Document::AllocatorType;

class Builder {
public:
    explicit Builder(Allocator &allocator)
        : m_allocator(allocator) {}

    Value text(std::string_view value) const {
        return Value(value.data(), static_cast<rapidjson::SizeType>(value.size()), m_allocator);
    }
    // An object from key / value pairs; the values are moved in.
    Value object(std::initializer_list<std::pair<std::string_view, Value *>> members) const {
        Value result(rapidjson::kObjectType);
        for (const auto &[key, value] : members)
            result.AddMember(text(key), *value, m_allocator);
        return result;
    }
    Value &add(Value &object, std::string_view key, Value value) const {
        object.AddMember(text(key), value, m_allocator);
        return object;
    }
    Value &add(Value &object, std::string_view key, std::string_view value) const {
        return add(object, key, text(value));
    }
    Value &push(Value &array, Value value) const {
        array.PushBack(value, m_allocator);
        return array;
    }
    Value strings(std::initializer_list<std::string_view> values) const {
        Value result(rapidjson::kArrayType);
        for (auto value : values)
            push(result, text(value));
        return result;
    }
    Value ref(std::string_view kind, std::string_view name) const {
        Value result(rapidjson::kObjectType);
        return std::move(add(result, "$ref", "#/components/" + std::string(kind) + "/" + std::string(name)));
    }
    Value schema(std::string_view name) const { return ref("schemas", name); }
    Value type(std::string_view name, std::string_view format = {}) const {
        Value result(rapidjson::kObjectType);
        add(result, "type", name);
        if (!format.empty())
            add(result, "format", format);
        return result;
    }
    Value arrayOf(Value items) const {
        Value result = type("array");
        return std::move(add(result, "items", std::move(items)));
    }
    Value copy(const Value &value) const { return Value(value, m_allocator); }
    Allocator &allocator() const { return m_allocator; }

private:
    Allocator &m_allocator;
};

// The parts of the document, one function per section.
Value schemas(const Builder &b);
Value responses(const Builder &b);
Value headers(const Builder &b);
Value parameters(const Builder &b);
Value paths(const Builder &b);
Value components(const Builder &b);

} // namespace triptych::rest::openapi
