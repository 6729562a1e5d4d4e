// vigil_api_bench: a loopback load client for the JSON API. N threads, each
// with its own keep-alive httplib::Client, send requests back to back for a
// fixed time (or count) and record every latency; the tool then prints
// requests per second and latency percentiles for
//   (a) create: POST /api/v1/reports (a small report with one occasion), and
//   (b) search: GET /api/v1/reports?classification=stalking&limit=50,
// and, when asked for, health: GET /healthz (the HTTP layer without the
// store, for comparison).
// It targets a running server (--host/--port) or starts one in-process over
// a database (--db). See bench/run_api_bench.sh and docs/benchmarks.md.

#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/command_support.h"
#include "app/config_loader.h"
#include "app/version.h"
#include "core/clock.h"
#include "core/logging.h"
#include "services/services.h"
#include "web/server.h"

namespace vigil::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string db;  // When set, serve this database in-process instead.
  std::string config = "config";
  int server_threads = 256;
  int connections = 64;
  double duration_seconds = 10;
  double warmup_seconds = 2;
  std::int64_t requests = 0;  // Per scenario; 0 means run for the duration.
  std::string scenarios = "create,search";
  double wait_seconds = 30;  // How long to wait for /healthz before giving up.
};

struct Scenario {
  std::string name;
  std::string description;
  // Sends one request on `client`; true when the answer was the expected 2xx.
  std::function<bool(httplib::Client& client, int thread, std::int64_t sequence)> send;
};

struct Figures {
  std::int64_t requests = 0;
  std::int64_t failures = 0;
  double seconds = 0;
  std::vector<double> latencies_ms;  // Successful requests only, sorted.
};

double Percentile(const std::vector<double>& sorted, double fraction) {
  if (sorted.empty()) return 0;
  auto index = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

std::string ReportBody(const std::string& force_reference) {
  nlohmann::json occasion = {{"occurred_on", "2025-03-01"},
                             {"occurred_at", "21:40"},
                             {"channel", "text_message"},
                             {"behaviours", {"contacting"}},
                             {"summary", "Eleven messages in an hour after being blocked."}};
  nlohmann::json report = {
      {"force", "west_midlands"},
      {"force_reference", force_reference},
      {"received_at", "2025-03-02T09:15:00Z"},
      {"reporting_officer", "PC 4821 Hughes"},
      {"principal_classification", "harassment"},
      {"included_classifications", {"stalking"}},
      {"narrative", "The victim reports repeated unwanted messages from an ex-partner."},
      {"occasions", {occasion}}};
  return report.dump();
}

std::vector<Scenario> MakeScenarios(const std::string& run_id) {
  Scenario create{"create", "POST /api/v1/reports",
                  [run_id](httplib::Client& client, int thread, std::int64_t sequence) {
                    std::string reference = "BENCH-" + run_id + "-" + std::to_string(thread) + "-" +
                                            std::to_string(sequence);
                    httplib::Result result =
                        client.Post("/api/v1/reports", ReportBody(reference), "application/json");
                    return result && result->status == 201;
                  }};
  Scenario search{"search", "GET /api/v1/reports?classification=stalking&limit=50",
                  [](httplib::Client& client, int, std::int64_t) {
                    httplib::Result result =
                        client.Get("/api/v1/reports?classification=stalking&limit=50");
                    return result && result->status == 200 && result->body.size() > 2;
                  }};
  // The HTTP layer alone (no store): the ceiling the two above are measured
  // against.
  Scenario health{"health", "GET /healthz", [](httplib::Client& client, int, std::int64_t) {
                    httplib::Result result = client.Get("/healthz");
                    return result && result->status == 200;
                  }};
  return {health, create, search};
}

// Runs `scenario` on `connections` threads for `seconds` (or `requests`
// each), after a warm-up whose requests are not counted.
Figures Run(const Options& options, const Scenario& scenario) {
  std::atomic<bool> measuring{false};
  std::atomic<bool> stop{false};
  std::atomic<std::int64_t> started_requests{0};
  std::vector<Figures> per_thread(static_cast<std::size_t>(options.connections));
  std::vector<std::thread> threads;
  for (int thread = 0; thread < options.connections; ++thread) {
    threads.emplace_back([&, thread] {
      httplib::Client client(options.host, options.port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_connection_timeout(5, 0);
      client.set_read_timeout(30, 0);
      Figures& figures = per_thread[static_cast<std::size_t>(thread)];
      std::int64_t sequence = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        bool counted = measuring.load(std::memory_order_relaxed);
        if (counted && options.requests > 0 &&
            started_requests.fetch_add(1) >= options.requests * options.connections) {
          break;
        }
        auto start = Clock::now();
        bool ok = scenario.send(client, thread, sequence++);
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (!counted || !measuring.load(std::memory_order_relaxed)) continue;
        ++figures.requests;
        if (ok) {
          figures.latencies_ms.push_back(ms);
        } else {
          ++figures.failures;
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(options.warmup_seconds));
  auto measure_start = Clock::now();
  measuring.store(true);
  if (options.requests > 0) {
    for (std::thread& thread : threads) thread.join();
  } else {
    std::this_thread::sleep_for(std::chrono::duration<double>(options.duration_seconds));
    measuring.store(false);
  }
  double seconds = std::chrono::duration<double>(Clock::now() - measure_start).count();
  stop.store(true);
  for (std::thread& thread : threads) {
    if (thread.joinable()) thread.join();
  }
  Figures total;
  total.seconds = seconds;
  for (Figures& figures : per_thread) {
    total.requests += figures.requests;
    total.failures += figures.failures;
    total.latencies_ms.insert(total.latencies_ms.end(), figures.latencies_ms.begin(),
                              figures.latencies_ms.end());
  }
  std::sort(total.latencies_ms.begin(), total.latencies_ms.end());
  return total;
}

bool WaitUntilHealthy(const Options& options) {
  auto deadline = Clock::now() + std::chrono::duration<double>(options.wait_seconds);
  while (Clock::now() < deadline) {
    httplib::Client client(options.host, options.port);
    client.set_connection_timeout(1, 0);
    httplib::Result result = client.Get("/healthz");
    if (result && result->status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

void Print(const Scenario& scenario, const Figures& figures, int connections) {
  std::printf(
      "%-7s %-52s conns=%-4d requests=%-8lld failures=%-5lld req/s=%9.0f  p50=%7.2f ms  "
      "p90=%7.2f ms  p99=%7.2f ms  max=%8.2f ms\n",
      scenario.name.c_str(), scenario.description.c_str(), connections,
      static_cast<long long>(figures.requests), static_cast<long long>(figures.failures),
      static_cast<double>(figures.requests) / figures.seconds,
      Percentile(figures.latencies_ms, 0.50), Percentile(figures.latencies_ms, 0.90),
      Percentile(figures.latencies_ms, 0.99),
      figures.latencies_ms.empty() ? 0.0 : figures.latencies_ms.back());
  std::fflush(stdout);
}

int Main(int argc, char** argv) {
  Options options;
  CLI::App app("Loopback load client for the vigil JSON API", "vigil_api_bench");
  app.add_option("--host", options.host, "Server host")->capture_default_str();
  app.add_option("--port", options.port, "Server port")->capture_default_str();
  app.add_option("--db", options.db, "Serve this database in-process (port 0) instead");
  app.add_option("--config", options.config, "Configuration folder (with --db)")
      ->capture_default_str();
  app.add_option("--server-threads", options.server_threads, "Worker threads (with --db)")
      ->capture_default_str();
  app.add_option("--connections", options.connections, "Concurrent keep-alive connections")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  app.add_option("--duration", options.duration_seconds, "Seconds measured per scenario")
      ->capture_default_str();
  app.add_option("--warmup", options.warmup_seconds, "Seconds of unmeasured warm-up")
      ->capture_default_str();
  app.add_option("--requests", options.requests,
                 "Requests per connection per scenario instead of --duration");
  app.add_option("--scenarios", options.scenarios, "Comma-separated: health, create, search")
      ->capture_default_str();
  app.add_option("--wait", options.wait_seconds, "Seconds to wait for /healthz")
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }

  // Optionally serve in-process.
  std::unique_ptr<storage::sqlite::SqliteStore> store;
  std::optional<app::AppConfig> config;
  core::SystemClock clock;
  std::unique_ptr<services::Services> services;
  std::unique_ptr<web::Server> server;
  std::thread serving;
  if (!options.db.empty()) {
    core::ConfigureLogging(core::LogLevel::kWarning);
    auto loaded = app::LoadConfig(options.config);
    auto opened = app::OpenStore(options.db);
    if (!loaded.ok() || !opened.ok()) {
      std::cerr << (loaded.ok() ? opened.status() : loaded.status()) << "\n";
      return 1;
    }
    config = std::move(loaded).value();
    store = std::move(opened).value();
    services = std::make_unique<services::Services>(*store, config->lookups, clock);
    web::ServerOptions server_options;
    server_options.host = "127.0.0.1";
    server_options.port = 0;
    server_options.threads = static_cast<std::size_t>(options.server_threads);
    server_options.actor = app::DemoActor();
    server_options.version = std::string(app::VersionString());
    server = std::make_unique<web::Server>(*services, server_options);
    core::Status bound = server->Bind();
    if (!bound.ok()) {
      std::cerr << bound << "\n";
      return 1;
    }
    options.host = "127.0.0.1";
    options.port = server->port();
    serving = std::thread([&server] { (void)server->Run(); });
  }
  int exit_code = 0;
  if (!WaitUntilHealthy(options)) {
    std::cerr << "no healthy server at " << options.host << ":" << options.port << "\n";
    exit_code = 1;
  } else {
    std::string run_id = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count());
    for (const Scenario& scenario : MakeScenarios(run_id)) {
      if (options.scenarios.find(scenario.name) == std::string::npos) continue;
      Figures figures = Run(options, scenario);
      Print(scenario, figures, options.connections);
      if (figures.failures > 0) exit_code = 1;
    }
  }
  if (server) {
    server->Stop();
    serving.join();
  }
  return exit_code;
}

}  // namespace
}  // namespace vigil::bench

int main(int argc, char** argv) { return vigil::bench::Main(argc, argv); }
