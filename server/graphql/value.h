#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace triptych::graphql {

// A JSON-like value: variables, coerced arguments, input objects and error extensions.
class Value {
public:
    enum class Kind : std::uint8_t { Null, Int, Float, String, Boolean, Enum, List, Object };
    using List = std::vector<Value>;
    using Object = std::vector<std::pair<std::string, Value>>;

    Value() = default;
    static Value fromInt(std::int64_t v);
    static Value fromFloat(double v);
    static Value fromString(std::string v);
    static Value fromBool(bool v);
    static Value fromEnum(std::string name);
    static Value fromList(List items);
    static Value fromObject(Object fields);

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    std::int64_t asInt() const { return m_int; }
    double asFloat() const { return m_kind == Kind::Int ? static_cast<double>(m_int) : m_float; }
    bool asBool() const { return m_bool; }
    const std::string &asString() const { return m_string; } // String and Enum
    const List &asList() const { return m_list; }
    const Object &asObject() const { return m_object; }
    List &list() { return m_list; }
    Object &object() { return m_object; }
    // The field `key` of an object value, or nullptr.
    const Value *find(std::string_view key) const;
    void set(std::string key, Value value);

    bool operator==(const Value &other) const;

private:
    Kind m_kind = Kind::Null;
    bool m_bool = false;
    std::int64_t m_int = 0;
    double m_float = 0;
    std::string m_string;
    List m_list;
    Object m_object;
};

// Formats a JSON number the way JavaScript's Number#toString does (graphql-js messages and String coercion).
std::string formatJsNumber(double v);

// An object of the user's domain as the executor carries it: opaque data plus the concrete type name.
// Copying is cheap (a shared_ptr, a raw pointer or an index); which one is used is the resolvers' business.
struct ObjectRef {
    std::shared_ptr<const void> data;
    const void *ptr = nullptr;
    std::int64_t id = 0;
    std::string_view typeName; // concrete object type; needed where the field type is an interface or union

    template <class T> const T *as() const { return static_cast<const T *>(data ? data.get() : ptr); }
};

// An error a resolver reports: the field becomes null and the response carries it with path and locations.
struct FieldError {
    std::string message;
    Value extensions; // an Object value, e.g. {"code": "BAD_USER_INPUT"}, or null
};

class Resolved;

// Where deferred values come from (a DataLoader): the executor calls dispatch() once per level of the
// response, after every resolver of that level ran, then reads the deferred values.
class BatchSource {
public:
    virtual ~BatchSource() = default;
    virtual void dispatch() = 0;
};

// What a resolver returns: a leaf, a list, an object, null, an error, or a deferred value. The executor makes one
// per field, so only the alternative in use is constructed, moved and destroyed (a variant, not a struct of all).
class Resolved {
public:
    enum class Kind : std::uint8_t { Null, Int, Float, Boolean, String, List, Object, Error, Deferred };
    using Thunk = std::function<Resolved()>;

    Resolved() = default;
    Resolved(std::nullptr_t) {}
    Resolved(int v)
        : m_kind(Kind::Int)
        , m_value(std::int64_t(v)) {}
    Resolved(std::int64_t v)
        : m_kind(Kind::Int)
        , m_value(v) {}
    Resolved(double v)
        : m_kind(Kind::Float)
        , m_value(v) {}
    Resolved(bool v)
        : m_kind(Kind::Boolean)
        , m_value(v) {}
    Resolved(std::string v)
        : m_kind(Kind::String)
        , m_value(std::move(v)) {}
    Resolved(const char *v)
        : m_kind(Kind::String)
        , m_value(std::string(v)) {}
    Resolved(ObjectRef object)
        : m_kind(Kind::Object)
        , m_value(std::move(object)) {}
    Resolved(std::vector<Resolved> items)
        : m_kind(Kind::List)
        , m_value(std::move(items)) {}
    Resolved(FieldError error)
        : m_kind(Kind::Error)
        , m_value(std::make_shared<const Extra>(Extra{std::move(error), nullptr, {}})) {}
    // A string the resolver guarantees outlives the execution (no copy is made).
    static Resolved view(std::string_view text);
    static Resolved error(std::string message, Value extensions = {});
    // A value available after `source` dispatched; `get` runs then, on the executing thread.
    static Resolved deferred(BatchSource *source, Thunk get);
    // A leaf or list from a JSON-like value (enums become strings).
    static Resolved fromValue(const Value &value);

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    // Each accessor answers a neutral value (0, false, "", empty) for a value of another kind.
    std::int64_t asInt() const { return get<std::int64_t>(0); }
    double asFloat() const { return get<double>(0.0); }
    bool asBool() const { return get<bool>(false); }
    std::string_view asString() const;
    const std::vector<Resolved> &asList() const;
    std::vector<Resolved> &list(); // makes this an empty list first when it is not a list
    const ObjectRef &asObject() const;
    const FieldError &asError() const;
    BatchSource *deferredSource() const;
    // Runs the deferred computation (Deferred kind only).
    Resolved resolveDeferred() const;

private:
    // Errors and deferred values are rare: one pointer keeps every other value small.
    struct Extra {
        FieldError error;
        BatchSource *source;
        Thunk thunk;
    };
    template <class T> T get(T otherwise) const {
        const T *value = std::get_if<T>(&m_value);
        return value ? *value : otherwise;
    }
    const Extra *extra() const;

    Kind m_kind = Kind::Null;
    std::variant<std::monostate, std::int64_t, double, bool, std::string, std::string_view, std::vector<Resolved>,
                 ObjectRef, std::shared_ptr<const Extra>>
        m_value;
};

} // namespace triptych::graphql
