#include "app/ui/checkstab.h"

#include "app/checks/jsonpath.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>

namespace triptych::ui {

namespace {

const QString kCapture = QStringLiteral("capture");
const QStringList kKinds{
    QStringLiteral("status"),          QStringLiteral("grpcCode"),        QStringLiteral("header"),
    QStringLiteral("trailer"),         QStringLiteral("jsonPath"),        QStringLiteral("jsonPointer"),
    QStringLiteral("timeMs"),          QStringLiteral("sizeBytes"),       QStringLiteral("messageCount"),
    QStringLiteral("graphqlNoErrors"), QStringLiteral("grpcErrorDetail"), kCapture};
const QStringList kOperators{QStringLiteral("equals"),  QStringLiteral("notEquals"), QStringLiteral("contains"),
                             QStringLiteral("matches"), QStringLiteral("exists"),    QStringLiteral("type"),
                             QStringLiteral("length"),  QStringLiteral("lessThan")};
// In the order of checks::CaptureSource.
const QStringList kCaptureSources{QStringLiteral("jsonPath"), QStringLiteral("jsonPointer"), QStringLiteral("header"),
                                  QStringLiteral("trailer"), QStringLiteral("grpcField")};
const QStringList kNamedKinds{QStringLiteral("header"), QStringLiteral("trailer"), QStringLiteral("jsonPath"),
                              QStringLiteral("jsonPointer")};

// The Kind and Operator cells pick from their lists; the operator's list follows the row's kind.
class ChoiceDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override {
        if (index.column() != ChecksTab::KindColumn && index.column() != ChecksTab::OperatorColumn)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *box = new QComboBox(parent);
        if (index.column() == ChecksTab::KindColumn)
            box->addItems(kKinds);
        else if (index.siblingAtColumn(ChecksTab::KindColumn).data().toString() == kCapture)
            box->addItems(kCaptureSources);
        else
            box->addItems(QStringList{QString()} + kOperators); // empty: the kind's default
        return box;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override {
        if (auto *box = qobject_cast<QComboBox *>(editor))
            box->setCurrentText(index.data().toString());
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override {
        if (auto *box = qobject_cast<QComboBox *>(editor))
            model->setData(index, box->currentText());
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }
};

// An expected value as typed: JSON when it is JSON (201, true, "201", [1,2]), else text.
QVariant valueOfText(const QString &text) {
    const auto json = checks::parseJsonValue(text.trimmed().toUtf8());
    if (!json || text.trimmed().isEmpty())
        return text;
    if (json->isDouble()) {
        const double number = json->toDouble();
        if (std::trunc(number) == number && std::abs(number) < 9e15)
            return qlonglong(number);
        return number;
    }
    return json->toVariant();
}

QString textOfValue(const QVariant &value) {
    switch (value.typeId()) {
    case QMetaType::QVariantList:
    case QMetaType::QVariantMap:
        return QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact));
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return value.toString();
    }
}

} // namespace

ChecksTab::ChecksTab(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_summary(new QLabel(this))
    , m_compare(new QPushButton(tr("Compare expected and actual…"), this))
    , m_relay(std::make_shared<client::ResultRelay>(this)) {
    m_table->setHorizontalHeaderLabels(
        {tr("Kind"), tr("Subject / path"), tr("Operator / source"), tr("Expected / variable"), tr("Result")});
    m_table->horizontalHeaderItem(OperatorColumn)->setToolTip(tr("A check's operator; a capture's source"));
    m_table->horizontalHeaderItem(ExpectedColumn)
        ->setToolTip(tr("A check's expected value (JSON or text); the "
                        "variable a capture sets"));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegate(new ChoiceDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAccessibleName(tr("Checks and captures"));
    connect(m_table, &QTableWidget::cellChanged, this, &ChecksTab::onCellChanged);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this](int row) { m_compare->setEnabled(m_results.contains(row) && !m_results.value(row).passed); });

    auto *addCheck = new QPushButton(tr("Add check"), this);
    auto *addCapture = new QPushButton(tr("Add capture"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    connect(addCheck, &QPushButton::clicked, this, &ChecksTab::addCheckRow);
    connect(addCapture, &QPushButton::clicked, this, &ChecksTab::addCaptureRow);
    connect(remove, &QPushButton::clicked, this, &ChecksTab::removeSelectedRows);
    m_compare->setEnabled(false);
    connect(m_compare, &QPushButton::clicked, this, &ChecksTab::onCompareClicked);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addCheck);
    buttons->addWidget(addCapture);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(m_compare);

    m_summary->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
}

ChecksTab::~ChecksTab() {
    m_relay->detach();
}

void ChecksTab::appendRow(const QString &kind, const QString &subject, const QString &op, const QString &expected) {
    const QSignalBlocker blocker(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const QStringList texts{kind, subject, op, expected};
    for (int column = 0; column < texts.size(); ++column)
        m_table->setItem(row, column, new QTableWidgetItem(texts.at(column)));
    auto *result = new QTableWidgetItem;
    result->setFlags(result->flags() & ~Qt::ItemIsEditable);
    m_table->setItem(row, ResultColumn, result);
}

void ChecksTab::setEntries(const QVariantList &entries) {
    ++m_generation;
    m_loaded = entries;
    m_aside.clear();
    m_table->setRowCount(0);
    clearResults();
    for (const QVariant &entry : entries) {
        const checks::CheckList one = checks::parseChecks({entry});
        if (!one.errors.isEmpty())
            m_aside.append(entry);
        for (const auto &check : one.checks)
            appendRow(checks::subjectKey(check.subject), check.argument, checks::operatorKey(check.op),
                      textOfValue(check.expected));
        for (const auto &capture : one.captures)
            appendRow(kCapture, capture.argument, kCaptureSources.value(int(capture.source)), capture.variable);
    }
    m_loadedRows = rowEntries();
    if (!m_aside.isEmpty())
        m_summary->setText(
            tr("%n entry(s) of the file cannot be shown here and are kept as they are.", nullptr, int(m_aside.size())));
}

QVariantMap ChecksTab::rowEntry(int row) const {
    const auto text = [this, row](int column) {
        const QTableWidgetItem *item = m_table->item(row, column);
        return item ? item->text().trimmed() : QString();
    };
    const QString kind = text(KindColumn);
    const QString op = text(OperatorColumn);
    const QString expected = text(ExpectedColumn);
    if (kind == kCapture)
        return {{kCapture, expected}, {op.isEmpty() ? kCaptureSources.first() : op, text(SubjectColumn)}};
    const QVariant value = op == QLatin1String("exists") && expected.isEmpty() ? QVariant(true) : valueOfText(expected);
    QVariantMap entry;
    if (kNamedKinds.contains(kind)) {
        entry.insert(kind, text(SubjectColumn));
        if (!op.isEmpty())
            entry.insert(op, value);
    } else {
        entry.insert(kind, op.isEmpty() ? value : QVariantMap{{op, value}});
    }
    // The shortest form, as the CLI writes it, when the row makes sense.
    const checks::CheckList one = checks::parseChecks({entry});
    return one.errors.isEmpty() ? checks::toVariantList(one).value(0).toMap() : entry;
}

QVariantList ChecksTab::rowEntries() const {
    QVariantList rows;
    for (int row = 0; row < m_table->rowCount(); ++row)
        rows.append(rowEntry(row));
    return rows;
}

QVariantList ChecksTab::entries() const {
    const QVariantList rows = rowEntries();
    return rows == m_loadedRows ? m_loaded : rows + m_aside;
}

checks::CheckList ChecksTab::checkList() const {
    return checks::parseChecks(rowEntries());
}

void ChecksTab::addCheckRow() {
    appendRow(QStringLiteral("status"), QString(), QStringLiteral("equals"), QStringLiteral("200"));
    m_table->setCurrentCell(m_table->rowCount() - 1, KindColumn);
}

void ChecksTab::addCaptureRow() {
    appendRow(kCapture, QStringLiteral("$.id"), kCaptureSources.first(), QStringLiteral("id"));
    m_table->setCurrentCell(m_table->rowCount() - 1, ExpectedColumn);
}

void ChecksTab::removeSelectedRows() {
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_table->currentRow() >= 0)
        rows.append(m_table->currentRow());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : rows)
        m_table->removeRow(row);
    ++m_generation;
    clearResults();
}

void ChecksTab::onCellChanged(int row, int column) {
    if (column == ResultColumn)
        return;
    ++m_generation; // a verdict still being judged is about the rows as they were
    // A row's old verdict no longer says anything about what it checks now.
    showResult(row, true, QString(), QString());
    m_results.remove(row);
}

void ChecksTab::clearResults() {
    m_results.clear();
    for (int row = 0; row < m_table->rowCount(); ++row)
        showResult(row, true, QString(), QString());
    m_summary->clear();
    m_compare->setEnabled(false);
}

void ChecksTab::showResult(int row, bool passed, const QString &text, const QString &tip) {
    QTableWidgetItem *item = m_table->item(row, ResultColumn);
    if (!item)
        return;
    const QSignalBlocker blocker(m_table);
    item->setText(text);
    item->setToolTip(tip);
    item->setForeground(passed ? palette().text() : QBrush(QColor(0xc0, 0x1c, 0x28)));
}

void ChecksTab::judge(const client::CallRecord &record, const std::function<QString(const QString &)> &resolveText) {
    clearResults();
    const quint64 generation = ++m_generation;
    // Each row on its own, so its verdict lands in its row; the evaluator still parses the body once for all.
    checks::CheckList list;
    Rows rows;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const checks::CheckList one = checks::parseChecks({rowEntry(row)});
        if (!one.errors.isEmpty()) {
            const QString error = one.errors.first().section(QStringLiteral(": "), 1);
            showResult(row, false, tr("✗ not a check: %1").arg(error), error);
            m_results.insert(row, {error, false, tr("a valid check"), tr("an invalid entry")});
            ++rows.invalid;
        }
        for (const auto &check : one.checks) {
            list.checks.append(check);
            rows.checks.append(row);
        }
        for (const auto &capture : one.captures) {
            list.captures.append(capture);
            rows.captures.append(row);
        }
    }
    if (!record.transportOk()) {
        m_summary->setText(tr("Not judged: the call got no answer (%1).").arg(record.error.message));
        return;
    }
    checks::resolveVariables(list, resolveText);
    const QString summary = record.kind == client::CallKind::Grpc ? client::grpcCodeName(record.grpcCode)
                                                                  : QString::number(record.httpStatus);
    // A 50 MB body takes a while to parse: judged on a worker, the verdict shown if no newer answer came meanwhile.
    m_summary->setText(tr("Judging…"));
    auto relay = m_relay;
    QThreadPool::globalInstance()->start([this, relay, list, record, summary, rows, generation] {
        checks::Verdict verdict = checks::judge(list, record, summary);
        relay->post([this, verdict = std::move(verdict), rows, generation] {
            if (generation == m_generation)
                showVerdict(verdict, rows);
        });
    });
}

void ChecksTab::showVerdict(const checks::Verdict &verdict, const Rows &rows) {
    const bool implicit = rows.checks.isEmpty();
    for (qsizetype i = 0; i < rows.checks.size(); ++i) {
        const checks::CheckResult &result = verdict.checks.at(i);
        m_results.insert(rows.checks.at(i), result);
        showResult(rows.checks.at(i), result.passed,
                   result.passed ? tr("✓ %1").arg(result.actual)
                                 : tr("✗ expected %1, got %2").arg(result.expected, result.actual),
                   result.message());
    }
    for (qsizetype i = 0; i < rows.captures.size(); ++i) {
        const checks::CaptureResult &capture = verdict.captures.at(i);
        showResult(rows.captures.at(i), capture.ok,
                   capture.ok ? tr("→ %1 = %2").arg(capture.variable, capture.value.left(80))
                              : tr("✗ %1").arg(capture.error),
                   capture.ok ? capture.value : capture.error);
    }
    const int checkCount = int(rows.checks.size());
    if (implicit && rows.invalid == 0)
        m_summary->setText(verdict.checks.value(0).passed
                               ? tr("No checks: answered without an error.")
                               : tr("No checks, and the answer is an error: %1").arg(verdict.checks.value(0).actual));
    else
        m_summary->setText(tr("%1 check(s): %2 passed, %3 failed%4")
                               .arg(checkCount + rows.invalid)
                               .arg(checkCount - (implicit ? 0 : verdict.failedChecks()))
                               .arg((implicit ? 0 : verdict.failedChecks()) + rows.invalid)
                               .arg(rows.captures.isEmpty()
                                        ? QString()
                                        : tr("; %n capture(s) set", nullptr, int(verdict.capturedValues().size()))));
    m_compare->setEnabled(m_results.contains(m_table->currentRow()) && !m_results.value(m_table->currentRow()).passed);
    if (const auto values = verdict.capturedValues(); !values.isEmpty())
        Q_EMIT variablesCaptured(values);
    Q_EMIT verdictShown();
}

void ChecksTab::onCompareClicked() {
    const int row = m_table->currentRow();
    if (!m_results.contains(row))
        return;
    const checks::CheckResult result = m_results.value(row);
    Q_EMIT compareRequested(result.description, result.expected, result.actual);
}

} // namespace triptych::ui
