// Any document is validated, analysed and, when valid, executed against a small schema and data set;
// the response is serialized. Every path must end in a result or an error, written as valid UTF-8 JSON.
#include "server/graphql/execution/executor.h"
#include "server/graphql/execution/jsonresolver.h"
#include "server/graphql/json.h"
#include "server/graphql/schema/schemaprinter.h"
#include "server/graphql/syntax/parser.h"
#include "server/graphql/validation/analysis.h"
#include "server/graphql/validation/validator.h"
#include "tests/fuzz/fuzzchecks.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace triptych::graphql;

namespace {

const char *const kSdl = R"(
scalar Json
enum Color { RED GREEN BLUE }
interface Named { name: String! }
type Pet implements Named { name: String! owner: Person color: Color friends(first: Int = 2): [Pet!] }
type Person implements Named { name: String! pets: [Pet] age: Int data: Json }
union Thing = Pet | Person
input PetFilter { color: Color name: String = "x" tags: [String!] nested: PetFilter }
type Query {
  person(id: ID!): Person
  things(filter: PetFilter, limit: Int): [Thing]
  required: String!
  broken: Person!
  echo(a: Int, b: [Float], c: PetFilter, d: Json, e: Color): String
}
type Mutation { rename(name: String!): Person }
type Subscription { petAdded: Pet }
)";

const char *const kData = R"({
  "person": {"__typename": "Person", "name": "Ann", "age": 31, "data": {"a": [1, 2]},
             "pets": [{"__typename": "Pet", "name": "Rex", "color": "RED", "friends": []}, null]},
  "things": [{"__typename": "Pet", "name": "Tom", "color": "PURPLE"}, {"__typename": "Person", "name": "Bob"},
             {"__error": "no thing", "extensions": {"code": "NOT_FOUND"}}],
  "required": null,
  "broken": {"__typename": "Person", "name": null},
  "echo": {"__args": true},
  "rename": {"__typename": "Person", "name": "Renamed"}
})";

struct Fixture {
    std::shared_ptr<Schema> schema = Schema::fromSdl(kSdl).schema;
    Value data = parseJson(kData).value_or(Value());
    Fixture() { schema->setDefaultResolver(jsonFieldResolver()); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size) {
    static const Fixture fixture;
    const std::string_view text(reinterpret_cast<const char *>(bytes), size);
    const ParseResult parsed = parse(text);
    if (!parsed.ok())
        return 0;
    const std::vector<GraphQLError> errors = validate(*fixture.schema, *parsed.document);
    CostOptions options;
    options.listSizes = {{"things", 20}};
    analyzeOperation(*fixture.schema, *parsed.document, {}, Value(), options);
    if (!errors.empty())
        return 0;
    ExecutionRequest request;
    request.document = parsed.document;
    request.rootValue = jsonObject(fixture.data);
    for (const auto &op : parsed.document->operations) {
        request.operationName = op.name;
        const std::string json = execute(*fixture.schema, request).toJson();
        triptych::fuzz::requireValidJson(json, "the execution result is not valid JSON");
    }
    return 0;
}
