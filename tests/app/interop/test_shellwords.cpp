#include "app/interop/shellwords.h"

#include <QTest>

using namespace triptych::interop;

// Shell words as bash splits them; the expected words were checked with `printf '[%s]' <words>` in bash.
class TestShellWords : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void split_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("blanks") << "curl  -s\t x" << QStringList{"curl", "-s", "x"};
        QTest::newRow("single quotes keep all") << "a 'b \"c\" \\n $x'" << QStringList{"a", "b \"c\" \\n $x"};
        QTest::newRow("double quote escapes")
            << "a \"b \\\"c\\\" \\\\ \\$ \\n\"" << QStringList{"a", "b \"c\" \\ $ \\n"};
        QTest::newRow("adjacent quotes join") << "a'b'\"c\"d" << QStringList{"abcd"};
        QTest::newRow("empty quoted word") << "a '' \"\"" << QStringList{"a", "", ""};
        QTest::newRow("line continuation")
            << "curl \\\n  -H 'A: b' \\\r\n  x" << QStringList{"curl", "-H", "A: b", "x"};
        QTest::newRow("continuation in double quotes") << "\"a\\\nb\"" << QStringList{"ab"};
        QTest::newRow("unquoted backslash") << "a\\ b \\'c" << QStringList{"a b", "'c"};
        QTest::newRow("ansi c escapes") << "$'a\\nb\\tc\\'d\\\\e'" << QStringList{"a\nb\tc'd\\e"};
        QTest::newRow("ansi c hex to utf-8") << "$'\\xc3\\xa9'" << QStringList{QString::fromUtf8("é")};
        QTest::newRow("ansi c unicode") << "$'\\u00e9\\U0001F600'" << QStringList{QString::fromUtf8("é😀")};
        QTest::newRow("ansi c octal") << "$'\\101\\0102'" << QStringList{"A\b2"};
        QTest::newRow("ansi c unknown stays") << "$'\\q'" << QStringList{"\\q"};
        QTest::newRow("dollar stays") << "a $HOME \"$X\"" << QStringList{"a", "$HOME", "$X"};
        QTest::newRow("comment") << "a # b c\nd" << QStringList{"a", "d"};
        QTest::newRow("hash inside a word") << "a#b" << QStringList{"a#b"};
    }
    void split() {
        QFETCH(QString, text);
        QFETCH(QStringList, words);
        const ShellWords result = splitShellWords(text);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.words, words);
    }

    void errors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("offset");
        QTest::newRow("open single") << "a 'bc" << 2;
        QTest::newRow("open double") << "a \"bc" << 2;
        QTest::newRow("open ansi") << "a $'bc" << 2;
        QTest::newRow("pipe") << "curl x | jq" << 7;
        QTest::newRow("and") << "curl x && y" << 7;
        QTest::newRow("redirect") << "curl x > out" << 7;
    }
    void errors() {
        QFETCH(QString, text);
        QFETCH(int, offset);
        const ShellWords result = splitShellWords(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.offset, offset);
    }

    void quoteRoundTrips_data() {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << "http://a/b?c=d"
                               << "'http://a/b?c=d'";
        QTest::newRow("safe") << "-H"
                              << "-H";
        QTest::newRow("quote inside") << "it's"
                                      << "'it'\\''s'";
        QTest::newRow("empty") << ""
                               << "''";
        QTest::newRow("newline") << "a\nb"
                                 << "'a\nb'";
    }
    void quoteRoundTrips() {
        QFETCH(QString, word);
        QFETCH(QString, quoted);
        QCOMPARE(quoteShellWord(word), quoted);
        QCOMPARE(splitShellWords(quoted).words, QStringList{word});
    }
};

QTEST_APPLESS_MAIN(TestShellWords)
#include "test_shellwords.moc"
