#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

// The products of the data set; an order's product must be one of them, and its total is quantity × unit price.
namespace triptych::catalog {

struct Product {
    std::string_view name;
    std::int32_t unitPriceCents;
};

inline constexpr std::array<Product, 20> kProducts{{
    {"Mechanical Keyboard", 12900},
    {"Wireless Mouse", 3900},
    {"USB-C Hub", 4900},
    {"27\" Monitor", 32900},
    {"Laptop Stand", 5900},
    {"Noise-Cancelling Headphones", 24900},
    {"Webcam HD", 7900},
    {"Desk Lamp", 3400},
    {"Ergonomic Chair", 44900},
    {"Standing Desk", 49900},
    {"Portable SSD 1TB", 10900},
    {"Microphone", 12900},
    {"Cable Organizer", 1500},
    {"Mouse Pad XL", 2500},
    {"Docking Station", 19900},
    {"Graphics Tablet", 8900},
    {"Smart Speaker", 9900},
    {"Router Wi-Fi 6", 14900},
    {"Power Bank", 4500},
    {"Phone Stand", 1900},
}};

inline std::optional<Product> findProduct(std::string_view name) {
    for (const auto &product : kProducts) {
        if (product.name == name)
            return product;
    }
    return std::nullopt;
}

} // namespace triptych::catalog
