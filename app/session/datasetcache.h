#pragma once

#include <QString>

#include <string>

namespace triptych {
class OrderServer;
struct ServerOptions;
} // namespace triptych

namespace triptych::session {

// The embedded server's data set generated once into the cache folder and copied for each later start: copying a few
// MB costs less than generating (SQLite inserts were about a sixth of the app's start, docs/speed.md). Every start
// gets its own copy, so what one run changes never reaches the next. The cached file is tied to the executable (its
// size and time) and the data-set size, so a rebuilt app or another --users generates afresh. Off unless enabled.
class DatasetCache {
public:
    // The desktop app turns it on; tests and the CLI keep generating into a temporary database.
    static void enable();
    static bool enabled();

    // A fresh copy of the cached data set for these options in the temporary folder, or empty when there is none.
    static std::string copyFor(const ServerOptions &options);
    // After a start that generated its data set: writes it to the cache (on the server's worker thread).
    static void storeFrom(OrderServer &server, const ServerOptions &options);
    // A copy's file and SQLite's companions, once its server has stopped.
    static void removeCopy(const std::string &path);

private:
    static QString cachedPath(const ServerOptions &options);
};

} // namespace triptych::session
