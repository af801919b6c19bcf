#include "server/graphql/execution/executor.h"

#include "server/graphql/execution/coercion.h"
#include "server/graphql/execution/executorcore.h"
#include "server/graphql/limits.h"
#include "server/graphql/schema/introspection.h"
#include "server/graphql/syntax/parser.h"
#include "server/graphql/validation/validator.h"

#include <algorithm>
#include <charconv>
#include <deque>
#include <map>
#include <optional>
#include <unordered_set>

namespace triptych::graphql::detail {

void Executor::runLevels() {
    std::size_t depth = 0;
    while (!m_current.empty() || !m_objects.empty()) {
        for (const Task &task : m_current)
            executeField(task);
        for (const ObjectTask &object : m_objects)
            executeFields(object);
        while (!m_pending.empty()) {
            std::vector<Pending> batch = std::move(m_pending);
            m_pending.clear();
            std::vector<BatchSource *> sources;
            for (const auto &p : batch)
                if (p.value.deferredSource() &&
                    std::find(sources.begin(), sources.end(), p.value.deferredSource()) == sources.end())
                    sources.push_back(p.value.deferredSource());
            for (BatchSource *source : sources)
                source->dispatch();
            for (auto &p : batch) {
                Resolved value = p.value.resolveDeferred();
                if (!complete(p.task, *p.def, p.type, value, *p.slot, p.container, p.path))
                    propagate(p.container);
            }
        }
        m_current.clear();
        m_objects.swap(m_nextObjects);
        m_nextObjects.clear();
        if (++depth > kMaxExecutionDepthLevels)
            break;
    }
}

void Executor::executeFields(const ObjectTask &object) {
    const Grouped &fields = *object.fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const GroupedField &field = fields[i];
        const auto ordinal = static_cast<std::uint32_t>(i);
        // A leaf's path is needed only while it runs (errors copy it), unless its value comes later: no node kept.
        const bool leaf = field.def && !field.def->type.nullable().isList() && field.def->type.named()->isLeaf();
        const PathNode local{object.path, field.first, 0, ordinal};
        const PathNode *path = leaf ? &local : child(object.path, field.first, 0, ordinal);
        executeField(Task{object.type, &object.object, &field.second, field.def, &object.members[i].value,
                          object.container, path, field.observed},
                     leaf);
    }
}

void Executor::executeField(const Task &task, bool ephemeralPath) {
    const SelectionNode &node = *task.nodes->front();
    const Field *def = task.def;
    if (!def)
        return;
    static const Value kNoArguments = Value::fromObject({});
    std::optional<Value> args;
    if (!def->args.empty() || !node.arguments.empty()) {
        args.emplace();
        if (auto error = coerceArgumentValues(m_schema, def->args, node.arguments, m_variables, *args)) {
            addError(task, error->message, task.path);
            if (error->valueLoc)
                m_errors.back().error.locations = {*error->valueLoc};
            if (!def->type.isNonNull())
                task.slot->SetNull();
            else
                propagate(task.container);
            return;
        }
    }
    Resolved value = resolve(task, *def, task.path, args ? *args : kNoArguments);
    if (ephemeralPath && value.kind() == Resolved::Kind::Deferred) {
        Task kept = task;
        kept.path = child(task.path->parent, task.path->key, task.path->index, task.path->ordinal);
        if (!complete(kept, *def, def->type, value, *kept.slot, kept.container, kept.path))
            propagate(kept.container);
        return;
    }
    if (!complete(task, *def, def->type, value, *task.slot, task.container, task.path))
        propagate(task.container);
}

Resolved Executor::resolve(const Task &task, const Field &def, const PathNode *path, const Value &args) {
    const SelectionNode &node = *task.nodes->front();
    if (&def == &m_schema.typenameField())
        return Resolved::view(task.parentType->name);
    if (&def == &m_schema.schemaField())
        return introspection::schemaRef(m_schema);
    if (&def == &m_schema.typeField())
        return introspection::typeByName(m_schema, args.find("name") ? args.find("name")->asString() : "");
    const Resolver &resolver = def.resolver ? def.resolver : m_schema.defaultResolver();
    if (!resolver)
        return Resolved();
    const ResolveInfo info{*task.parent, args, m_request.context, def, *task.parentType, node, m_variables, path};
    if (task.observed)
        m_request.observer->resolverStarted(info);
    Resolved result = [&]() -> Resolved {
        try {
            return resolver(info);
        } catch (const std::exception &e) {
            return Resolved::error(e.what());
        } catch (...) {
            return Resolved::error("Unexpected error.");
        }
    }();
    if (task.observed)
        m_request.observer->resolverFinished(info, result);
    return result;
}

void Executor::addError(const Task &task, std::string message, const PathNode *path, Value extensions) {
    RecordedError e;
    e.error.message = std::move(message);
    for (const SelectionNode *node : *task.nodes)
        e.error.locations.push_back(node->loc);
    for (const PathNode *p = path; p; p = p->parent) {
        if (p->key.empty())
            e.error.path.emplace_back(p->index);
        else
            e.error.path.emplace_back(std::string(p->key));
    }
    std::reverse(e.error.path.begin(), e.error.path.end());
    e.error.hasPath = true;
    e.error.extensions = std::move(extensions);
    e.key = keyOf(path);
    e.absorbedAt = e.key;
    m_errors.push_back(std::move(e));
}

void Executor::absorbLocally(const PathNode *path) {
    if (!m_errors.empty())
        m_errors.back().absorbedAt = keyOf(path);
}

void Executor::propagate(Container *container) {
    for (Container *c = container; c; c = c->parent) {
        if (c == m_root) {
            m_out.dataNull = true;
            if (!m_errors.empty())
                m_errors.back().absorbedAt.clear();
            return;
        }
        c->value->SetNull();
        if (!c->nonNull) {
            if (!m_errors.empty())
                m_errors.back().absorbedAt = keyOf(c->path);
            return;
        }
    }
}

bool Executor::complete(const Task &task, const Field &def, TypeRef type, Resolved &value, rapidjson::Value &slot,
                        Container *container, const PathNode *path) {
    const bool nonNull = type.isNonNull();
    const TypeRef t = type.nullable();
    const auto fail = [&] {
        if (nonNull)
            return false;
        slot.SetNull();
        absorbLocally(path);
        return true;
    };
    switch (value.kind()) {
    case Resolved::Kind::Error:
        addError(task, value.asError().message, path, value.asError().extensions);
        return fail();
    case Resolved::Kind::Deferred:
        m_pending.push_back(Pending{task, &def, type, std::move(value), &slot, container, path});
        return true;
    case Resolved::Kind::Null:
        if (nonNull) {
            addError(task, "Cannot return null for non-nullable field " + task.parentType->name + "." + def.name + ".",
                     path);
            return false;
        }
        slot.SetNull();
        return true;
    default:
        break;
    }
    if (t.isList()) {
        if (value.kind() != Resolved::Kind::List) {
            addError(task,
                     "Expected Iterable, but did not find one for field \"" + task.parentType->name + "." + def.name +
                         "\".",
                     path);
            return fail();
        }
        auto &items = value.list();
        slot.SetArray();
        slot.Reserve(static_cast<rapidjson::SizeType>(items.size()), m_alloc);
        for (std::size_t i = 0; i < items.size(); ++i)
            slot.PushBack(rapidjson::Value(), m_alloc);
        Container *list = &m_containers.emplace_back(Container{&slot, container, nonNull, path});
        for (std::size_t i = 0; i < items.size(); ++i) {
            const PathNode *itemPath = child(path, {}, static_cast<std::int64_t>(i), static_cast<std::uint32_t>(i));
            if (!complete(task, def, t.ofType(), items[i], slot[static_cast<rapidjson::SizeType>(i)], list, itemPath))
                return fail();
        }
        return true;
    }
    if (t.named()->isLeaf())
        return completeLeaf(task, *t.named(), value, slot, path) || fail();
    return completeObject(task, def, t, nonNull, value, slot, container, path) || fail();
}

bool Executor::completeLeaf(const Task &task, const NamedType &type, const Resolved &value, rapidjson::Value &slot,
                            const PathNode *path) {
    const bool isString = type.builtIn == BuiltInScalar::String || type.builtIn == BuiltInScalar::Id;
    if (value.kind() == Resolved::Kind::String && isString) {
        const std::string_view s = value.asString();
        slot.SetString(s.data(), static_cast<rapidjson::SizeType>(s.size()), m_alloc);
        return true;
    }
    if (value.kind() == Resolved::Kind::Int && type.builtIn == BuiltInScalar::Int && value.asInt() <= 2147483647 &&
        value.asInt() >= -2147483648LL) {
        slot.SetInt(static_cast<int>(value.asInt()));
        return true;
    }
    if (value.kind() == Resolved::Kind::Int && type.builtIn == BuiltInScalar::Id) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value.asInt()).ptr;
        slot.SetString(digits, static_cast<rapidjson::SizeType>(end - digits), m_alloc);
        return true;
    }
    Value out;
    if (auto error = serializeLeaf(type, value, out)) {
        addError(task, *error, path);
        return false;
    }
    toJson(out, slot, m_alloc);
    return true;
}

bool Executor::completeObject(const Task &task, const Field &def, TypeRef type, bool nonNull, const Resolved &value,
                              rapidjson::Value &slot, Container *container, const PathNode *path) {
    if (value.kind() != Resolved::Kind::Object) {
        std::string message = "Expected value of type \"";
        message.append(type.toString()).append("\" but got: ");
        if (value.kind() == Resolved::Kind::String)
            message.append("\"").append(value.asString()).append("\".");
        else
            message.append("a non-object value.");
        addError(task, std::move(message), path);
        return false;
    }
    const ObjectRef &object = value.asObject();
    const NamedType *concrete = type.named();
    if (concrete->isAbstract()) {
        const NamedType *runtime = object.typeName.empty() ? nullptr : m_schema.type(object.typeName);
        if (!runtime) {
            addError(task,
                     "Abstract type \"" + concrete->name + "\" must resolve to an Object type at runtime for field \"" +
                         task.parentType->name + "." + def.name + "\". Either the \"" + concrete->name +
                         "\" type should provide a \"resolveType\" function or each possible type should "
                         "provide an \"isTypeOf\" function.",
                     path);
            return false;
        }
        if (runtime->kind != TypeKind::Object || !m_schema.isPossibleType(concrete, runtime)) {
            addError(task,
                     "Runtime Object type \"" + runtime->name + "\" is not a possible type for \"" + concrete->name +
                         "\".",
                     path);
            return false;
        }
        concrete = runtime;
    }
    const Grouped &fields = collect(concrete, *task.nodes);
    slot.SetObject();
    for (const auto &entry : fields)
        slot.AddMember(rapidjson::StringRef(entry.first.data(), entry.first.size()), rapidjson::Value(), m_alloc);
    Container *c = &m_containers.emplace_back(Container{&slot, container, nonNull, path});
    if (!fields.empty())
        m_nextObjects.push_back(ObjectTask{concrete, object, &fields, &*slot.MemberBegin(), c, path});
    return true;
}

// graphql-js executes depth first and stops a subtree at the first error that nulls it; levels run here
// breadth first, so errors are put in depth-first order and those graphql-js would never reach dropped.
} // namespace triptych::graphql::detail
