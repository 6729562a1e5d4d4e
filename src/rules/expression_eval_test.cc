// Evaluation: three-valued logic, comparisons, lists, scopes and roots.

#include <gtest/gtest.h>

#include <string>

#include "rules/expression.h"
#include "rules/test_schema.h"

namespace vigil::rules {
namespace {

using nlohmann::json;

Truth Eval(const std::string& text, const json& facts) {
  static const Schema schema = testing::TestSchema();
  auto parsed = Expression::Parse(text, schema);
  EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.status();
  if (!parsed.ok()) return Truth::kUnknown;
  return parsed->Evaluate(Context{&facts});
}

const json kFacts = json::parse(R"({
  "relationship": "ex_partner",
  "people_targeted": 1,
  "unwanted": true,
  "fixated": null,
  "impact": {"alarm": false},
  "hostility": ["race"],
  "occasions": [
    {"date": "2025-03-01", "channel": "in_person", "feared": true, "behaviours": ["following"],
     "witnesses": [{"named": true}]},
    {"date": "2025-03-08", "channel": "text_message", "feared": null, "behaviours": [],
     "message": {"menacing": true}},
    {"date": "2025-03-09", "channel": "text_message", "feared": false, "behaviours": ["loitering"]}
  ]
})");

TEST(ExpressionEvalTest, LiteralsAndFacts) {
  EXPECT_EQ(Eval("true", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("false", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("unwanted", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("fixated", kFacts), Truth::kUnknown);         // null
  EXPECT_EQ(Eval("impact.changed", kFacts), Truth::kUnknown);  // missing
  EXPECT_EQ(Eval("impact.alarm", kFacts), Truth::kFalse);
}

TEST(ExpressionEvalTest, KleeneAndOrNot) {
  // and: false wins, then unknown.
  EXPECT_EQ(Eval("unwanted and fixated", kFacts), Truth::kUnknown);
  EXPECT_EQ(Eval("impact.alarm and fixated", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("fixated and impact.alarm", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("unwanted and unwanted", kFacts), Truth::kTrue);
  // or: true wins, then unknown.
  EXPECT_EQ(Eval("fixated or unwanted", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("fixated or impact.alarm", kFacts), Truth::kUnknown);
  EXPECT_EQ(Eval("impact.alarm or impact.alarm", kFacts), Truth::kFalse);
  // not: unknown stays unknown.
  EXPECT_EQ(Eval("not fixated", kFacts), Truth::kUnknown);
  EXPECT_EQ(Eval("not unwanted", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("not (impact.alarm or impact.alarm)", kFacts), Truth::kTrue);
}

TEST(ExpressionEvalTest, Comparisons) {
  EXPECT_EQ(Eval("relationship == \"ex_partner\"", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("relationship != \"ex_partner\"", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("people_targeted >= 1", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("people_targeted > 1", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("people_targeted < 1.5", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("people_targeted <= 0", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("name > \"a\"", kFacts), Truth::kUnknown);  // missing text
  EXPECT_EQ(Eval("name > \"a\"", json{{"name", "b"}}), Truth::kTrue);
  EXPECT_EQ(Eval("name <= \"a\"", json{{"name", "b"}}), Truth::kFalse);
  EXPECT_EQ(Eval("fixated == true", kFacts), Truth::kUnknown);
  EXPECT_EQ(Eval("unwanted == fixated", kFacts), Truth::kUnknown);
  EXPECT_EQ(Eval("unwanted != false", kFacts), Truth::kTrue);
}

TEST(ExpressionEvalTest, NullTestsAreDefinite) {
  EXPECT_EQ(Eval("fixated == null", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("null == impact.changed", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("unwanted == null", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("unwanted != null", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("occasions != null", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("occasions == null", json::object()), Truth::kTrue);
  EXPECT_EQ(Eval("count(occasions) == null", json::object()), Truth::kTrue);
}

TEST(ExpressionEvalTest, Membership) {
  EXPECT_EQ(Eval("relationship in [\"stranger\", \"ex_partner\"]", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("relationship in [\"stranger\"]", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("relationship not in [\"stranger\"]", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("people_targeted in [1, 2]", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("unwanted in [false]", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("relationship in [\"stranger\"]", json::object()), Truth::kUnknown);
  EXPECT_EQ(Eval("\"race\" in hostility", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("\"religion\" in hostility", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("\"religion\" not in hostility", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("\"race\" in hostility", json::object()), Truth::kUnknown);
}

TEST(ExpressionEvalTest, CountAnyAll) {
  EXPECT_EQ(Eval("count(occasions) == 3", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("count(hostility) == 1", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("count(occasions, feared) == 1", kFacts), Truth::kTrue);  // unknowns not counted
  EXPECT_EQ(Eval("count(occasions, channel == \"text_message\") >= 2", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("count(occasions) >= 2", json::object()), Truth::kUnknown);
  EXPECT_EQ(Eval("any(occasions, \"loitering\" in behaviours)", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("any(occasions, message.menacing)", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("any(occasions, feared == false)", kFacts), Truth::kTrue);
  // any: unknown when no element is true but one is unknown.
  EXPECT_EQ(Eval("any(occasions, feared and channel == \"text_message\")", kFacts),
            Truth::kUnknown);
  EXPECT_EQ(Eval("any(occasions, channel == \"in_person\" and not feared)", kFacts), Truth::kFalse);
  // all: false wins; unknown otherwise; empty list is true.
  EXPECT_EQ(Eval("all(occasions, feared)", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("all(occasions, feared or channel == \"text_message\")", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("all(occasions, feared != false)", kFacts), Truth::kFalse);
  EXPECT_EQ(Eval("all(occasions, date != null)", kFacts), Truth::kTrue);
  EXPECT_EQ(Eval("all(occasions, feared)", json{{"occasions", json::array()}}), Truth::kTrue);
  EXPECT_EQ(Eval("any(occasions, feared)", json{{"occasions", json::array()}}), Truth::kFalse);
  EXPECT_EQ(Eval("any(occasions, feared)", json::object()), Truth::kUnknown);
}

TEST(ExpressionEvalTest, NestedScopesSeeOuterFacts) {
  EXPECT_EQ(
      Eval("any(occasions, any(witnesses, named) and relationship == \"ex_partner\")", kFacts),
      Truth::kTrue);
  EXPECT_EQ(Eval("count(occasions, any(witnesses, named)) == 1", kFacts), Truth::kTrue);
}

TEST(ExpressionEvalTest, UnexpectedJsonTypesAreUnknown) {
  json odd = json::parse(R"({"unwanted": "yes", "people_targeted": "two", "hostility": "race",
                             "occasions": {"not": "a list"}, "impact": 3})");
  EXPECT_EQ(Eval("unwanted", odd), Truth::kUnknown);
  EXPECT_EQ(Eval("people_targeted > 1", odd), Truth::kUnknown);
  EXPECT_EQ(Eval("\"race\" in hostility", odd), Truth::kUnknown);
  EXPECT_EQ(Eval("count(occasions) > 0", odd), Truth::kUnknown);
  EXPECT_EQ(Eval("impact.alarm", odd), Truth::kUnknown);
  EXPECT_EQ(Eval("unwanted", json::array()), Truth::kUnknown);
}

TEST(ExpressionEvalTest, SeveralRootsAreSearchedInOrder) {
  Schema schema = testing::TestSchema();
  auto parsed = Expression::Parse("risk.level == \"high\" and unwanted", schema);
  ASSERT_TRUE(parsed.ok());
  json facts = {{"unwanted", true}};
  json risk = {{"risk", {{"level", "high"}}}};
  EXPECT_EQ(parsed->Evaluate(Context{&facts, &risk}), Truth::kTrue);
  EXPECT_EQ(parsed->Evaluate(Context{&facts}), Truth::kUnknown);
  json shadow = {{"risk", {{"level", "standard"}}}};
  EXPECT_EQ(parsed->Evaluate(Context{&facts, &shadow, &risk}), Truth::kFalse);
  EXPECT_EQ(parsed->Evaluate(Context{&facts, nullptr, &risk}), Truth::kTrue);
}

TEST(ExpressionEvalTest, ElementExpressionsReadTheGivenElement) {
  Schema schema = testing::TestSchema();
  const Schema& occasion = schema.Resolve("occasions[]")->members;
  auto parsed = Expression::Parse("channel != \"in_person\" and relationship == \"ex_partner\"",
                                  schema, &occasion);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  Context context{&kFacts};
  EXPECT_EQ(parsed->Evaluate(context, &kFacts["occasions"][0]), Truth::kFalse);
  EXPECT_EQ(parsed->Evaluate(context, &kFacts["occasions"][1]), Truth::kTrue);
  EXPECT_EQ(parsed->Evaluate(context), Truth::kUnknown);  // No element given.
}

TEST(ExpressionEvalTest, CopiesShareTheProgram) {
  Schema schema = testing::TestSchema();
  auto parsed = Expression::Parse("unwanted", schema);
  ASSERT_TRUE(parsed.ok());
  Expression copy = *parsed;
  EXPECT_EQ(copy.Evaluate(Context{&kFacts}), Truth::kTrue);
  EXPECT_EQ(TruthName(Truth::kUnknown), "unknown");
  EXPECT_EQ(TruthName(Truth::kTrue), "true");
  EXPECT_EQ(TruthName(Truth::kFalse), "false");
}

// Lists nested `depth` deep ("l[].l[]...flag"), true only at the bottom.
json Nested(int depth, bool flag) {
  json inner = {{"flag", flag}};
  for (int level = 0; level < depth; ++level) inner = {{"l", json::array({inner})}};
  return inner;
}

TEST(ExpressionEvalTest, DeeplyNestedListCallsKeepEachScope) {
  constexpr int kDepth = 12;  // Deeper than the evaluator's inline scopes.
  Schema schema;
  std::string path = "l";
  std::string text = "flag";
  for (int level = 0; level < kDepth; ++level) {
    ASSERT_TRUE(schema.Add(path, ValueType::kObjectList));
    path += "[].l";
    text = "any(l, " + text + ")";
  }
  ASSERT_TRUE(schema.Add(path.substr(0, path.size() - 1) + "flag", ValueType::kBool));
  auto parsed = Expression::Parse(text, schema);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  json yes = Nested(kDepth, true);
  json no = Nested(kDepth, false);
  EXPECT_EQ(parsed->Evaluate(Context{&yes}), Truth::kTrue);
  EXPECT_EQ(parsed->Evaluate(Context{&no}), Truth::kFalse);
}

// A Document over plain structs: the evaluator reads only through the
// interface, so answers match the same facts held as JSON.
class PairsDocument : public Document {
 public:
  struct Occasion {
    std::string channel;
    bool feared;
  };
  std::string relationship = "ex_partner";
  std::vector<Occasion> occasions = {{"in_person", true}, {"text_message", false}};

  Ref Root(const std::string& name) const override {
    if (name == "relationship") return Ref{&relationship, 1};
    if (name == "occasions") return Ref{&occasions, 2};
    return Ref();
  }
  Ref Member(Ref group, const std::string& name) const override {
    if (group.tag != 3) return Ref();
    const auto* occasion = static_cast<const Occasion*>(group.at);
    if (name == "channel") return Ref{&occasion->channel, 1};
    if (name == "feared") return Ref{occasion, 4, occasion->feared ? 1u : 0u};
    return Ref();
  }
  Item Read(Ref ref) const override {
    switch (ref.tag) {
      case 1:
        return Item::Text(*static_cast<const std::string*>(ref.at));
      case 2:
        return Item::List(occasions.size());
      case 3:
        return Item::Group();
      case 4:
        return Item::Bool(ref.index != 0);
      default:
        return Item::Unknown();
    }
  }
  Ref At(Ref list, std::size_t index) const override {
    return list.tag == 2 ? Ref{&occasions[index], 3} : Ref();
  }
};

TEST(ExpressionEvalTest, EvaluatesOverAnyDocument) {
  PairsDocument document;
  const json as_json = json::parse(R"({"relationship": "ex_partner", "occasions": [
      {"channel": "in_person", "feared": true}, {"channel": "text_message", "feared": false}]})");
  for (const char* text :
       {"relationship == \"ex_partner\"", "count(occasions, feared == true) >= 1",
        "all(occasions, feared)", "any(occasions, channel == \"text_message\" and not feared)",
        "count(occasions) == 2", "people_targeted == null", "impact.alarm",
        "\"race\" in hostility"}) {
    static const Schema schema = testing::TestSchema();
    auto parsed = Expression::Parse(text, schema);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.status();
    EXPECT_EQ(parsed->Evaluate(document), parsed->Evaluate(Context{&as_json})) << text;
  }
}

}  // namespace
}  // namespace vigil::rules
