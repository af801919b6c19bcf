#pragma once

#include "app/client/resultrelay.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;

namespace triptych::ui {

class LargeTextView;

// Every start of `needle` in `text`, ignoring ASCII case, at most `limit` of them; stops early when `stop` turns true.
std::vector<qint64> findAllMatches(const QByteArray &text, const QByteArray &needle, std::size_t limit,
                                   const std::atomic_bool &stop);

// Ctrl+F under a LargeTextView: typing searches the whole text on a worker thread (a 50 MB body never stalls the
// window), Enter and Shift+Enter step through the matches, Esc closes.
class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(LargeTextView *view, QWidget *parent = nullptr);
    ~FindBar() override;

    void open();
    void findNext();
    void findPrevious();
    // The view's text changed: search it again.
    void refresh();

    QLineEdit *field() const { return m_field; }
    int matchCount() const { return int(m_matches.size()); }
    int currentMatch() const { return m_current; }
    QString resultText() const;

Q_SIGNALS:
    void searchFinished();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    // Esc closes the bar even though the window uses Esc to cancel calls.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void showMatch();

    LargeTextView *m_view;
    QLineEdit *m_field;
    QLabel *m_result;
    client::ResultRelayPtr m_relay;
    std::shared_ptr<std::atomic_bool> m_stop; // the running search's: set when a newer one replaces it
    std::vector<qint64> m_matches;
    int m_current = -1;
    bool m_searching = false;
};

} // namespace triptych::ui
