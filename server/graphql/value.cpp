#include "server/graphql/value.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace triptych::graphql {

Value Value::fromInt(std::int64_t v) {
    Value value;
    value.m_kind = Kind::Int;
    value.m_int = v;
    return value;
}

Value Value::fromFloat(double v) {
    Value value;
    value.m_kind = Kind::Float;
    value.m_float = v;
    return value;
}

Value Value::fromString(std::string v) {
    Value value;
    value.m_kind = Kind::String;
    value.m_string = std::move(v);
    return value;
}

Value Value::fromBool(bool v) {
    Value value;
    value.m_kind = Kind::Boolean;
    value.m_bool = v;
    return value;
}

Value Value::fromEnum(std::string name) {
    Value value = fromString(std::move(name));
    value.m_kind = Kind::Enum;
    return value;
}

Value Value::fromList(List items) {
    Value value;
    value.m_kind = Kind::List;
    value.m_list = std::move(items);
    return value;
}

Value Value::fromObject(Object fields) {
    Value value;
    value.m_kind = Kind::Object;
    value.m_object = std::move(fields);
    return value;
}

const Value *Value::find(std::string_view key) const {
    for (const auto &[name, value] : m_object)
        if (name == key)
            return &value;
    return nullptr;
}

void Value::set(std::string key, Value value) {
    m_kind = Kind::Object;
    for (auto &[name, existing] : m_object) {
        if (name == key) {
            existing = std::move(value);
            return;
        }
    }
    m_object.emplace_back(std::move(key), std::move(value));
}

bool Value::operator==(const Value &other) const {
    if (m_kind != other.m_kind)
        return false;
    switch (m_kind) {
    case Kind::Null:
        return true;
    case Kind::Int:
        return m_int == other.m_int;
    case Kind::Float:
        return m_float == other.m_float;
    case Kind::Boolean:
        return m_bool == other.m_bool;
    case Kind::String:
    case Kind::Enum:
        return m_string == other.m_string;
    case Kind::List:
        return m_list == other.m_list;
    case Kind::Object:
        return m_object == other.m_object;
    }
    return false;
}

std::string formatJsNumber(double v) {
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "Infinity" : "-Infinity";
    if (v == 0)
        return "0";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::scientific);
    const std::string sci(buffer, result.ptr);
    // sci is "[-]d[.ddd]e[+-]xx": split into sign, digits and the decimal exponent n (value = 0.digits × 10^n).
    const bool negative = sci[0] == '-';
    const std::size_t ePos = sci.find('e');
    std::string digits;
    for (std::size_t i = negative ? 1 : 0; i < ePos; ++i)
        if (sci[i] != '.')
            digits += sci[i];
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    const int n = std::atoi(sci.c_str() + ePos + 1) + 1;
    const int k = static_cast<int>(digits.size());
    std::string out = negative ? "-" : "";
    if (k <= n && n <= 21) {
        out += digits + std::string(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, static_cast<std::size_t>(n)) + "." + digits.substr(static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
    } else {
        out += digits.substr(0, 1);
        if (k > 1)
            out += "." + digits.substr(1);
        out += (n - 1 >= 0) ? "e+" : "e-";
        out += std::to_string(std::abs(n - 1));
    }
    return out;
}

Resolved Resolved::view(std::string_view text) {
    Resolved r;
    r.m_kind = Kind::String;
    r.m_value = text;
    return r;
}

Resolved Resolved::error(std::string message, Value extensions) {
    return Resolved(FieldError{std::move(message), std::move(extensions)});
}

Resolved Resolved::deferred(BatchSource *source, Thunk get) {
    Resolved r;
    r.m_kind = Kind::Deferred;
    r.m_value = std::make_shared<const Extra>(Extra{{}, source, std::move(get)});
    return r;
}

std::string_view Resolved::asString() const {
    if (const auto *view = std::get_if<std::string_view>(&m_value))
        return *view;
    if (const auto *owned = std::get_if<std::string>(&m_value))
        return *owned;
    return {};
}

const std::vector<Resolved> &Resolved::asList() const {
    static const std::vector<Resolved> kEmpty;
    const auto *items = std::get_if<std::vector<Resolved>>(&m_value);
    return items ? *items : kEmpty;
}

std::vector<Resolved> &Resolved::list() {
    if (!std::holds_alternative<std::vector<Resolved>>(m_value)) {
        m_kind = Kind::List;
        m_value.emplace<std::vector<Resolved>>();
    }
    return std::get<std::vector<Resolved>>(m_value);
}

const ObjectRef &Resolved::asObject() const {
    static const ObjectRef kNone;
    const auto *object = std::get_if<ObjectRef>(&m_value);
    return object ? *object : kNone;
}

const Resolved::Extra *Resolved::extra() const {
    const auto *extra = std::get_if<std::shared_ptr<const Extra>>(&m_value);
    return extra ? extra->get() : nullptr;
}

const FieldError &Resolved::asError() const {
    static const FieldError kNoError;
    const Extra *e = extra();
    return e ? e->error : kNoError;
}

BatchSource *Resolved::deferredSource() const {
    const Extra *e = extra();
    return e ? e->source : nullptr;
}

Resolved Resolved::resolveDeferred() const {
    const Extra *e = extra();
    return e && e->thunk ? e->thunk() : Resolved();
}

Resolved Resolved::fromValue(const Value &value) {
    switch (value.kind()) {
    case Value::Kind::Null:
    case Value::Kind::Object:
        return Resolved();
    case Value::Kind::Int:
        return Resolved(value.asInt());
    case Value::Kind::Float:
        return Resolved(value.asFloat());
    case Value::Kind::Boolean:
        return Resolved(value.asBool());
    case Value::Kind::String:
    case Value::Kind::Enum:
        return Resolved(value.asString());
    case Value::Kind::List: {
        std::vector<Resolved> items;
        items.reserve(value.asList().size());
        for (const auto &item : value.asList())
            items.push_back(fromValue(item));
        return Resolved(std::move(items));
    }
    }
    return Resolved();
}

} // namespace triptych::graphql
