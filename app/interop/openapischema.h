#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// The parts of an OpenAPI document the importer follows: local $refs ("#/components/…", JSON pointers) and example
// values made from schemas. A chain of $refs that comes back to itself is reported; a schema that contains itself
// (a tree) is legal and its example simply stops there.
namespace triptych::interop::openapi {

class Document {
public:
    explicit Document(QJsonObject root)
        : m_root(std::move(root)) {}

    const QJsonObject &root() const { return m_root; }
    // The object behind `value`, following $refs; an empty object and `error` set for a missing target, a reference
    // outside the file or a cycle ("#/a → #/b → #/a").
    QJsonObject resolve(const QJsonValue &value, QString *error) const;
    // An example for a schema: its example, default, first enum value or const; else one made from its type — objects
    // with every property, arrays with one item, numbers at their minimum.
    QJsonValue example(const QJsonValue &schema) const;

private:
    QJsonValue pointer(const QString &reference) const;
    QJsonValue example(const QJsonValue &schema, QStringList &stack) const;
    QJsonValue exampleOfType(const QJsonObject &schema, const QString &type, QStringList &stack) const;

    QJsonObject m_root;
};

// A media type's or a parameter's own example: `example`, else the first of `examples` (their `value`).
QJsonValue ownExample(const QJsonObject &object);

} // namespace triptych::interop::openapi
