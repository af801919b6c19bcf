#!/usr/bin/env python3
"""Writes documents.json: the documents compared with graphql-js (name = spec section + what it shows)."""
import json
import os

D = []


def doc(name, query, variables=None, operation=None):
    entry = {"name": name, "query": query}
    if variables is not None:
        entry["variables"] = variables
    if operation is not None:
        entry["operationName"] = operation
    D.append(entry)


# §2 Language: syntax errors stop at the first error.
for i, q in enumerate([
    "{", "{ hero", "query { hero(episode: $e) }", "{ echo(float: 1.) }", "{ echo(int: 01) }", "{ echo(str: \"abc) }",
    "fragment on on on { a }", "query Q($a: Int = $b) { hero { id } }", "{ ...on }", "\"desc\" { hero { id } }",
    "type Foo {}", "{ echo(str: \"\\x\") }", "{ echo(str: \"\\u12XY\") }", "{ echo(float: 1e) }", "{ echo(int: 1x) }",
    "{ hero @ }", "?", "", "{ hero { id } }\n   }", "{ echo(str: \"\u00e9\u00e9\" int: %) }", "{ echo(str: \"\\u{110000}\") }",
    "{ echo(int: -) }", "{ echo(float: 1.0e10.5) }", "{ a: }", "query (",
    "{ hero { ...F } } fragment F on Character @ { id }", "'single'", "{ echo(str: \"line\nbreak\") }",
    "mutation", "subscription S", "{ echo(list: [1, 2) }", "{ echo(input: {stars 1}) }", "query Q($v: [Int!) { hero { id } }",
]):
    doc(f"§2 syntax error {i}", q)

# §2 Language: valid documents of every shape.
doc("§2.2 shorthand query", "{ hero { id name } }")
doc("§2.3 named query with comments and commas", "# comment\nquery HeroQuery { ,hero, { ,id, name } } # trailing")
doc("§2.4 nested selections", "{ hero { name friends { name friends { name } } } }")
doc("§2.7 aliases", "{ luke: human(id: \"1000\") { name } r2: hero { heroName: name } }")
doc("§2.8 fragments", "query { hero { ...Named } } fragment Named on Character { id name }")
doc("§2.8.2 inline fragments", "{ hero { name ... on Droid { primaryFunction } ... on Human { homePlanet } } }")
doc("§2.8.2 inline fragment without type", "{ hero { ... { id } ... @include(if: true) { name } } }")
doc("§2.9 string values with escapes", "{ echo(str: \"tab\\t quote\\\" unicode \\u00e9 \\u{1F600} slash\\/\") }")
doc("§2.9 block string value", "{ echo(str: \"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\") }")
doc("§2.9 numbers", "{ echo(int: -0, float: 1.5e3, list: [1, -2, 3]) }")
doc("§2.9.5 null value", "{ echo(str: null, int: null) }")
doc("§2.9.7 list coercion of single value", "{ echo(list: 7) }")
doc("§2.9.8 input object literal", "{ echo(input: {stars: 4, commentary: \"ok\", tags: [\"a\", \"b\"]}) }")
doc("§2.9.8 nested list literal", "{ echo(matrix: [[1], [2, 3], null, 4]) }")
doc("§2.12 unicode BOM and CRLF", "\ufeff{\r\n  hero {\r\n    id\r\n  }\r\n}")

# §5.1 / §5.2 documents and operations.
doc("§5.1.1 executable definitions counter-example", "query { hero { id } } type Foo { a: Int } extend schema @x")
doc("§5.1.1 schema definition is not executable", "schema { query: Query } { hero { id } }")
doc("§5.2.1.1 operation name uniqueness", "query dogOperation { hero { name } } mutation dogOperation { first { id } }")
doc("§5.2.2.1 lone anonymous operation", "{ hero { name } } query getName { hero { name } }")
doc("§5.2.3.1 single root field", "subscription sub { reviewAdded { stars } }")
doc("§5.2.3.1 single root field counter-example", "subscription sub { reviewAdded { stars } disallowed: reviewAdded { stars } }")
doc("§5.2.3.1 anonymous subscription with fragment", "subscription { ...F } fragment F on Subscription { reviewAdded { stars } again: reviewAdded { stars } }")
doc("§5.2.3.1 introspection root in subscription", "subscription S { __typename }")

# §5.3 fields.
doc("§5.3.1 field selections counter-example", "{ hero { meowVolume name nam } }")
doc("§5.3.1 field on union counter-example", "{ search { name } }")
doc("§5.3.1 suggestions on interface", "{ hero { homePlanet primaryFunction } }")
doc("§5.3.1 typename on union", "{ search { __typename } }")
doc("§5.3.2 field selection merging", "{ hero { name name } }")
doc("§5.3.2 alias conflict", "{ hero { name: id name } }")
doc("§5.3.2 differing arguments", "{ human(id: \"1\") { id } human(id: \"2\") { id } }")
doc("§5.3.2 same arguments merge", "{ human(id: \"1000\") { id } human(id: \"1000\") { name } }")
doc("§5.3.2 conflicting types", "{ search { ... on Human { id: homePlanet } ... on Droid { id } } }")
doc("§5.3.2 mutually exclusive parents allowed", "{ search { ... on Human { x: homePlanet } ... on Droid { x: primaryFunction } } }")
doc("§5.3.2 nested subfield conflict", "{ hero { friends { name } } hero { friends { name: id } } }")
doc("§5.3.2 conflict through fragments", "{ hero { ...A ...B } } fragment A on Character { x: name } fragment B on Character { x: id }")
doc("§5.3.2 conflict between fields and fragment", "{ hero { x: name ...B } } fragment B on Character { x: id }")
doc("§5.3.2 merged subselections execute", "{ hero { friends { id } friends { name } } }")
doc("§5.3.3 leaf selections counter-example", "{ hero { name { length } } }")
doc("§5.3.3 missing subselection", "{ hero }")
doc("§5.3.3 missing subselection on union", "{ search }")

# §5.4 arguments.
doc("§5.4.1 argument names counter-example", "{ hero(epsode: JEDI) { name } }")
doc("§5.4.1 directive argument names", "{ hero @include(iff: true) { name } }")
doc("§5.4.2 argument uniqueness", "{ hero(episode: JEDI, episode: EMPIRE) { name } }")
doc("§5.4.2.1 required arguments", "{ human { name } }")
doc("§5.4.2.1 required directive argument", "{ hero @skip { name } }")
doc("§5.4.2.1 null for required argument", "{ human(id: null) { name } }")
doc("§5.4.2.1 default satisfies non-null", "{ echo }")

# §5.5 fragments.
doc("§5.5.1.1 fragment name uniqueness", "{ hero { ...F } } fragment F on Character { id } fragment F on Character { name }")
doc("§5.5.1.2 fragment spread type existence", "{ hero { ...F ... on NotInSchema { id } } } fragment F on NotInSchema { id }")
doc("§5.5.1.3 fragments on composite types", "{ hero { ...F ... on Boolean { id } } } fragment F on Float { id }")
doc("§5.5.1.4 fragments must be used", "{ hero { id } } fragment Unused on Character { id }")
doc("§5.5.2.1 fragment spread target defined", "{ hero { ...undefinedFragment } }")
doc("§5.5.2.2 fragment cycles", "{ hero { ...A } } fragment A on Character { ...B } fragment B on Character { ...A }")
doc("§5.5.2.2 fragment self cycle", "{ hero { ...A } } fragment A on Character { friends { ...A } }")
doc("§5.5.2.3 spread is not possible", "{ hero { ... on Starship { id } } }")
doc("§5.5.2.3 named spread is not possible", "{ human(id: \"1\") { ...D } } fragment D on Droid { id }")
doc("§5.5.2.3 abstract spreads", "{ search { ... on Character { name } ... on Node { id } } }")

# §5.6 values.
doc("§5.6.1 values of correct type", "{ echo(int: \"one\", float: true, str: 1, bool: 1, id: 1.5, e: \"JEDI\") }")
doc("§5.6.1 enum suggestions", "{ hero(episode: JED) { id } }")
doc("§5.6.1 int out of range", "{ echo(int: 3000000000) }")
doc("§5.6.1 list of wrong items", "{ echo(list: [1, \"two\", 3.5]) }")
doc("§5.6.1 object for scalar", "{ echo(int: {a: 1}) }")
doc("§5.6.1 list for input object", "{ echo(input: [1]) }")
doc("§5.6.2 input object field names", "{ echo(input: {stars: 1, commentry: \"x\"}) }")
doc("§5.6.3 input object field uniqueness", "{ echo(input: {stars: 1, stars: 2}) }")
doc("§5.6.4 input object required fields", "{ echo(input: {commentary: \"x\"}) }")
doc("§5.6.4 null for required input field", "{ echo(input: {stars: null}) }")
doc("oneOf input literal ok", "{ echo(filter: {byId: 4}) }")
doc("oneOf input with two keys", "{ echo(filter: {byId: 4, byName: \"x\"}) }")
doc("oneOf input with null", "{ echo(filter: {byId: null}) }")

# §5.7 directives.
doc("§5.7.1 directives are defined", "{ hero @unknown { id } }")
doc("§5.7.2 directives in valid locations", "query @skip(if: true) { hero { id } }")
doc("§5.7.3 directives unique per location", "{ hero @include(if: true) @include(if: false) { id } }")
doc("§5.7 deprecated on query", "{ hero @deprecated { id } }")

# §5.8 variables.
doc("§5.8.1 variable uniqueness", "query ($a: Int, $a: Int) { echo(int: $a) }")
doc("§5.8.2 variables are input types", "query ($h: Human, $c: [Character!]) { hero { id } }")
doc("§5.8.3 all variable uses defined", "query Q { echo(int: $x) }")
doc("§5.8.3 undefined in fragment", "query Q { ...F } fragment F on Query { echo(str: $s) }")
doc("§5.8.4 all variables used", "query Q($unused: Int) { hero { id } }")
doc("§5.8.4 variable used in fragment", "query Q($s: String) { ...F } fragment F on Query { echo(str: $s) }", {"s": "via fragment"})
doc("§5.8.5 variable usages allowed", "query ($i: Int) { human(id: $i) { id } }")
doc("§5.8.5 nullable into non-null", "query ($id: ID) { human(id: $id) { id } }")
doc("§5.8.5 default allows non-null", "query ($n: Int = 3) { echo(nn: $n) }")
doc("§5.8.5 list variable into item", "query ($l: [Int]) { echo(int: $l) }")
doc("§5.8.5 item variable into list", "query ($i: Int) { echo(list: [$i]) }", {"i": 9})
doc("§5.8.5 oneOf nullable variable", "query ($i: ID) { echo(filter: {byId: $i}) }")
doc("unknown variable type", "query ($x: Nope) { echo(int: 1) }")
doc("many validation errors", "query Q($a: Nope, $a: Int) { hero(x: 1) { nope ...Missing ... on Int { id } } human { name @bad } }")

# §6.1 operations.
doc("§6.1 operation name selects", "query A { hero { id } } query B { hero { name } }", operation="B")
doc("§6.1 missing operation name", "query A { hero { id } } query B { hero { name } }")
doc("§6.1 unknown operation name", "query A { hero { id } }", operation="C")
doc("§6.1 no such root type", "subscription { reviewAdded { stars } }")

# §6.1.2 variable coercion.
doc("§6.1.2 variables coerced", "query ($i: Int, $f: Float, $s: String, $b: Boolean, $id: ID, $e: Episode) { echo(int: $i, float: $f, str: $s, bool: $b, id: $id, e: $e) }",
    {"i": 1, "f": 2, "s": "x", "b": False, "id": 5, "e": "EMPIRE"})
doc("§6.1.2 variable defaults", "query ($i: Int = 7, $l: [Int] = [1, 2], $e: Episode = JEDI) { echo(int: $i, list: $l, e: $e) }")
doc("§6.1.2 explicit null overrides default", "query ($i: Int = 7) { echo(int: $i) }", {"i": None})
doc("§6.1.2 required variable missing", "query ($i: Int!) { echo(int: $i) }", {})
doc("§6.1.2 required variable null", "query ($i: Int!) { echo(int: $i) }", {"i": None})
doc("§6.1.2 int variable not integer", "query ($i: Int) { echo(int: $i) }", {"i": 1.5})
doc("§6.1.2 int variable string", "query ($i: Int) { echo(int: $i) }", {"i": "12"})
doc("§6.1.2 int variable out of range", "query ($i: Int) { echo(int: $i) }", {"i": 3000000000})
doc("§6.1.2 float variable string", "query ($f: Float) { echo(float: $f) }", {"f": "1.5"})
doc("§6.1.2 string variable number", "query ($s: String) { echo(str: $s) }", {"s": 12})
doc("§6.1.2 boolean variable number", "query ($b: Boolean) { echo(bool: $b) }", {"b": 1})
doc("§6.1.2 id variable bool", "query ($id: ID) { echo(id: $id) }", {"id": True})
doc("§6.1.2 enum variable unknown", "query ($e: Episode) { echo(e: $e) }", {"e": "JEDDI"})
doc("§6.1.2 enum variable number", "query ($e: Episode) { echo(e: $e) }", {"e": 3})
doc("§6.1.2 list variable single value", "query ($l: [Int]) { echo(list: $l) }", {"l": 3})
doc("§6.1.2 list variable bad item", "query ($l: [Int]) { echo(list: $l) }", {"l": [1, "x"]})
doc("§6.1.2 non-null item null", "query ($l: [Int!]) { echo(list: $l) }", {"l": [1, None]})
doc("§6.1.2 input object variable", "query ($r: ReviewInput) { echo(input: $r) }", {"r": {"stars": 3, "commentary": "fine"}})
doc("§6.1.2 input object missing required", "query ($r: ReviewInput) { echo(input: $r) }", {"r": {"commentary": "fine"}})
doc("§6.1.2 input object unknown field", "query ($r: ReviewInput) { echo(input: $r) }", {"r": {"stars": 1, "starz": 2}})
doc("§6.1.2 input object not object", "query ($r: ReviewInput) { echo(input: $r) }", {"r": "nope"})
doc("§6.1.2 input object nested error path", "query ($r: ReviewInput) { echo(input: $r) }", {"r": {"stars": 1, "tags": ["a", 2]}})
doc("§6.1.2 two variable errors", "query ($a: Int!, $b: String!) { echo(int: $a, str: $b) }", {"a": "x"})
doc("§6.1.2 oneOf variable", "query ($f: Filter!) { echo(filter: $f) }", {"f": {"byName": "x"}})
doc("§6.1.2 oneOf variable two keys", "query ($f: Filter!) { echo(filter: $f) }", {"f": {"byName": "x", "byId": "1"}})
doc("§6.1.2 variable in input object literal", "query ($s: Int!) { echo(input: {stars: $s}) }", {"s": 2})
doc("§6.1.2 missing variable in input object literal", "query ($c: String) { echo(input: {stars: 1, commentary: $c}) }")
doc("§6.1.2 missing variable in list literal", "query ($i: Int) { echo(list: [1, $i]) }")
doc("§6.1.2 missing optional variable argument", "query ($i: Int) { echo(int: $i) }")
doc("§6.1.2 missing variable uses argument default", "query ($n: Int) { echo(nn: $n) }")
doc("§6.1.2 explicit null variable for default argument", "query ($n: Int) { echo(nn: $n) }", {"n": None})
doc("§6.1.2 matrix variable", "query ($m: [[Int]]) { echo(matrix: $m) }", {"m": [[1, 2], 3, None]})
doc("§6.1.2 custom scalar variable", "query ($d: Date) { human(id: 1) { born } echo(str: \"x\") }", {"d": {"any": [1]}})

# §6.3 execution.
doc("§6.3 typename everywhere", "{ __typename hero { __typename ... on Droid { __typename } } search { __typename } }")
doc("§6.3.2 skip and include", "{ hero { id @skip(if: true) name @include(if: false) friends @include(if: true) { name } } }")
doc("§6.3.2 skip with variables", "query ($s: Boolean!, $i: Boolean!) { hero { id @skip(if: $s) name @include(if: $i) } }", {"s": False, "i": False})
doc("§6.3.2 skip on fragments", "query ($s: Boolean = true) { hero { ...F @skip(if: $s) ... on Droid @include(if: true) { primaryFunction } } } fragment F on Character { id }")
doc("§6.3.2 response key order follows selection", "{ hero { name ... on Droid { id name primaryFunction } id __typename } }")
doc("§6.3.2 fragment spread twice", "{ hero { ...F ...F name } } fragment F on Character { id }")
doc("§6.4.1 argument defaults", "{ human(id: \"1000\") { height } a: human(id: 1000) { height(unit: FOOT) } }")
doc("§6.4.1 echo defaults", "{ echo(input: {stars: 2}) }")
doc("§6.4.3 mutations run serially", "mutation { one: first { id } createReview(review: {stars: 5}) { stars commentary } second { id } }")
doc("§6.4.3 failing non-null mutation stops", "mutation { first { id } failing { id } second { id } }")
doc("§6.4.4 field error with extensions", "{ hero { friends { name ... on Human { height } } } }")
doc("§6.4.4 non-null field error nulls parent", "{ hero { id } nonNullError }")
doc("§6.4.4 nullable field error", "{ nullableError hero { id } }")
doc("§6.4.4 null in non-null field", "{ hero { friends { id name } } }")
doc("§6.4.4 null propagates to nullable list", "{ items { id value name } }")
doc("§6.4.4 null propagates through non-null list", "{ strictItems { id value } }")
doc("§6.4.4 nullable items", "{ maybeItems { id value } }")
doc("§6.4.4 deep propagation", "{ deep { a { b c } b c list { b c list { c } } } }")
doc("§6.4.4 multiple errors in siblings", "{ a: nullableError b: nullableError deep { a { c } } }")
doc("§6.4.4 invalid enum value output", "{ droid(id: 1) { appearsIn } }")
doc("§6.4.4 null item in list of objects", "{ droid(id: 1) { friends { id name } } }")
doc("§6.4 scalar coercion", "{ scalars { int float string bool id bigInt floatAsInt intAsString boolAsInt date stringAsInt numberAsBool } }")
doc("§6.4 bad enum output", "{ scalars { badEnum } }")
doc("§6.4 nested lists of floats", "{ human(id: 1) { starships { name length coordinates } } }")
doc("§6.4 union members", "{ search { ... on Human { name homePlanet } ... on Droid { name primaryFunction } ... on Starship { name length } } }")
doc("§6.4 interface field", "{ node(id: 1) { id ... on Character { name } } }")
doc("§6.4 deprecated field still works", "{ human(id: 1) { mass } described }")
doc("§6.2.3 subscription as query", "subscription { reviewAdded(episode: JEDI) { stars commentary } }")
doc("§6.4 aliases of the same field with different args", "{ a: echo(int: 1) b: echo(int: 2) }")
doc("§6.4 errors ordered as executed", "{ deep { list { c } } items { name } z: nullableError }")

# §4 introspection.
doc("§4.1 type name introspection", "{ __type(name: \"Droid\") { name kind description fields { name type { name kind ofType { name kind } } } } }")
doc("§4.2 schema root types", "{ __schema { queryType { name } mutationType { name } subscriptionType { name } description } }")
doc("§4.2 types list", "{ __schema { types { name kind } } }")
doc("§4.2 directives", "{ __schema { directives { name description locations isRepeatable args { name type { kind name ofType { name } } defaultValue } } } }")
doc("§4.2 enum values with deprecation", "{ __type(name: \"Episode\") { enumValues { name description isDeprecated deprecationReason } all: enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } } }")
doc("§4.2 deprecated fields", "{ __type(name: \"Query\") { fields(includeDeprecated: true) { name isDeprecated deprecationReason args(includeDeprecated: true) { name defaultValue isDeprecated deprecationReason } } } }")
doc("§4.2 input fields and defaults", "{ __type(name: \"ReviewInput\") { kind inputFields { name defaultValue type { kind name ofType { kind name } } } isOneOf } f: __type(name: \"Filter\") { isOneOf } }")
doc("§4.2 specifiedBy", "{ __type(name: \"Date\") { name specifiedByURL description } s: __type(name: \"String\") { specifiedByURL description } }")
doc("§4.2 interfaces and possible types", "{ c: __type(name: \"Character\") { interfaces { name } possibleTypes { name } } u: __type(name: \"SearchResult\") { possibleTypes { name } interfaces { name } } h: __type(name: \"Human\") { interfaces { name } possibleTypes { name } } }")
doc("§4.2 unknown type is null", "{ __type(name: \"Nope\") { name } }")
doc("§4.2 introspection depth limit", "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }")
doc("§4.2 typename of introspection types", "{ __schema { __typename queryType { __typename fields { __typename type { __typename } } } } }")
doc("§4.2 wrapped type chain", "{ __type(name: \"Starship\") { fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }")
doc("§4.3 __type requires name", "{ __type { name } }")
doc("§4.3 __schema on non-root is an error", "{ hero { __schema { types { name } } } }")

# More execution shapes: aliases, repeated fields, nested fragments, error positions (§6.3, §6.4).
doc("§6.3.2 same field twice with aliases and fragments", "{ h: hero { ...A } hero { id } h: hero { name } } fragment A on Character { id ... on Droid { id primaryFunction } }")
doc("§6.3.2 nested inline fragments on interfaces", "{ search { ... on Node { ... on Character { ... on Human { name } } id } } }")
doc("§6.3.2 include false on whole root", "query ($no: Boolean = false) { hero @include(if: $no) { id } nullableError @skip(if: true) }")
doc("§6.3.2 skip variable missing means not skipped", "query ($s: Boolean) { hero { id @skip(if: $s) } }")
doc("§6.4.4 error inside list item of friends", "{ hero { friends { ... on Human { height homePlanet } } } }")
doc("§6.4.4 two errors in one list", "{ items { name } maybeItems { value } }")
doc("§6.4.4 non-null error inside nullable list item", "{ maybeItems { id value } items { id } }")
doc("§6.4.4 aliases of failing field", "{ x: nullableError y: nullableError z: nonNullError }")
doc("§6.4.4 deep list of non-null objects", "{ deep { list { list { c list { c } } } } }")
doc("§6.4.4 error order across levels", "{ deep { a { c } list { c } } items { name value } }")
doc("§6.4.4 typename with errors", "{ __typename nonNullError __typename }")
doc("§6.4 enum list output with invalid item", "{ droid(id: 2) { appearsIn name } }")
doc("§6.4 union typename only", "{ search { __typename ... on Starship { coordinates } } }")
doc("§6.4 argument with enum default", "{ human(id: 5) { a: height(unit: METER) b: height } }")
doc("§6.4.1 invalid argument literal passes only when valid", "query ($u: LengthUnit = FOOT) { human(id: 5) { height(unit: $u) } }")
doc("§6.4.1 variable of enum list", "query ($e: [Episode]) { described(other: $e) }", {"e": ["EMPIRE"]})
doc("§6.4.1 nested input defaults", "{ echo(input: {stars: 1, episode: NEWHOPE}) }")
doc("§6.1 operation name with anonymous also present", "{ hero { id } } query A { hero { name } }", operation="A")
doc("§6.1 mutation by name", "query Q { hero { id } } mutation M { second { id } }", operation="M")
doc("§5.3.2 merge with different directives ok", "{ hero { id @include(if: true) id @skip(if: false) } }")
doc("§5.3.2 conflicting list vs non list", "{ human(id: 1) { starships { name } } human(id: 1) { starships: name } }")
doc("§5.3.2 different args on nested", "{ hero { ... on Human { height(unit: FOOT) } ... on Human { height(unit: METER) } } }")
doc("§5.3.2 variable vs literal args", "query ($u: LengthUnit) { human(id: 1) { height(unit: $u) height(unit: FOOT) } }")
doc("§5.4.1 unknown argument on unknown field", "{ hero { nope(x: 1) } }")
doc("§5.5.2.2 three fragment cycle", "{ hero { ...A } } fragment A on Character { ...B } fragment B on Character { ...C } fragment C on Character { ...A name }")
doc("§5.5.2.3 interface into union", "{ search { ... on Node { id } ... on Character { name } } }")
doc("§5.6.1 nested list values", "{ echo(matrix: [[1, \"x\"], [true]]) }")
doc("§5.6.1 enum in string position", "{ echo(str: JEDI, e: jedi) }")
doc("§5.6.1 float for ID", "{ human(id: 1.0) { id } }")
doc("§5.6.1 variable default of wrong type", "query ($i: Int = \"no\") { echo(int: $i) }")
doc("§5.6.1 object with variable field", "query ($s: Int) { echo(input: {stars: $s}) }", {"s": 3})
doc("§5.7.2 directive on variable definition", "query ($a: Int @skip(if: true)) { echo(int: $a) }")
doc("§5.7.2 include on fragment definition", "{ hero { ...F } } fragment F on Character @include(if: true) { id }")
doc("§5.8.3 variable used in directive undefined", "{ hero @include(if: $flag) { id } }")
doc("§5.8.5 boolean variable into Boolean!", "query ($b: Boolean) { hero @skip(if: $b) { id } }")
doc("§5.8.5 variable in nested input field", "query ($t: [String]) { echo(input: {stars: 1, tags: $t}) }")
doc("§5.2.1 same name query and fragment", "query F { hero { ...F } } fragment F on Character { id }")
doc("§4.2 introspection of input with oneOf", "{ __type(name: \"Filter\") { name kind isOneOf inputFields { name type { name } defaultValue } } }")
doc("§4.2 introspection of list of lists", "{ __type(name: \"Starship\") { fields { name type { kind ofType { kind ofType { kind ofType { kind ofType { kind name } } } } } } } }")
doc("§4.2 directive args with deprecation flag", "{ __schema { directives { name args(includeDeprecated: true) { name isDeprecated } isDeprecated deprecationReason } } }")
doc("§4.2 inputFields include deprecated", "{ __type(name: \"ReviewInput\") { inputFields(includeDeprecated: true) { name } } }")
doc("§4.2 __type of a root with typename", "{ __type(name: \"Query\") { __typename name kind interfaces { name } } }")
doc("§4.2 __type with variable name", "query ($n: String!) { __type(name: $n) { name kind } }", {"n": "SearchResult"})

# The standard introspection queries of graphql-js and GraphiQL (run through getIntrospectionQuery in oracle.js).
INTROSPECTION = open(os.path.join(os.path.dirname(__file__), "introspection.graphql")).read()
doc("§4.5 graphql-js getIntrospectionQuery", INTROSPECTION)
INTROSPECTION_FULL = open(os.path.join(os.path.dirname(__file__), "introspection-full.graphql")).read()
doc("§4.5 getIntrospectionQuery with all options (GraphiQL)", INTROSPECTION_FULL)

# Combinations: every scalar argument with literals of every kind (§5.6.1 / §6.4.1).
literals = ["1", "-7", "1.5", "\"s\"", "\"12\"", "true", "null", "JEDI", "[1]", "{stars: 1}", "$v"]
for arg in ["int", "float", "str", "bool", "id", "e", "list", "input", "nn", "filter"]:
    for lit in literals:
        q = f"query ($v: Int) {{ echo({arg}: {lit}) }}" if lit == "$v" else f"{{ echo({arg}: {lit}) }}"
        doc(f"§5.6.1 literal {lit} for {arg}", q, {"v": 3} if lit == "$v" else None)

# Variables of every type with JSON values of every kind (§6.1.2).
json_values = [1, 2.5, "x", "JEDI", True, None, [1, 2], {"stars": 1}, 10000000000]
for var_type, arg in [("Int", "int"), ("Float", "float"), ("String", "str"), ("Boolean", "bool"), ("ID", "id"),
                      ("Episode", "e"), ("[Int]", "list"), ("ReviewInput", "input"), ("Int!", "nn")]:
    for value in json_values:
        doc(f"§6.1.2 variable {var_type} given {json.dumps(value)}", f"query ($v: {var_type}) {{ echo({arg}: $v) }}",
            {"v": value})

with open(os.path.join(os.path.dirname(__file__), "documents.json"), "w") as f:
    json.dump(D, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(len(D), "documents")
