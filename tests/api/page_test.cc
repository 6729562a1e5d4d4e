// The HTML pages over real HTTP: each page renders for the caller's own
// records and refuses another force's (allow and deny), values are escaped,
// forms with problems show a GOV.UK error summary linked to the fields,
// pages carry the security headers, and assets are served fingerprinted
// with immutable caching.

#include <gmock/gmock.h>

#include <filesystem>
#include <regex>

#include "api/api_test_fixture.h"
#include "testing/test_lookups.h"

namespace vigil::api_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class PageTest : public ApiTest {
 protected:
  PageTest() { serve_pages_ = true; }

  // A report of another force, straight into the store.
  domain::Report OtherForcesReport() {
    domain::Report report = testing::MakeReport("WY/2026/0300");
    report.force = "west_yorkshire";
    auto transaction = store().Begin(storage::TransactionMode::kWrite);
    EXPECT_TRUE(transaction.ok()) << transaction.status();
    EXPECT_TRUE((*transaction)->InsertReport(report).ok());
    EXPECT_TRUE((*transaction)->Commit().ok());
    return report;
  }

  // The first fingerprinted url in `html` ending in `suffix` (e.g. ".css").
  static std::string AssetUrl(const std::string& html, const std::string& stem) {
    std::smatch match;
    std::regex pattern("/assets/" + stem + "-[0-9a-f]{12}\\.[a-z0-9]+");
    if (!std::regex_search(html, match, pattern)) return "";
    return match.str();
  }
};

TEST_F(PageTest, HomeShowsWhoIsSignedInWithTheSecurityHeaders) {
  httplib::Result result = Get("/");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_THAT(result->body, HasSubstr("Signed in as <strong>DC Sam Patel</strong>"));
  EXPECT_THAT(result->body, HasSubstr("<title>Your work – vigil</title>"));
  EXPECT_THAT(result->body, HasSubstr("Skip to main content"));
  std::string policy = result->get_header_value("Content-Security-Policy");
  EXPECT_THAT(policy, HasSubstr("script-src 'self' 'sha256-"));
  EXPECT_THAT(policy, HasSubstr("frame-ancestors 'none'"));
  EXPECT_THAT(policy, Not(HasSubstr("unsafe-inline")));
  EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(result->get_header_value("Referrer-Policy"), "no-referrer");
}

TEST_F(PageTest, HomeListsMyCasesAndTasksOverdueFirst) {
  nlohmann::json opened = OpenCase(CaseBody("Course of conduct against J. Bloggs"));
  std::string case_id = std::to_string(opened["id"].get<std::int64_t>());
  // Tasks are owned by the demo actor's user id: "dc.patel" in these tests.
  nlohmann::json assign = {{"owner", "dc.patel"}, {"version", opened["version"]}};
  ASSERT_EQ(Put("/api/v1/cases/" + case_id + "/assignment", assign)->status, 200);
  ASSERT_EQ(
      Post("/api/v1/cases/" + case_id + "/tasks",
           {{"text", "Later task"}, {"owner", "dc.patel"}, {"due_at", "2026-07-01T09:00:00Z"}})
          ->status,
      201);
  ASSERT_EQ(
      Post("/api/v1/cases/" + case_id + "/tasks",
           {{"text", "Overdue task"}, {"owner", "dc.patel"}, {"due_at", "2026-06-01T09:00:00Z"}})
          ->status,
      201);
  httplib::Result result = Get("/");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  std::size_t overdue = result->body.find("Overdue task");
  std::size_t later = result->body.find("Later task");
  ASSERT_NE(overdue, std::string::npos) << result->body;
  ASSERT_NE(later, std::string::npos);
  EXPECT_LT(overdue, later);
  EXPECT_THAT(result->body, HasSubstr("1 June 2026 at 10:00am"));  // BST.
  EXPECT_THAT(result->body, HasSubstr("Course of conduct against J. Bloggs"));
}

TEST_F(PageTest, ReportPageEscapesWhatOfficersTyped) {
  nlohmann::json body = ReportBody("WM/2026/0001", "stalking");
  body["narrative"] = "He wrote <script>alert('x')</script> & left";
  body["included_classifications"] = {"harassment"};
  nlohmann::json report = CreateReport(body);
  httplib::Result result = Get("/reports/" + std::to_string(report["id"].get<std::int64_t>()));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_THAT(result->body,
              HasSubstr("He wrote &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; left"));
  EXPECT_THAT(result->body, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(result->body, HasSubstr("30 May 2026"));
  EXPECT_THAT(result->body, HasSubstr("This report has not been screened."));
}

TEST_F(PageTest, AnotherForcesRecordsAreRefusedWithAnHtmlPage) {
  domain::Report report = OtherForcesReport();
  httplib::Result result = Get("/reports/" + report.id.ToString());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 403);
  EXPECT_THAT(result->body, HasSubstr("You do not have permission"));
  EXPECT_THAT(result->body, Not(HasSubstr("WY/2026/0300")));
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8");
}

TEST_F(PageTest, UnknownRecordsArePageNotFound) {
  for (const std::string path : {"/reports/999", "/cases/999", "/persons/999", "/reports/abc"}) {
    httplib::Result result = Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 404) << path;
    EXPECT_THAT(result->body, HasSubstr("Page not found")) << path;
  }
}

TEST_F(PageTest, SearchFindsReportsByAnIncludedClassification) {
  nlohmann::json body = ReportBody("WM/2026/0002", "harassment");
  body["included_classifications"] = {"stalking"};
  CreateReport(body);
  CreateReport(ReportBody("WM/2026/0003", "harassment"));
  httplib::Result result = Get("/reports?classification=stalking");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_THAT(result->body, HasSubstr("WM/2026/0002"));
  EXPECT_THAT(result->body, Not(HasSubstr("WM/2026/0003")));
  EXPECT_THAT(result->body, HasSubstr("1 report"));
}

TEST_F(PageTest, SearchWithABadDateShowsAnErrorSummaryLinkedToTheField) {
  httplib::Result result = Get("/reports?from-day=31&from-month=2&from-year=2026");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  EXPECT_THAT(result->body, HasSubstr("There is a problem"));
  EXPECT_THAT(result->body,
              HasSubstr("<a href=\"#from-day\">Received from must be a real date</a>"));
  EXPECT_THAT(result->body, HasSubstr("<title>Error: Search reports – vigil</title>"));
}

TEST_F(PageTest, CaseAndPersonPagesShowWhatHangsOffThem) {
  nlohmann::json person = CreatePerson(PersonBody("Jo", "Bloggs"));
  std::int64_t person_id = person["id"].get<std::int64_t>();
  nlohmann::json opened = OpenCase(CaseBody("Course of conduct against J. Bloggs"));
  std::int64_t case_id = opened["id"].get<std::int64_t>();
  nlohmann::json body = ReportBody("WM/2026/0004", "stalking");
  body["persons"] = {{{"person_id", person_id}, {"role", "suspect"}}};
  nlohmann::json report = CreateReport(body);
  ASSERT_EQ(Post("/api/v1/cases/" + std::to_string(case_id) + "/reports",
                 {{"report_id", report["id"]}, {"report_version", report["version"]}})
                ->status,
            200);
  httplib::Result case_page = Get("/cases/" + std::to_string(case_id));
  ASSERT_TRUE(case_page);
  EXPECT_EQ(case_page->status, 200) << case_page->body;
  EXPECT_THAT(case_page->body, HasSubstr("moj-timeline__item"));
  EXPECT_THAT(case_page->body, HasSubstr("Twenty messages overnight."));
  EXPECT_THAT(case_page->body, HasSubstr("Jo Bloggs"));
  EXPECT_THAT(case_page->body, HasSubstr("Suspect"));
  httplib::Result person_page = Get("/persons/" + std::to_string(person_id));
  ASSERT_TRUE(person_page);
  EXPECT_EQ(person_page->status, 200) << person_page->body;
  EXPECT_THAT(person_page->body, HasSubstr("WM/2026/0004"));
  EXPECT_THAT(person_page->body, HasSubstr("07700 900123"));
  EXPECT_THAT(person_page->body, HasSubstr("Case " + std::to_string(case_id)));
}

TEST_F(PageTest, AssetsAreFingerprintedImmutableAndStreamed) {
  httplib::Result page = Get("/");
  ASSERT_TRUE(page);
  std::string css_url = AssetUrl(page->body, "govuk-frontend\\.min");
  ASSERT_FALSE(css_url.empty()) << page->body;
  httplib::Result css = Get(css_url);
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  // The stylesheet's fonts point at fingerprinted urls that are served.
  std::string font_url = AssetUrl(css->body, "bold-b542beb274-v2");
  ASSERT_FALSE(font_url.empty());
  EXPECT_THAT(css->body, Not(HasSubstr("url(/assets/fonts/")));
  httplib::Result font = Get(font_url);
  ASSERT_TRUE(font);
  EXPECT_EQ(font->status, 200);
  EXPECT_EQ(font->get_header_value("Content-Type"), "font/woff2");
  EXPECT_EQ(font->body.size(),
            std::filesystem::file_size(
                "node_modules/govuk-frontend/dist/govuk/assets/fonts/bold-b542beb274-v2.woff2"));
  httplib::Result stale = Get("/assets/govuk-frontend.min-000000000000.css");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 404);
}

}  // namespace
}  // namespace vigil::api_test
