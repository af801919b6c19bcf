#pragma once

#include <array>
#include <string_view>

// Word lists the data set draws realistic user profiles from.
namespace triptych::store::profiles {

struct Place {
    std::string_view city;
    std::string_view country; // ISO 3166-1 alpha-2
    std::string_view timezone;
    std::string_view locale;
    std::string_view language; // ISO 639-1
    std::string_view currency; // ISO 4217
    std::string_view phonePrefix;
};

inline constexpr std::array<Place, 12> kPlaces{{
    {"New York", "US", "America/New_York", "en-US", "en", "USD", "+1"},
    {"San Francisco", "US", "America/Los_Angeles", "en-US", "en", "USD", "+1"},
    {"Toronto", "CA", "America/Toronto", "en-CA", "en", "CAD", "+1"},
    {"London", "GB", "Europe/London", "en-GB", "en", "GBP", "+44"},
    {"Berlin", "DE", "Europe/Berlin", "de-DE", "de", "EUR", "+49"},
    {"Paris", "FR", "Europe/Paris", "fr-FR", "fr", "EUR", "+33"},
    {"Madrid", "ES", "Europe/Madrid", "es-ES", "es", "EUR", "+34"},
    {"Amsterdam", "NL", "Europe/Amsterdam", "nl-NL", "nl", "EUR", "+31"},
    {"Tokyo", "JP", "Asia/Tokyo", "ja-JP", "ja", "JPY", "+81"},
    {"Sydney", "AU", "Australia/Sydney", "en-AU", "en", "AUD", "+61"},
    {"São Paulo", "BR", "America/Sao_Paulo", "pt-BR", "pt", "BRL", "+55"},
    {"Bangalore", "IN", "Asia/Kolkata", "en-IN", "en", "INR", "+91"},
}};

inline constexpr std::array<std::string_view, 32> kFirstNames{
    "Ada",   "Alan",  "Grace",  "Linus",  "Margaret", "Dennis",  "Barbara", "Ken",  "Radia",  "Tim",   "Frances",
    "John",  "Hedy",  "Edsger", "Anita",  "Donald",   "Sophie",  "Guido",   "Joan", "Bjarne", "Mary",  "Yukihiro",
    "Katie", "James", "Karen",  "Leslie", "Lynn",     "Niklaus", "Shafi",   "Vint", "Adele",  "Rasmus"};

inline constexpr std::array<std::string_view, 32> kLastNames{
    "Lovelace", "Turing",  "Hopper", "Torvalds",   "Hamilton",   "Ritchie",   "Liskov",   "Thompson",
    "Perlman",  "Berners", "Allen",  "McCarthy",   "Lamarr",     "Dijkstra",  "Borg",     "Knuth",
    "Wilson",   "Rossum",  "Clarke", "Stroustrup", "Keller",     "Matsumoto", "Bouman",   "Gosling",
    "Jones",    "Lamport", "Conway", "Wirth",      "Goldwasser", "Cerf",      "Goldberg", "Lerdorf"};

inline constexpr std::array<std::string_view, 12> kCompanies{
    "Acme Corp",         "Globex",    "Initech",       "Umbrella Labs",  "Hooli",       "Stark Industries",
    "Wayne Enterprises", "Cyberdyne", "Soylent Foods", "Tyrell Systems", "Wonka Works", "Vandelay Industries"};

inline constexpr std::array<std::string_view, 12> kJobTitles{
    "Software Engineer",   "Product Manager",           "Designer",         "Data Scientist",
    "Engineering Manager", "Site Reliability Engineer", "QA Engineer",      "Technical Writer",
    "Developer Advocate",  "Security Engineer",         "Mobile Developer", "Solutions Architect"};

inline constexpr std::array<std::string_view, 8> kBioEndings{
    "Loves clean APIs and strong coffee.", "Writes about distributed systems.", "Runs a weekly book club.",
    "Collects mechanical keyboards.",      "Mentors junior developers.",        "Speaks at meetups about GraphQL.",
    "Enjoys hiking on weekends.",          "Believes in boring technology."};

inline constexpr std::array<std::string_view, 10> kStreets{"Main Street",  "Oak Avenue",   "Maple Road", "Cedar Lane",
                                                           "Elm Street",   "Park Avenue",  "River Road", "Hill Street",
                                                           "Station Road", "Market Square"};

inline constexpr std::array<std::string_view, 6> kNotes{
    "No special instructions.",  "Prefers delivery after 5 pm.",     "VIP customer.",
    "Asked for paper invoices.", "Gift orders around the holidays.", "Leave parcels with the neighbour."};

} // namespace triptych::store::profiles
