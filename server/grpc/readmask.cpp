#include "server/grpc/readmask.h"

#include "server/grpc/statusmapping.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/message.h>

#include <algorithm>
#include <string_view>

namespace triptych::rpc {

Result<MaskedFields> readMaskFields(const google::protobuf::FieldMask &mask,
                                    const google::protobuf::Descriptor &descriptor) {
    MaskedFields kept;
    for (const std::string &path : mask.paths()) {
        std::string_view rest(path);
        while (true) {
            const auto comma = rest.find(',');
            std::string_view name = rest.substr(0, comma);
            while (name.starts_with(' '))
                name.remove_prefix(1);
            while (name.ends_with(' '))
                name.remove_suffix(1);
            const auto *field = descriptor.FindFieldByName(std::string(name));
            if (!field) {
                // Appended piecewise: GCC 12 at -O2 warns (-Wrestrict, a false positive) on "'" + std::string.
                std::string text(1, '\'');
                text.append(name).append("' is not a field of ").append(descriptor.full_name());
                return invalidField("read_mask", text.append(" (use snake_case names)"));
            }
            if (std::find(kept.begin(), kept.end(), field) == kept.end())
                kept.push_back(field);
            if (comma == std::string_view::npos)
                break;
            rest.remove_prefix(comma + 1);
        }
    }
    return kept;
}

Status applyReadMask(const google::protobuf::FieldMask &mask, google::protobuf::Message &message) {
    const auto *descriptor = message.GetDescriptor();
    const auto kept = readMaskFields(mask, *descriptor);
    if (!kept)
        return kept.error();
    if (kept->empty())
        return Done{};
    const auto *reflection = message.GetReflection();
    for (int i = 0; i < descriptor->field_count(); ++i) {
        const auto *field = descriptor->field(i);
        if (std::find(kept->begin(), kept->end(), field) == kept->end())
            reflection->ClearField(&message, field);
    }
    return Done{};
}

void moveMaskedFields(google::protobuf::Message &full, google::protobuf::Message &out, const MaskedFields &fields) {
    if (fields.empty())
        return out.GetReflection()->Swap(&full, &out);
    full.GetReflection()->SwapFields(&full, &out, fields);
}

} // namespace triptych::rpc
