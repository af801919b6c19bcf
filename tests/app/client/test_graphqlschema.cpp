#include "app/client/graphqlschema.h"
#include "tests/app/client/testserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using namespace triptych::client;

namespace {
constexpr int kWaitMs = 10'000;

// The contract's 30 user fields (docs/contract.md), camelCased as GraphQL names them.
const QStringList kUserFields{"id",
                              "name",
                              "email",
                              "avatarUrl",
                              "bio",
                              "phone",
                              "locale",
                              "timezone",
                              "company",
                              "jobTitle",
                              "website",
                              "street",
                              "city",
                              "postalCode",
                              "country",
                              "dateOfBirth",
                              "createdAt",
                              "updatedAt",
                              "lastLoginAt",
                              "isActive",
                              "isVerified",
                              "twoFactorEnabled",
                              "loyaltyTier",
                              "loyaltyPoints",
                              "marketingOptIn",
                              "preferredCurrency",
                              "preferredLanguage",
                              "ordersCount",
                              "lifetimeValueCents",
                              "notes"};
} // namespace

class TestGraphQLSchema : public QObject {
    Q_OBJECT
    std::unique_ptr<OrderServer> m_server;
    GraphQLSchemaModel m_schema;

private Q_SLOTS:
    void initTestCase() {
        m_server = testing::startTestServer();
        QVERIFY(m_server);
        GraphQLIntrospector introspector;
        QSignalSpy loaded(&introspector, &GraphQLIntrospector::schemaLoaded);
        QSignalSpy failed(&introspector, &GraphQLIntrospector::loadFailed);
        GraphQLRequest request;
        request.url = testing::httpBase(*m_server) + QStringLiteral("/graphql");
        introspector.load(request);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count() + failed.count(), 1, kWaitMs);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).value<CallError>().text()));
        m_schema = loaded.first().at(0).value<GraphQLSchemaModel>();
    }
    void cleanupTestCase() { m_server.reset(); }

    void rootTypes() {
        QCOMPARE(m_schema.queryType, QStringLiteral("Query"));
        QCOMPARE(m_schema.mutationType, QStringLiteral("Mutation"));
        QCOMPARE(m_schema.subscriptionType, QStringLiteral("Subscription"));
        QVERIFY(m_schema.type(QStringLiteral("__Schema")) && m_schema.type(QStringLiteral("__Schema"))->isBuiltIn());
        QVERIFY(!m_schema.type(QStringLiteral("User"))->isBuiltIn());
    }

    void fieldsAndArguments_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("fieldType");
        QTest::addColumn<QString>("args"); // "name: Type = default, …"
        QTest::newRow("Query.user") << "Query"
                                    << "user"
                                    << "User"
                                    << "id: ID!";
        QTest::newRow("Query.users") << "Query"
                                     << "users"
                                     << "UserConnection!"
                                     << "first: Int = 20, after: String";
        QTest::newRow("Mutation.createOrder") << "Mutation"
                                              << "createOrder"
                                              << "Order!"
                                              << "input: CreateOrderInput!";
        QTest::newRow("Subscription.orderUpdates") << "Subscription"
                                                   << "orderUpdates"
                                                   << "OrderEvent!"
                                                   << "userId: ID!";
        QTest::newRow("User.orders") << "User"
                                     << "orders"
                                     << "[Order!]!"
                                     << "status: OrderStatus, first: Int";
        QTest::newRow("Order.user") << "Order"
                                    << "user"
                                    << "User!"
                                    << "";
        QTest::newRow("OrderEvent.previousStatus") << "OrderEvent"
                                                   << "previousStatus"
                                                   << "OrderStatus"
                                                   << "";
    }
    void fieldsAndArguments() {
        QFETCH(QString, type);
        QFETCH(QString, field);
        QFETCH(QString, fieldType);
        QFETCH(QString, args);
        const SchemaField *found = m_schema.field(type, field);
        QVERIFY(found);
        QCOMPARE(found->type.display, fieldType);
        QStringList written;
        for (const auto &arg : found->args)
            written << arg.name + QStringLiteral(": ") + arg.type.display +
                           (arg.defaultValue.isEmpty() ? QString() : QStringLiteral(" = ") + arg.defaultValue);
        QCOMPARE(written.join(QStringLiteral(", ")), args);
    }

    void userHasTheContractsFields() {
        const SchemaType *user = m_schema.type(QStringLiteral("User"));
        QVERIFY(user);
        QVERIFY(user->kind == SchemaTypeKind::Object);
        QStringList scalars;
        for (const auto &field : user->fields) {
            const SchemaType *type = m_schema.type(field.type.namedType);
            QVERIFY2(type, qPrintable(field.type.namedType));
            if (type->kind == SchemaTypeKind::Scalar)
                scalars << field.name;
            QVERIFY(!field.deprecated);
        }
        QCOMPARE(scalars.size(), 30);
        QCOMPARE(scalars, kUserFields);
        QVERIFY(m_schema.field(QStringLiteral("User"), QStringLiteral("friends")));
    }

    void enumsAndInputs() {
        const SchemaType *status = m_schema.type(QStringLiteral("OrderStatus"));
        QVERIFY(status);
        QVERIFY(status->kind == SchemaTypeKind::Enum);
        QStringList values;
        for (const auto &value : status->enumValues)
            values << value.name;
        QCOMPARE(values, (QStringList{"PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"}));
        const SchemaType *input = m_schema.type(QStringLiteral("CreateOrderInput"));
        QVERIFY(input);
        QVERIFY(input->kind == SchemaTypeKind::InputObject);
        QCOMPARE(input->inputFields.size(), 3);
        QCOMPARE(input->inputFields.at(0).type.display, QStringLiteral("ID!"));
        bool hasDeprecated = false;
        for (const auto &directive : m_schema.directives)
            hasDeprecated |= directive.name == QLatin1String("deprecated");
        QVERIFY(hasDeprecated);
    }

    void badAnswersSayWhy_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("words");
        QTest::newRow("not json") << QByteArray("<html>") << "not JSON";
        QTest::newRow("refused") << QByteArray(R"({"errors":[{"message":"introspection is disabled"}]})")
                                 << "refused introspection: introspection is disabled";
        QTest::newRow("no schema") << QByteArray(R"({"data":{}})") << "is this a GraphQL endpoint?";
        QTest::newRow("no query type") << QByteArray(R"({"data":{"__schema":{"types":[]}}})") << "no query type";
        QTest::newRow("bad kind") << QByteArray(R"({"data":{"__schema":{"types":[{"kind":"X","name":"A"}]}}})")
                                  << "valid kind";
    }
    void badAnswersSayWhy() {
        QFETCH(QByteArray, body);
        QFETCH(QString, words);
        QString error;
        QVERIFY(schemaFromIntrospection(body, &error).isEmpty());
        QVERIFY2(error.contains(words), qPrintable(error));
    }

    void deprecationIsRead() {
        const QByteArray body = R"({"data":{"__schema":{"queryType":{"name":"Q"},"types":[{"kind":"OBJECT","name":"Q",
            "fields":[{"name":"old","description":"the old way","args":[],"type":{"kind":"SCALAR","name":"Int"},
            "isDeprecated":true,"deprecationReason":"use new"}]}]}}})";
        QString error;
        const auto schema = schemaFromIntrospection(body, &error);
        const SchemaField *old = schema.field(QStringLiteral("Q"), QStringLiteral("old"));
        QVERIFY(old);
        QVERIFY(old->deprecated);
        QCOMPARE(old->deprecationReason, QStringLiteral("use new"));
        QCOMPARE(old->description, QStringLiteral("the old way"));
    }
};

QTEST_MAIN(TestGraphQLSchema)
#include "test_graphqlschema.moc"
