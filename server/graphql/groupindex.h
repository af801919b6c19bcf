#pragma once

#include <cstddef>
#include <string_view>
#include <unordered_map>

namespace triptych::graphql {

// Finds a key among groups kept in first-seen order (each group a `.first` key, keys unique): a scan while there
// are few, a hash index beyond that. Grouping n fields is then linear (10,000 aliases were quadratic) and the
// usual small selection set pays no allocation.
class GroupIndex {
public:
    // The position of key in groups, or groups.size() when it has none yet.
    template <class Groups> std::size_t find(const Groups &groups, std::string_view key) {
        if (groups.size() <= kScanUpTo) {
            for (std::size_t i = 0; i < groups.size(); ++i)
                if (groups[i].first == key)
                    return i;
            return groups.size();
        }
        for (std::size_t i = m_index.size(); i < groups.size(); ++i) // groups added since the last look
            m_index.emplace(groups[i].first, i);
        const auto it = m_index.find(key);
        return it == m_index.end() ? groups.size() : it->second;
    }

private:
    static constexpr std::size_t kScanUpTo = 16;
    std::unordered_map<std::string_view, std::size_t> m_index;
};

} // namespace triptych::graphql
