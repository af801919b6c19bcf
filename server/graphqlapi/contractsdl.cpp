#include "server/graphqlapi/contractsdl.h"

namespace triptych::graphqlapi {

const std::string_view kContractSdl = R"(type Query {
  user(id: ID!): User
  users(first: Int = 20, after: String): UserConnection!
  order(id: ID!): Order
}

type Mutation {
  createOrder(input: CreateOrderInput!): Order!
  cancelOrder(id: ID!): Order!
}

type Subscription {
  orderUpdates(userId: ID!): OrderEvent!
}

type User {
  id: ID!
  name: String!
  email: String!
  avatarUrl: String!
  bio: String!
  phone: String!
  locale: String!
  timezone: String!
  company: String!
  jobTitle: String!
  website: String!
  street: String!
  city: String!
  postalCode: String!
  country: String!
  dateOfBirth: String!
  createdAt: String!
  updatedAt: String!
  lastLoginAt: String!
  isActive: Boolean!
  isVerified: Boolean!
  twoFactorEnabled: Boolean!
  loyaltyTier: String!
  loyaltyPoints: Int!
  marketingOptIn: Boolean!
  preferredCurrency: String!
  preferredLanguage: String!
  ordersCount: Int!
  lifetimeValueCents: Int!
  notes: String!
  orders(status: OrderStatus, first: Int): [Order!]!
  friends(first: Int): [User!]!
}

type Order {
  id: ID!
  userId: ID!
  product: String!
  quantity: Int!
  totalCents: Int!
  totalDollars: Float! @deprecated(reason: "Use totalCents: a Float of dollars cannot hold every amount of cents exactly.")
  status: OrderStatus!
  createdAt: String!
  user: User!
}

type UserConnection {
  edges: [UserEdge!]!
  pageInfo: PageInfo!
  totalCount: Int!
}

type UserEdge {
  cursor: String!
  node: User!
}

type PageInfo {
  hasNextPage: Boolean!
  endCursor: String
}

type OrderEvent {
  order: Order!
  previousStatus: OrderStatus
  at: String!
}

enum OrderStatus {
  PENDING
  PAID
  SHIPPED
  DELIVERED
  CANCELLED
}

input CreateOrderInput {
  userId: ID!
  product: String!
  quantity: Int!
}
)";

} // namespace triptych::graphqlapi
