#include "server/graphql/validation/validator.h"

#include "server/graphql/validation/validationcontext.h"

namespace triptych::graphql {

std::vector<GraphQLError> validate(const Schema &schema, const Document &document) {
    std::vector<GraphQLError> errors;
    validation::Context context(schema, document, errors);
    auto rules = validation::makeRules(context);
    std::vector<validation::Rule *> pointers;
    for (auto &rule : rules)
        pointers.push_back(rule.get());
    validation::Walker walker(context, pointers);
    walker.walkDocument();
    if (errors.size() >= kMaxValidationErrors) {
        errors.resize(kMaxValidationErrors);
        errors.push_back({"Too many validation errors, error limit reached. Validation aborted.", {}, {}, false, {}});
    }
    return errors;
}

} // namespace triptych::graphql
