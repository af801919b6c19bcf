#include "server/grpc/readmask.h"

#include "server/grpc/statusmapping.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/message.h>

#include <set>
#include <string_view>

namespace triptych::rpc {

Status applyReadMask(const google::protobuf::FieldMask &mask, google::protobuf::Message &message) {
    if (mask.paths_size() == 0)
        return Done{};
    const auto *descriptor = message.GetDescriptor();
    std::set<const google::protobuf::FieldDescriptor *> kept;
    for (const std::string &path : mask.paths()) {
        std::string_view rest(path);
        while (true) {
            const auto comma = rest.find(',');
            std::string_view name = rest.substr(0, comma);
            while (name.starts_with(' '))
                name.remove_prefix(1);
            while (name.ends_with(' '))
                name.remove_suffix(1);
            const auto *field = descriptor->FindFieldByName(std::string(name));
            if (!field) {
                // Appended piecewise: GCC 12 at -O2 warns (-Wrestrict, a false positive) on "'" + std::string.
                std::string text(1, '\'');
                text.append(name).append("' is not a field of ").append(descriptor->full_name());
                return invalidField("read_mask", text.append(" (use snake_case names)"));
            }
            kept.insert(field);
            if (comma == std::string_view::npos)
                break;
            rest.remove_prefix(comma + 1);
        }
    }
    const auto *reflection = message.GetReflection();
    for (int i = 0; i < descriptor->field_count(); ++i) {
        const auto *field = descriptor->field(i);
        if (!kept.contains(field))
            reflection->ClearField(&message, field);
    }
    return Done{};
}

} // namespace triptych::rpc
