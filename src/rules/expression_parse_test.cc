// Every way an expression can be rejected, each with the column it names.

#include <gtest/gtest.h>

#include <string>

#include "rules/expression.h"
#include "rules/test_schema.h"

namespace vigil::rules {
namespace {

struct BadRule {
  std::string text;
  int column;
  std::string message;  // A part of the message.
};

void PrintTo(const BadRule& rule, std::ostream* out) { *out << rule.text; }

class ExpressionErrorTest : public ::testing::TestWithParam<BadRule> {};

TEST_P(ExpressionErrorTest, NamesColumnAndProblem) {
  const BadRule& rule = GetParam();
  Schema schema = testing::TestSchema();
  Limits limits;
  limits.max_depth = 6;
  limits.max_nodes = 40;
  limits.max_list_items = 3;
  limits.max_string_length = 20;
  limits.max_length = 400;
  auto parsed = Expression::Parse(rule.text, schema, nullptr, limits);
  ASSERT_FALSE(parsed.ok()) << rule.text;
  EXPECT_EQ(parsed.status().code(), core::StatusCode::kInvalidArgument);
  std::string expected_prefix = "column " + std::to_string(rule.column) + ": ";
  EXPECT_EQ(parsed.status().message().rfind(expected_prefix, 0), 0u)
      << rule.text << " -> " << parsed.status().message();
  EXPECT_NE(parsed.status().message().find(rule.message), std::string::npos)
      << rule.text << " -> " << parsed.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Lexer, ExpressionErrorTest,
    ::testing::Values(BadRule{"unwanted == #", 13, "unexpected character '#'"},
                      BadRule{"name == \"é\" and £", 17, "unexpected character '£'"},
                      BadRule{"people_targeted == 1.", 20, "malformed number"},
                      BadRule{"people_targeted == 12abc", 20, "malformed number"},
                      BadRule{"name == \"open", 9, "text is not closed"},
                      BadRule{"name == \"a\\nb\"", 11, "unknown escape"},
                      BadRule{"name == \"aaaaaaaaaaaaaaaaaaaaaaaaa\"", 9, "longer than 20"},
                      BadRule{"unwanted = true", 10, "unexpected character '='"},
                      BadRule{"unwanted ! true", 10, "unexpected character '!'"}));

INSTANTIATE_TEST_SUITE_P(
    Structure, ExpressionErrorTest,
    ::testing::Values(BadRule{"", 1, "the rule is empty"}, BadRule{"   ", 1, "the rule is empty"},
                      BadRule{std::string(401, 'a'), 401, "longer than 400"},
                      BadRule{"unwanted fixated", 10, "expected 'and', 'or' or the end"},
                      BadRule{"(unwanted", 10, "expected ')' but found the end of the rule"},
                      BadRule{"unwanted and", 13, "expected a fact, a value or '('"},
                      BadRule{"and unwanted", 1, "expected a fact, a value or '(' but found 'and'"},
                      BadRule{"unwanted == )", 13, "expected a fact, a value or '('"},
                      BadRule{"size(occasions)", 1, "unknown function 'size'"},
                      BadRule{"not not not not not not not unwanted", 25,
                              "nested more than 6 levels"},
                      BadRule{"((((((((unwanted))))))))", 7, "nested more than 6 levels"},
                      BadRule{[] {
                                std::string text = "true";
                                for (int index = 0; index < 40; ++index) text += " or true";
                                return text;
                              }(),
                              321, "more than 40 parts"}));

INSTANTIATE_TEST_SUITE_P(
    Types, ExpressionErrorTest,
    ::testing::Values(
        BadRule{"relationship", 1,
                "a rule must be true or false, but this is 'relationship' (text)"},
        BadRule{"count(occasions)", 1, "a rule must be true or false"},
        BadRule{"unwanted or people_targeted", 13, "each side of 'or' must be true or false"},
        BadRule{"people_targeted and unwanted", 1, "each side of 'and' must be true or false"},
        BadRule{"not name", 5, "what follows 'not' must be true or false"},
        BadRule{"null == null", 6, "compares null with null"},
        BadRule{"people_targeted < null", 17, "only == and != can compare with null"},
        BadRule{"hostility == \"race\"", 1, "use \"value\" in list"},
        BadRule{"impact == true", 1, "use count(...), any(...) or all(...)"},
        BadRule{"people_targeted == \"two\"", 17, "cannot compare 'people_targeted' (number)"},
        BadRule{"unwanted < fixated", 10, "can only be compared with == and !="},
        BadRule{"relationship == \"ex_partnr\"", 17,
                "\"ex_partnr\" is not a value of 'relationship'"},
        BadRule{"\"strangr\" == relationship", 1, "\"strangr\" is not a value of 'relationship'"},
        BadRule{"hostility in [\"race\"]", 1, "must be a single value"},
        BadRule{"relationship in [\"stranger\", 2]", 30, "is not text like 'relationship'"},
        BadRule{"relationship in [\"stranger\" \"ex_partner\"]", 29, "expected ',' or ']'"},
        BadRule{"relationship in [\"stranger\", unwanted]", 30, "expected a value in the list"},
        BadRule{"relationship in [\"stranger\", \"other\"]", 30, "\"other\" is not a value"},
        BadRule{"relationship in []", 14, "the list after 'in' is empty"},
        BadRule{"people_targeted in [1, 2, 3, 4]", 30, "more than 3 items"},
        BadRule{"\"race\" in relationship", 11, "'in' needs a list of text"},
        BadRule{"\"racism\" in hostility", 1, "\"racism\" is not a value of 'hostility'"},
        BadRule{"relationship in 3", 17, "expected a list [...] or a list fact after 'in'"},
        BadRule{"relationship not in (1)", 21, "expected a list [...]"}));

INSTANTIATE_TEST_SUITE_P(
    Facts, ExpressionErrorTest,
    ::testing::Values(
        BadRule{"relationshp == \"stranger\"", 1,
                "unknown fact 'relationshp'; did you mean 'relationship'?"},
        BadRule{"zzzzzzzz", 1, "unknown fact 'zzzzzzzz'; known facts: relationship"},
        BadRule{"impact.alarmm", 8, "unknown fact 'impact.alarmm'; 'impact' has: alarm, changed"},
        BadRule{"impact. == true", 9, "expected a name after 'impact.'"},
        BadRule{"occasions.date == \"x\"", 11, "'occasions' is a list; use any(occasions"},
        BadRule{"relationship.kind == \"x\"", 14, "'relationship' is text and has no 'kind'"},
        BadRule{"channel == \"in_person\"", 1, "unknown fact 'channel'"},
        BadRule{"count(3) > 1", 7, "expected a list fact after 'count(' but found number 3"},
        BadRule{"any(relationship, true)", 5, "needs a list of groups"},
        BadRule{"count(hostility, true) > 0", 7, "needs a list of groups"},
        BadRule{"any(occasions)", 14, "expected ',' and a condition"},
        BadRule{"any(occasions, channel)", 16, "the condition of any(...) must be true or false"},
        BadRule{"all(occasions, feared", 22, "expected ')'"},
        BadRule{"any(occasions, channel == \"letter\")", 27,
                "\"letter\" is not a value of 'channel'"},
        BadRule{"any(occasions, any(witnesses, nam))", 31,
                "unknown fact 'nam'; did you mean 'name'?"}));

TEST(ExpressionParseTest, AcceptsTheWholeLanguage) {
  Schema schema = testing::TestSchema();
  for (const char* text : {
           "true",
           "not false",
           "unwanted",
           "unwanted == true and (fixated or not impact.alarm)",
           "relationship in [\"ex_partner\", \"family_member\"]",
           "relationship not in ['stranger']",
           "relationship != null",
           "null == relationship",
           "people_targeted >= 2 and people_targeted < 10.5 and -1 <= people_targeted",
           "count(occasions) >= 2",
           "count(hostility) > 0",
           "count(occasions, feared == true) >= 2",
           "any(occasions, \"following\" in behaviours and channel == \"in_person\")",
           "all(occasions, message.menacing != null)",
           "any(occasions, any(witnesses, named) and relationship == \"stranger\")",
           "\"race\" in hostility",
           "name > \"a\"",
           "risk.level == \"high\"",
           "occasions == null",
       }) {
    auto parsed = Expression::Parse(text, schema);
    EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.status();
    if (parsed.ok()) {
      EXPECT_EQ(parsed->text(), text);
    }
  }
}

TEST(ExpressionParseTest, ListsTheRootFactsItReads) {
  Schema schema = testing::TestSchema();
  auto parsed = Expression::Parse(
      "impact.alarm and any(occasions, feared and relationship == \"stranger\") or impact.alarm "
      "or risk.level == \"high\"",
      schema);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->root_paths(),
            (std::vector<std::string>{"impact.alarm", "occasions", "relationship", "risk.level"}));
}

TEST(ExpressionParseTest, ElementScopeResolvesElementFactsFirst) {
  Schema schema = testing::TestSchema();
  const Schema& occasion = schema.Resolve("occasions[]")->members;
  EXPECT_TRUE(Expression::Parse("channel != \"in_person\" and unwanted", schema, &occasion).ok());
  auto bad = Expression::Parse("channel == \"email\"", schema, &occasion);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("column 12"), std::string::npos);
}

TEST(ExpressionParseTest, DefaultLimitsAcceptRealisticRules) {
  Schema schema = testing::TestSchema();
  std::string text = "unwanted";
  for (int index = 0; index < 30; ++index) text += " or (fixated and unwanted)";
  EXPECT_TRUE(Expression::Parse(text, schema).ok());
}

}  // namespace
}  // namespace vigil::rules
