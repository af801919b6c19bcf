#pragma once

#include "server/graphql/value.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace triptych::graphql {

// Batches the keys resolvers ask for during one level of execution into one call of `BatchFunction`
// (the N+1 cure). A resolver returns `loader.load(key, convert)`; the executor calls dispatch() once the
// level's resolvers ran, then each deferred value converts its loaded item. Results are cached per key for
// the loader's lifetime: create one loader per request (e.g. in the request context).
template <class K, class V> class DataLoader : public BatchSource {
public:
    // Returns one value per key, in the order of `keys` (keys are unique and sorted).
    using BatchFunction = std::function<std::vector<V>(const std::vector<K> &keys)>;
    using Convert = std::function<Resolved(const V &value)>;

    explicit DataLoader(BatchFunction batch)
        : m_batch(std::move(batch)) {}

    // Converts the cached value itself, so a list can point into it instead of copying it.
    using ConvertShared = std::function<Resolved(const std::shared_ptr<const V> &value)>;

    Resolved load(const K &key, Convert convert) {
        return loadShared(
            key, [convert = std::move(convert)](const std::shared_ptr<const V> &value) { return convert(*value); });
    }

    Resolved loadShared(const K &key, ConvertShared convert) {
        if (!m_cache.count(key))
            m_queue.push_back(key);
        return Resolved::deferred(this, [this, key, convert = std::move(convert)]() -> Resolved {
            const auto it = m_cache.find(key);
            return it == m_cache.end() ? Resolved() : convert(it->second);
        });
    }

    void dispatch() override {
        std::vector<K> keys;
        for (const K &key : m_queue)
            if (!m_cache.count(key) && (keys.empty() || !std::binary_search(keys.begin(), keys.end(), key)))
                keys.insert(std::upper_bound(keys.begin(), keys.end(), key), key);
        m_queue.clear();
        if (keys.empty())
            return;
        ++m_batches;
        std::vector<V> values = m_batch(keys);
        for (std::size_t i = 0; i < keys.size() && i < values.size(); ++i)
            m_cache.emplace(keys[i], std::make_shared<const V>(std::move(values[i])));
    }

    // How many times the batch function ran (tests and traces show it).
    std::size_t batchCount() const { return m_batches; }

private:
    BatchFunction m_batch;
    std::vector<K> m_queue;
    std::map<K, std::shared_ptr<const V>> m_cache;
    std::size_t m_batches = 0;
};

} // namespace triptych::graphql
