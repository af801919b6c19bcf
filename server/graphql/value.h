#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
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

// What a resolver returns: a leaf, a list, an object, null, an error, or a deferred value.
class Resolved {
public:
    enum class Kind : std::uint8_t { Null, Int, Float, Boolean, String, List, Object, Error, Deferred };
    using Thunk = std::function<Resolved()>;

    Resolved() = default;
    Resolved(std::nullptr_t) {}
    Resolved(int v)
        : m_kind(Kind::Int)
        , m_int(v) {}
    Resolved(std::int64_t v)
        : m_kind(Kind::Int)
        , m_int(v) {}
    Resolved(double v)
        : m_kind(Kind::Float)
        , m_float(v) {}
    Resolved(bool v)
        : m_kind(Kind::Boolean)
        , m_bool(v) {}
    Resolved(std::string v)
        : m_kind(Kind::String)
        , m_string(std::move(v)) {}
    Resolved(const char *v)
        : m_kind(Kind::String)
        , m_string(v) {}
    Resolved(ObjectRef object)
        : m_kind(Kind::Object)
        , m_object(std::move(object)) {}
    Resolved(std::vector<Resolved> items)
        : m_kind(Kind::List)
        , m_list(std::move(items)) {}
    Resolved(FieldError error)
        : m_kind(Kind::Error)
        , m_extra(std::make_shared<Extra>(Extra{std::move(error), nullptr, {}})) {}
    // A string the resolver guarantees outlives the execution (no copy is made).
    static Resolved view(std::string_view text);
    static Resolved error(std::string message, Value extensions = {});
    // A value available after `source` dispatched; `get` runs then, on the executing thread.
    static Resolved deferred(BatchSource *source, Thunk get);
    // A leaf or list from a JSON-like value (enums become strings).
    static Resolved fromValue(const Value &value);

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    std::int64_t asInt() const { return m_int; }
    double asFloat() const { return m_float; }
    bool asBool() const { return m_bool; }
    std::string_view asString() const { return m_isView ? m_view : std::string_view(m_string); }
    const std::vector<Resolved> &asList() const { return m_list; }
    std::vector<Resolved> &list() { return m_list; }
    const ObjectRef &asObject() const { return m_object; }
    const FieldError &asError() const { return m_extra->error; }
    BatchSource *deferredSource() const { return m_extra ? m_extra->source : nullptr; }
    // Runs the deferred computation (Deferred kind only).
    Resolved resolveDeferred() const { return m_extra && m_extra->thunk ? m_extra->thunk() : Resolved(); }

private:
    Kind m_kind = Kind::Null;
    bool m_bool = false;
    bool m_isView = false;
    std::int64_t m_int = 0;
    double m_float = 0;
    std::string m_string;
    std::string_view m_view;
    std::vector<Resolved> m_list;
    ObjectRef m_object;
    // Errors and deferred values are rare: one pointer keeps every other value small.
    struct Extra {
        FieldError error;
        BatchSource *source;
        Thunk thunk;
    };
    std::shared_ptr<const Extra> m_extra;
};

} // namespace triptych::graphql
