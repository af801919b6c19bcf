// The hand-written user writer must give exactly what the server's RapidJSON writer (json::Writer, which replaces
// ill-formed UTF-8 with U+FFFD) gives for the same values.
#include "server/domain/timestamps.h"
#include "server/json/writer.h"
#include "server/rest/userjson.h"

#include <QtTest>

#include <rapidjson/stringbuffer.h>

using namespace triptych;

namespace {

using Writer = json::Writer<rapidjson::StringBuffer>;

void text(Writer &w, const char *key, const std::string &value) {
    w.Key(key);
    w.String(value.data(), rapidjson::SizeType(value.size()));
}

void time(Writer &w, const char *key, UnixSeconds seconds) {
    text(w, key, formatRfc3339(seconds));
}

std::string viaRapidJson(const User &u) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("id"), w.Int(u.id);
    text(w, "name", u.name), text(w, "email", u.email), text(w, "avatar_url", u.avatarUrl), text(w, "bio", u.bio);
    text(w, "phone", u.phone), text(w, "locale", u.locale), text(w, "timezone", u.timezone);
    text(w, "company", u.company), text(w, "job_title", u.jobTitle), text(w, "website", u.website);
    text(w, "street", u.street), text(w, "city", u.city), text(w, "postal_code", u.postalCode);
    text(w, "country", u.country), text(w, "date_of_birth", u.dateOfBirth);
    time(w, "created_at", u.createdAt), time(w, "updated_at", u.updatedAt), time(w, "last_login_at", u.lastLoginAt);
    w.Key("is_active"), w.Bool(u.isActive);
    w.Key("is_verified"), w.Bool(u.isVerified);
    w.Key("two_factor_enabled"), w.Bool(u.twoFactorEnabled);
    text(w, "loyalty_tier", u.loyaltyTier);
    w.Key("loyalty_points"), w.Int(u.loyaltyPoints);
    w.Key("marketing_opt_in"), w.Bool(u.marketingOptIn);
    text(w, "preferred_currency", u.preferredCurrency), text(w, "preferred_language", u.preferredLanguage);
    w.Key("orders_count"), w.Int(u.ordersCount);
    w.Key("lifetime_value_cents"), w.Int64(u.lifetimeValueCents);
    text(w, "notes", u.notes);
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

User sample(const std::string &textValue, std::int64_t number, bool flag, UnixSeconds at) {
    User u;
    int index = 0;
    u.id = static_cast<UserId>(number % 2147483647);
    for (auto *field : {&u.name, &u.email, &u.avatarUrl, &u.bio, &u.phone, &u.locale, &u.timezone, &u.company,
                        &u.jobTitle, &u.website, &u.street, &u.city, &u.postalCode, &u.country, &u.dateOfBirth,
                        &u.loyaltyTier, &u.preferredCurrency, &u.preferredLanguage, &u.notes})
        *field = textValue + std::to_string(index++);
    u.createdAt = at, u.updatedAt = at + 1, u.lastLoginAt = at + 86399;
    u.isActive = flag, u.isVerified = !flag, u.twoFactorEnabled = flag, u.marketingOptIn = !flag;
    u.loyaltyPoints = static_cast<std::int32_t>(number % 100000);
    u.ordersCount = flag ? 1000 : 0;
    u.lifetimeValueCents = number;
    return u;
}

} // namespace

class TestUserJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesRapidJson_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("number");
        QTest::addColumn<bool>("flag");
        QTest::addColumn<qint64>("at");
        QTest::newRow("plain") << QByteArray("Ada Lovelace") << qint64(42) << true << qint64(1717243200);
        QTest::newRow("quote and backslash") << QByteArray("27\" a\\b") << qint64(-7) << false << qint64(0);
        QTest::newRow("control characters")
            << QByteArray("tab\there\nnew\x01\x1f") << qint64(9007199254740993) << true << qint64(-1);
        QTest::newRow("UTF-8 passes through")
            << QByteArray("S\xc3\xa3o Paulo \xe2\x82\xac") << qint64(-2147483648) << false << qint64(951782400);
        QTest::newRow("ill-formed UTF-8") << QByteArray("bad \xc0\xff end") << qint64(1) << true << qint64(86399);
        QTest::newRow("empty") << QByteArray() << qint64(0) << false << qint64(253402300800);
    }
    void matchesRapidJson() {
        QFETCH(QByteArray, text);
        QFETCH(qint64, number);
        QFETCH(bool, flag);
        QFETCH(qint64, at);
        const User user = sample(text.toStdString(), number, flag, at);
        std::string fast = "[";
        rest::json::appendUserJson(fast, user);
        QCOMPARE(QByteArray::fromStdString(fast), "[" + QByteArray::fromStdString(viaRapidJson(user)));
    }
};

QTEST_GUILESS_MAIN(TestUserJson)
#include "test_userjson.moc"
