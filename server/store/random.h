#pragma once

#include <cstdint>

namespace triptych::store {

// xoshiro256** seeded through splitmix64: the same seed gives the same numbers on every machine and compiler,
// which std::uniform_int_distribution does not promise.
class DeterministicRandom {
public:
    explicit DeterministicRandom(std::uint64_t seed);
    std::uint64_t next();
    // Uniform in [0, bound) without modulo bias worth noticing (Lemire's multiply-shift).
    std::uint32_t below(std::uint32_t bound);
    // Uniform in [low, high], both included.
    std::int64_t between(std::int64_t low, std::int64_t high);
    bool chance(std::uint32_t percent) { return below(100) < percent; }
    template <typename Container> const auto &pick(const Container &items) {
        return items[below(static_cast<std::uint32_t>(items.size()))];
    }

private:
    std::uint64_t m_state[4];
};

} // namespace triptych::store
