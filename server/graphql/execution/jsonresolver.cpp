#include "server/graphql/execution/jsonresolver.h"

#include "server/graphql/execution/executor.h"
#include "server/graphql/json.h"

namespace triptych::graphql {
namespace {

Resolved fromData(const Value &v, const ResolveInfo &info) {
    if (v.kind() == Value::Kind::List) {
        std::vector<Resolved> items;
        items.reserve(v.asList().size());
        for (const auto &item : v.asList())
            items.push_back(fromData(item, info));
        return Resolved(std::move(items));
    }
    if (v.kind() != Value::Kind::Object)
        return Resolved::fromValue(v);
    if (const Value *message = v.find("__error")) {
        const Value *extensions = v.find("extensions");
        return Resolved::error(message->asString(), extensions ? *extensions : Value());
    }
    if (v.find("__args"))
        return Resolved(toJsonString(info.args));
    return jsonObject(v);
}

} // namespace

ObjectRef jsonObject(const Value &object) {
    const Value *typeName = object.find("__typename");
    return ObjectRef{nullptr, &object, 0,
                     typeName && typeName->kind() == Value::Kind::String ? std::string_view(typeName->asString())
                                                                         : std::string_view()};
}

Resolver jsonFieldResolver() {
    return [](const ResolveInfo &info) -> Resolved {
        const Value *parent = info.parent.as<Value>();
        if (!parent || parent->kind() != Value::Kind::Object)
            return Resolved();
        const Value *v = parent->find(info.field.name);
        return v ? fromData(*v, info) : Resolved();
    };
}

} // namespace triptych::graphql
