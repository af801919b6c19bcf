#include "server/core/ratelimiter.h"

#include <QtTest>

using namespace triptych;
using namespace std::chrono_literals;

class TestRateLimiter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void offAdmitsEverything() {
        RateLimiter limiter(0);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(limiter.admit("a").allowed);
    }

    void allowsNPerSecondPerClient() {
        RateLimiter limiter(3);
        const auto start = RateLimiter::Clock::time_point() + 1h;
        for (int i = 0; i < 3; ++i)
            QVERIFY(limiter.admit("a", start).allowed);
        const auto refused = limiter.admit("a", start);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfter.count(), 334);
        QVERIFY(limiter.admit("b", start).allowed); // another address has its own bucket
        QVERIFY(limiter.admit("a", start + 334ms).allowed);
        QVERIFY(!limiter.admit("a", start + 334ms).allowed);
        for (int i = 0; i < 3; ++i)
            QVERIFY(limiter.admit("a", start + 2s).allowed);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "test_ratelimiter.moc"
