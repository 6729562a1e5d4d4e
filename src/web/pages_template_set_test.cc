// The page templates' load-time checks and escaping (pages/template_set.h),
// and the real templates in src/web/pages/templates all loading cleanly.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "web/pages/template_set.h"

namespace vigil::web::pages {
namespace {

using ::testing::HasSubstr;

std::string ProblemsOf(std::map<std::string, std::string> texts) {
  core::Result<TemplateSet> set = TemplateSet::FromTexts(std::move(texts));
  return set.ok() ? "" : set.status().ToString();
}

TEST(TemplateSetTest, RefusesUnescapedOutput) {
  EXPECT_THAT(ProblemsOf({{"page", "<p>{{{narrative}}}</p>"}}),
              HasSubstr("page.mustache:1: unescaped output"));
  EXPECT_THAT(ProblemsOf({{"page", "line one\n{{& narrative}}"}}), HasSubstr("page.mustache:2"));
}

TEST(TemplateSetTest, RefusesSectionsClosedOutOfOrderOrNever) {
  EXPECT_THAT(ProblemsOf({{"page", "{{#a}}{{#b}}{{/a}}{{/b}}"}}),
              HasSubstr("{{/a}} closes a section while {{#b}} is still open"));
  EXPECT_THAT(ProblemsOf({{"page", "{{#a}}\n"}}), HasSubstr("the section {{#a}} is never closed"));
  EXPECT_THAT(ProblemsOf({{"page", "{{/a}}"}}), HasSubstr("never opened"));
}

TEST(TemplateSetTest, RefusesMissingPartialsDelimiterChangesAndOpenTags) {
  EXPECT_THAT(ProblemsOf({{"page", "{{> nowhere}}"}}),
              HasSubstr("the partial 'nowhere' does not exist"));
  EXPECT_THAT(ProblemsOf({{"page", "{{=<% %>=}}"}}), HasSubstr("changing the delimiters"));
  EXPECT_THAT(ProblemsOf({{"page", "<p>{{name</p>"}}), HasSubstr("never closed with }}"));
}

TEST(TemplateSetTest, ReportsEveryProblemAtOnce) {
  core::Result<TemplateSet> set =
      TemplateSet::FromTexts({{"one", "{{{a}}}"}, {"two", "{{> missing}}"}});
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().field_errors().size(), 2u);
}

TEST(TemplateSetTest, EscapesEveryValueIncludingQuotes) {
  core::Result<TemplateSet> set = TemplateSet::FromTexts(
      {{"page", "<a title=\"{{v}}\">{{v}}</a>{{> part}}"}, {"part", "{{v}}"}});
  ASSERT_TRUE(set.ok()) << set.status();
  std::string html = set->Render("page", mstch::map{{"v", std::string("<b>\"Jo's\" & co</b>")}});
  std::string escaped = "&lt;b&gt;&quot;Jo&#39;s&quot; &amp; co&lt;/b&gt;";
  EXPECT_EQ(html, "<a title=\"" + escaped + "\">" + escaped + "</a>" + escaped);
}

TEST(TemplateSetTest, TheShippedTemplatesLoad) {
  core::Result<TemplateSet> set = TemplateSet::Load("src/web/pages/templates");
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_TRUE(set->Has("layout_start"));
  EXPECT_TRUE(set->Has("report_search"));
}

TEST(TemplateSetTest, AMissingFolderIsNotFound) {
  core::Result<TemplateSet> set = TemplateSet::Load("no/such/folder");
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), core::StatusCode::kNotFound);
}

}  // namespace
}  // namespace vigil::web::pages
