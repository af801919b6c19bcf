#include "app/model/quickopenmodel.h"

#include <algorithm>

namespace triptych::model {

namespace {
constexpr int kMatchPoints = 1;
constexpr int kConsecutiveBonus = 5;
constexpr int kWordStartBonus = 8;
constexpr int kFirstCharacterBonus = 10;
constexpr int kFolderWeightDivisor = 4; // a match in the style or folder counts a quarter of one in the name

bool isWordStart(QStringView text, qsizetype at) {
    if (at == 0)
        return true;
    const QChar before = text.at(at - 1);
    const QChar here = text.at(at);
    return !before.isLetterOrNumber() || (before.isLower() && here.isUpper());
}

} // namespace

int fuzzyScore(QStringView pattern, QStringView text) {
    int score = 0;
    qsizetype at = 0;
    qsizetype previous = -2;
    for (const QChar wanted : pattern) {
        if (wanted.isSpace())
            continue;
        const QChar lower = wanted.toLower();
        while (at < text.size() && text.at(at).toLower() != lower)
            ++at;
        if (at == text.size())
            return -1;
        score += kMatchPoints;
        if (at == previous + 1)
            score += kConsecutiveBonus;
        if (isWordStart(text, at))
            score += kWordStartBonus;
        if (at == 0)
            score += kFirstCharacterBonus;
        previous = at++;
    }
    return score;
}

QuickOpenModel::QuickOpenModel(QObject *parent)
    : QAbstractListModel(parent) {}

void QuickOpenModel::setItems(const QList<QuickOpenItem> &items) {
    m_items = items;
    rank();
}

void QuickOpenModel::setPattern(const QString &pattern) {
    m_pattern = pattern;
    rank();
}

int QuickOpenModel::score(const QuickOpenItem &item) const {
    // Each word of the pattern matches on its own, in the name at full weight or else in the style or the folder:
    // "avatar rest" finds the REST request named "Name and avatar only".
    const QString style = styleLabel(item.style);
    int total = 0;
    for (const auto word : QStringView(m_pattern).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        int score = fuzzyScore(word, item.name);
        if (score < 0) {
            const int contextScore = std::max(fuzzyScore(word, style), fuzzyScore(word, item.folder));
            if (contextScore < 0)
                return -1;
            score = contextScore / kFolderWeightDivisor;
        }
        total += score;
    }
    return total;
}

void QuickOpenModel::rank() {
    beginResetModel();
    QList<QPair<int, int>> scored; // score, item
    scored.reserve(m_items.size());
    for (int i = 0; i < m_items.size(); ++i) {
        const int score = this->score(m_items.at(i));
        if (score >= 0)
            scored.append({score, i});
    }
    std::stable_sort(scored.begin(), scored.end(), [this](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first > b.first;
        return m_items.at(a.second).name.size() < m_items.at(b.second).name.size();
    });
    m_shown.clear();
    for (const auto &[score, item] : scored)
        m_shown.append(item);
    endResetModel();
}

QString QuickOpenModel::pathAt(int row) const {
    return row >= 0 && row < m_shown.size() ? m_items.at(m_shown.at(row)).path : QString();
}

int QuickOpenModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_shown.size());
}

QVariant QuickOpenModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_shown.size())
        return {};
    const auto &item = m_items.at(m_shown.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return item.folder.isEmpty()
                   ? QStringLiteral("%1  ·  %2").arg(item.name, styleLabel(item.style))
                   : QStringLiteral("%1  ·  %2  ·  %3").arg(item.name, styleLabel(item.style), item.folder);
    case Qt::ToolTipRole:
    case PathRole:
        return item.path;
    default:
        return {};
    }
}

} // namespace triptych::model
