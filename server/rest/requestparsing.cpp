#include "server/rest/requestparsing.h"

#include "server/domain/limits.h"
#include "server/rest/problems.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <charconv>
#include <limits>

namespace triptych::rest {
namespace {

std::string rangeMessage(int min, int max) {
    if (max == std::numeric_limits<int>::max())
        return "must be an integer of at least " + std::to_string(min);
    return "must be an integer between " + std::to_string(min) + " and " + std::to_string(max);
}

// Line and column (both from 1) of a byte offset, so a person can find the mistake in their editor.
std::pair<std::size_t, std::size_t> lineAndColumn(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

std::string syntaxError(const rapidjson::Document &document, std::string_view body) {
    const auto offset = document.GetErrorOffset();
    const auto [line, column] = lineAndColumn(body, offset);
    std::string reason = rapidjson::GetParseError_En(document.GetParseError());
    if (!reason.empty() && reason.back() == '.')
        reason.pop_back();
    return "The body is not valid JSON: " + reason + " at byte offset " + std::to_string(offset) + " (line " +
           std::to_string(line) + ", column " + std::to_string(column) + ").";
}

void readProduct(const rapidjson::Value &body, CreateOrderInput &input, std::vector<FieldViolation> &violations) {
    const auto member = body.FindMember("product");
    if (member == body.MemberEnd() || member->value.IsNull())
        violations.push_back({"product", "is required"});
    else if (!member->value.IsString())
        violations.push_back({"product", "must be a string naming a product of the catalog"});
    else
        input.product.assign(member->value.GetString(), member->value.GetStringLength());
}

void readQuantity(const rapidjson::Value &body, CreateOrderInput &input, std::vector<FieldViolation> &violations) {
    const auto member = body.FindMember("quantity");
    const std::string range = "must be an integer between " + std::to_string(limits::kMinOrderQuantity) + " and " +
                              std::to_string(limits::kMaxOrderQuantity);
    if (member == body.MemberEnd() || member->value.IsNull())
        violations.push_back({"quantity", "is required"});
    else if (!member->value.IsInt())
        violations.push_back({"quantity", range});
    else
        input.quantity = member->value.GetInt();
}

} // namespace

std::optional<std::int32_t> parseId(std::string_view text) {
    if (text.empty() || text.front() < '0' || text.front() > '9')
        return std::nullopt;
    std::int32_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0)
        return std::nullopt;
    return id;
}

int queryInt(const http::HttpRequest &request, std::string_view name, int fallback, int min, int max,
             std::vector<FieldViolation> &violations) {
    const auto text = request.queryParam(name);
    if (!text || text->empty()) // `?limit=` as the contract's templates spell it: the default
        return fallback;
    int value = 0;
    const char *first = text->data();
    const char *last = first + text->size();
    const auto [end, error] = std::from_chars(first, last, value);
    if (error != std::errc() || end != last || value < min || value > max) {
        violations.push_back({std::string(name), rangeMessage(min, max)});
        return fallback;
    }
    return value;
}

std::optional<http::HttpResponse> checkCredentials(const http::HttpRequest &request, const Credentials &credentials) {
    const auto authorization = request.headers.find("Authorization");
    const auto apiKey = request.headers.find("X-API-Key");
    if ((authorization && credentials.acceptsAuthorization(*authorization)) ||
        (apiKey && credentials.acceptsApiKey(*apiKey)))
        return std::nullopt;
    return unauthenticatedProblem(authorization.has_value() || apiKey.has_value());
}

bool isJsonMediaType(std::string_view contentType) {
    const auto semicolon = contentType.find(';');
    auto type = contentType.substr(0, semicolon);
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t'))
        type.remove_suffix(1);
    return http::equalsIgnoringCase(type, "application/json");
}

std::variant<CreateOrderInput, http::HttpResponse> parseCreateOrder(const http::HttpRequest &request, UserId userId) {
    const auto contentType = request.header("Content-Type");
    if (!isJsonMediaType(contentType))
        return unsupportedMediaTypeProblem(contentType);
    rapidjson::Document document;
    // Iterative: a body of a million '[' must not overflow the stack. Invalid UTF-8 is refused here, so no answer
    // echoes it. Anything but whitespace after the value is an error with its offset.
    document.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(request.body.data(),
                                                                                           request.body.size());
    if (document.HasParseError())
        return malformedJsonProblem(syntaxError(document, request.body));
    if (!document.IsObject())
        return malformedJsonProblem("The body must be a JSON object such as {\"product\": \"Desk Lamp\", "
                                    "\"quantity\": 2}.");
    CreateOrderInput input;
    input.userId = userId;
    std::vector<FieldViolation> violations;
    readProduct(document, input, violations);
    readQuantity(document, input, violations);
    if (!violations.empty())
        return validationProblem(std::move(violations));
    return input;
}

} // namespace triptych::rest
