// End-to-end: the built `vigil` binary, run as a subprocess. Serves over
// loopback, stops on SIGTERM and SIGINT with exit code 0, keeps its data
// across a restart, and its import and export work between processes with
// the documented exit codes.

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "cli/subprocess.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::cli_test {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

const std::string kVigil = VIGIL_BINARY;

// A `vigil serve` child on a free port of 127.0.0.1.
class ServingVigil {
 public:
  ServingVigil(const std::string& db, const std::string& folder, const std::string& name)
      : port_(FreePort()),
        out_path_(folder + "/" + name + ".out"),
        process_({kVigil, "serve", "--db", db, "--listen", "127.0.0.1:" + std::to_string(port_),
                  "--config", vigil::testing::SourcePath("config"), "--threads", "8"},
                 out_path_, folder + "/" + name + ".err") {}

  // Polls /healthz until it answers 200 (at most `limit`); false if it never
  // does or the process ends first.
  bool WaitUntilHealthy(std::chrono::milliseconds limit = 30s) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      httplib::Client client("127.0.0.1", port_);
      client.set_connection_timeout(1, 0);
      httplib::Result result = client.Get("/healthz");
      if (result && result->status == 200) return true;
      if (process_.WaitFor(0ms)) return false;  // It exited.
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    return client;
  }

  std::string Output() const { return ReadFile(out_path_); }
  Subprocess& process() { return process_; }

 private:
  int port_;
  std::string out_path_;
  Subprocess process_;
};

class CliEndToEndTest : public ::testing::Test {
 protected:
  Completed Vigil(std::vector<std::string> arguments, const std::string& input = "") {
    arguments.insert(arguments.begin(), kVigil);
    arguments.push_back("--config");
    arguments.push_back(vigil::testing::SourcePath("config"));
    return RunToCompletion(arguments, folder_.path(), input);
  }

  std::string Db(const std::string& name = "vigil.db") const { return folder_.File(name); }

  vigil::testing::TempDir folder_;
};

TEST_F(CliEndToEndTest, PrintsItsVersion) {
  Completed run = RunToCompletion({kVigil, "--version"}, folder_.path());
  EXPECT_TRUE(run.status.exited);
  EXPECT_EQ(run.status.code, 0);
  EXPECT_THAT(run.out, HasSubstr("0."));
}

TEST_F(CliEndToEndTest, ServesStopsOnSigtermAndKeepsDataAcrossARestart) {
  Completed demo = Vigil({"demo-data", "--db", Db(), "--reports", "20", "--seed", "5"});
  ASSERT_EQ(demo.status.code, 0) << demo.err;

  std::string report_path;
  {
    ServingVigil server(Db(), folder_.path(), "first");
    ASSERT_TRUE(server.WaitUntilHealthy()) << server.Output();
    EXPECT_THAT(server.Output(),
                HasSubstr("Signed in automatically as the demo user DC Sam Patel (investigator, "
                          "stalking_lead, West Midlands Police)"));
    httplib::Client client = server.Client();
    httplib::Result health = client.Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(nlohmann::json::parse(health->body)["status"], "ok");

    nlohmann::json report = {{"force", "west_midlands"},
                             {"force_reference", "WM-E2E-00001"},
                             {"received_at", "2025-01-10T09:30:00Z"},
                             {"reporting_officer", "PC 1234 Hughes"},
                             {"principal_classification", "harassment"},
                             {"included_classifications", {"stalking"}},
                             {"narrative", "Written before the restart."}};
    httplib::Result created = client.Post("/api/v1/reports", report.dump(), "application/json");
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 201) << created->body;
    report_path = "/api/v1/reports/" + nlohmann::json::parse(created->body)["id"].dump();

    server.process().Signal(SIGTERM);
    std::optional<ExitStatus> stopped = server.process().WaitFor(30s);
    ASSERT_TRUE(stopped) << "vigil serve did not stop on SIGTERM";
    EXPECT_TRUE(stopped->exited) << "killed by signal " << stopped->signal;
    EXPECT_EQ(stopped->code, 0);
    EXPECT_THAT(server.Output(), HasSubstr("Stopped."));
  }

  ServingVigil restarted(Db(), folder_.path(), "second");
  ASSERT_TRUE(restarted.WaitUntilHealthy()) << restarted.Output();
  httplib::Client client = restarted.Client();
  httplib::Result fetched = client.Get(report_path);
  ASSERT_TRUE(fetched);
  ASSERT_EQ(fetched->status, 200) << fetched->body;
  nlohmann::json body = nlohmann::json::parse(fetched->body);
  EXPECT_EQ(body["force_reference"], "WM-E2E-00001");
  EXPECT_EQ(body["narrative"], "Written before the restart.");
  httplib::Result search = client.Get("/api/v1/reports?force_reference=WM-E2E-00001");
  ASSERT_TRUE(search);
  EXPECT_EQ(nlohmann::json::parse(search->body)["total"], 1);

  restarted.process().Signal(SIGINT);
  std::optional<ExitStatus> stopped = restarted.process().WaitFor(30s);
  ASSERT_TRUE(stopped) << "vigil serve did not stop on SIGINT";
  EXPECT_TRUE(stopped->exited);
  EXPECT_EQ(stopped->code, 0);
}

TEST_F(CliEndToEndTest, AnAddressInUseIsAFailure) {
  int holder = socket(AF_INET, SOCK_STREAM, 0);
  int port = FreePort();
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ASSERT_EQ(bind(holder, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(listen(holder, 1), 0);
  Completed run = Vigil({"serve", "--db", Db(), "--listen", "127.0.0.1:" + std::to_string(port)});
  close(holder);
  EXPECT_TRUE(run.status.exited);
  EXPECT_EQ(run.status.code, 1);
  EXPECT_THAT(run.err, HasSubstr("cannot listen on 127.0.0.1:" + std::to_string(port)));
}

TEST_F(CliEndToEndTest, ExportPipesIntoImportBetweenProcesses) {
  ASSERT_EQ(Vigil({"demo-data", "--db", Db(), "--reports", "40"}).status.code, 0);
  Completed exported = Vigil({"export", "--db", Db()});
  ASSERT_EQ(exported.status.code, 0) << exported.err;
  Completed imported =
      Vigil({"import", "--db", Db("copy.db"), "--format", "jsonl", "-"}, exported.out);
  ASSERT_EQ(imported.status.code, 0) << imported.err;
  EXPECT_THAT(imported.out, HasSubstr("40 reports"));
  Completed again = Vigil({"export", "--db", Db("copy.db")});
  ASSERT_EQ(again.status.code, 0) << again.err;
  EXPECT_EQ(std::count(again.out.begin(), again.out.end(), '\n'),
            std::count(exported.out.begin(), exported.out.end(), '\n'));
}

TEST_F(CliEndToEndTest, ABadImportExitsTwoListingEveryProblemAndWritesNothing) {
  std::string persons = folder_.File("persons.csv");
  WriteFile(persons,
            "ref,given_name,family_name,date_of_birth,force\n"
            "P1,Jo,Bloggs,1990-04-01,west_midlands\n"
            "P2,Sam,Hughes,31/12/1989,west_midlands\n"
            "P3,Ann,\"Ray\n");
  Completed run = Vigil({"import", "--db", Db(), persons});
  EXPECT_EQ(run.status.code, 2);
  EXPECT_THAT(run.err,
              HasSubstr(persons + ":3: date_of_birth: '31/12/1989' is not a date in the form "
                                  "YYYY-MM-DD\n"));
  EXPECT_THAT(run.err, HasSubstr(persons + ":4: record: has a quoted field that is never closed"));
  Completed exported = Vigil({"export", "--db", Db()});
  EXPECT_EQ(exported.status.code, 0) << exported.err;
  EXPECT_EQ(exported.out, "");
}

}  // namespace
}  // namespace vigil::cli_test
