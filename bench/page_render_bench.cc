// vigil_page_render_bench: how long vigil takes to produce each HTML page,
// measured in the server (route lookup, the services' reads and
// authorisation, template rendering), without the network. Over a store
// (e.g. 100,000 demo reports: bench/run_page_bench.sh) it renders each page
// kind for many different records and prints p50, p95 and p99 in
// milliseconds. The target is p95 under 50 ms (docs/benchmarks.md, "Pages").
//
//   vigil_page_render_bench --db var/bench/vigil-100000.db [--samples 400]

#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "app/command_support.h"
#include "app/config_loader.h"
#include "core/clock.h"
#include "core/logging.h"
#include "services/services.h"
#include "web/pages/routes.h"
#include "web/pages/site.h"
#include "web/router.h"

namespace vigil::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct PageKind {
  std::string name;
  std::vector<std::string> paths;  // Cycled through, one per sample.
};

double Percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  std::size_t index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
  return values[index];
}

int Run(int argc, char** argv) {
  std::string db;
  std::string config = "config";
  std::string assets = ".";
  int samples = 400;
  CLI::App app("Server-side render time of vigil's HTML pages");
  app.add_option("--db", db, "SQLite database with demo data")->required();
  app.add_option("--config", config, "Configuration folder");
  app.add_option("--assets", assets, "vigil folder with node_modules/ and src/web/pages/");
  app.add_option("--samples", samples, "Renders per page kind");
  CLI11_PARSE(app, argc, argv);
  core::ConfigureLogging(core::LogLevel::kWarning);

  auto loaded = app::LoadConfig(config);
  if (!loaded.ok()) return std::cerr << loaded.status() << "\n", 1;
  auto store = app::OpenStore(db);
  if (!store.ok()) return std::cerr << store.status() << "\n", 1;
  auto site = web::pages::Site::Load(assets);
  if (!site.ok()) return std::cerr << site.status() << "\n", 1;
  core::SystemClock clock;
  services::Services services(**store, loaded->lookups, clock);
  web::Router router;
  web::pages::AddPageRoutes(router, services, *site);
  services::Caller caller{app::DemoActor(), "bench", ""};

  // Records to show: reports from a search, their cases and persons.
  storage::ReportQuery query;
  query.limit = 200;
  auto reports = services.SearchReports(caller, query);
  if (!reports.ok()) return std::cerr << reports.status() << "\n", 1;
  std::printf("store: %lld reports visible to the demo user\n",
              static_cast<long long>(reports->total));
  PageKind home{"home", {"/"}};
  PageKind search{"search (newest first)", {"/reports"}};
  PageKind by_classification{
      "search by classification",
      {"/reports?classification=stalking", "/reports?classification=harassment&sort=oldest",
       "/reports?classification=malicious_communications"}};
  PageKind dated{"search by classification and dates",
                 {"/reports?classification=stalking&from-day=1&from-month=1&from-year=2025"
                  "&to-day=31&to-month=12&to-year=2025"}};
  PageKind report{"report page", {}};
  PageKind case_page{"case page", {}};
  PageKind person{"person page", {}};
  std::set<std::int64_t> cases;
  std::set<std::int64_t> persons;
  for (const domain::Report& item : reports->items) {
    report.paths.push_back("/reports/" + item.id.ToString());
    if (item.case_id && cases.insert(item.case_id->value).second) {
      case_page.paths.push_back("/cases/" + item.case_id->ToString());
    }
    for (const domain::ReportPerson& link : item.persons) {
      if (persons.insert(link.person_id.value).second) {
        person.paths.push_back("/persons/" + link.person_id.ToString());
      }
    }
  }
  std::printf("%-38s %8s %8s %8s %8s\n", "page", "samples", "p50 ms", "p95 ms", "p99 ms");
  for (const PageKind& kind : {home, search, by_classification, dated, report, case_page, person}) {
    if (kind.paths.empty()) continue;
    std::vector<double> milliseconds;
    for (int sample = 0; sample < samples; ++sample) {
      httplib::Request request;
      std::string target = kind.paths[static_cast<std::size_t>(sample) % kind.paths.size()];
      std::string path = target.substr(0, target.find('?'));
      request.method = "GET";
      request.path = path;
      if (path.size() != target.size()) {
        httplib::detail::parse_query_text(target.substr(path.size() + 1), request.params);
      }
      Clock::time_point start = Clock::now();
      web::Router::Lookup lookup = router.Find("GET", path);
      if (lookup.outcome != web::Router::Outcome::kFound) {
        std::cerr << "no route for " << path << "\n";
        return 1;
      }
      web::RequestContext context{request, std::move(lookup.parameters), caller};
      core::Result<web::Response> response = (*lookup.handler)(context);
      double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      if (!response.ok() || response->status != 200) {
        std::cerr << target << " failed: "
                  << (response.ok() ? std::to_string(response->status)
                                    : response.status().ToString())
                  << "\n";
        return 1;
      }
      milliseconds.push_back(elapsed);
    }
    std::printf("%-38s %8d %8.2f %8.2f %8.2f\n", kind.name.c_str(), samples,
                Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.95),
                Percentile(milliseconds, 0.99));
  }
  return 0;
}

}  // namespace
}  // namespace vigil::bench

int main(int argc, char** argv) { return vigil::bench::Run(argc, argv); }
