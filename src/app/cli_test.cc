// The `vigil` command line, run in-process with string streams.

#include "app/cli.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "app/app_test_fixture.h"
#include "app/serve_command.h"
#include "app/version.h"

namespace vigil::app {
namespace {

using test_support::ReadFile;
using test_support::WriteFile;
using ::testing::HasSubstr;
using ::testing::StartsWith;

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

CommandRun RunVigil(std::vector<std::string> arguments, const std::string& input = "") {
  arguments.insert(arguments.begin(), "vigil");
  std::vector<const char*> argv;
  for (const std::string& argument : arguments) argv.push_back(argument.c_str());
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  CommandIo io{in, out, err};
  CommandRun run;
  run.exit_code = RunCli(static_cast<int>(argv.size()), argv.data(), io);
  run.out = out.str();
  run.err = err.str();
  return run;
}

class CliTest : public ::testing::Test {
 protected:
  std::string Db(const std::string& name = "vigil.db") { return folder_.File(name); }
  const std::string config_ = vigil::testing::SourcePath("config");
  vigil::testing::TempDir folder_;
};

TEST_F(CliTest, PrintsTheVersion) {
  CommandRun run = RunVigil({"--version"});
  EXPECT_EQ(run.exit_code, kExitOk);
  EXPECT_THAT(run.out, HasSubstr(std::string(VersionString())));
}

TEST_F(CliTest, BadArgumentsAreBadInput) {
  EXPECT_EQ(RunVigil({}).exit_code, kExitBadInput);
  EXPECT_EQ(RunVigil({"frobnicate"}).exit_code, kExitBadInput);
  EXPECT_EQ(RunVigil({"import"}).exit_code, kExitBadInput);  // No files.
  EXPECT_EQ(RunVigil({"import", "--format", "xml", "a.xml"}).exit_code, kExitBadInput);
  EXPECT_EQ(RunVigil({"demo-data", "--reports", "0"}).exit_code, kExitBadInput);
  CommandRun run = RunVigil({"serve", "--listen", "localhost"});
  EXPECT_EQ(run.exit_code, kExitBadInput);
  EXPECT_THAT(run.err, HasSubstr("--listen: 'localhost' must be HOST:PORT"));
}

TEST_F(CliTest, MigrateCreatesTheDatabaseOnceOnly) {
  std::string db = folder_.File("new/folder/vigil.db");
  CommandRun first = RunVigil({"migrate", "--db", db});
  EXPECT_EQ(first.exit_code, kExitOk) << first.err;
  EXPECT_THAT(first.out, HasSubstr("Applied 0001_"));
  CommandRun second = RunVigil({"migrate", "--db", db});
  EXPECT_EQ(second.exit_code, kExitOk) << second.err;
  EXPECT_THAT(second.out, HasSubstr("up to date"));
}

TEST_F(CliTest, MissingConfigurationIsBadInputNamingTheFile) {
  CommandRun run = RunVigil({"demo-data", "--db", Db(), "--config", folder_.File("nowhere")});
  EXPECT_EQ(run.exit_code, kExitBadInput);
  EXPECT_THAT(run.err, HasSubstr("nowhere/lookups/lookups.yaml:0: cannot be read"));
}

TEST_F(CliTest, DemoDataRefusesAFilledDatabaseUnlessAppending) {
  CommandRun first = RunVigil({"demo-data", "--db", Db(), "--config", config_, "--reports", "30"});
  ASSERT_EQ(first.exit_code, kExitOk) << first.err;
  EXPECT_THAT(first.out, HasSubstr("30 reports"));
  CommandRun refused =
      RunVigil({"demo-data", "--db", Db(), "--config", config_, "--reports", "30"});
  EXPECT_EQ(refused.exit_code, kExitBadInput);
  EXPECT_THAT(refused.err, HasSubstr("already has 30 reports; use --append"));
  CommandRun appended =
      RunVigil({"demo-data", "--db", Db(), "--config", config_, "--reports", "30", "--append"});
  EXPECT_EQ(appended.exit_code, kExitOk) << appended.err;
  test_support::StoreWithServices stored(Db());
  EXPECT_EQ(stored.CountReports(), 60);
}

TEST_F(CliTest, ImportListsEveryProblemAndWritesNothing) {
  std::string persons = folder_.File("persons.csv");
  WriteFile(persons,
            "ref,given_name,family_name,force\n"
            "P1,Jo,Bloggs,west_midlands\n"
            "P2,Sam\n"
            "P3,Ann,Ray,gondor\n");
  CommandRun run = RunVigil({"import", "--db", Db(), "--config", config_, persons});
  EXPECT_EQ(run.exit_code, kExitBadInput);
  EXPECT_THAT(run.err, HasSubstr(persons + ":3: record: has 2 fields but the header has 4\n"));
  EXPECT_THAT(run.err, HasSubstr(persons + ":4: force: is not a known force\n"));
  EXPECT_THAT(run.err, HasSubstr("2 problems found; nothing was imported"));
  test_support::StoreWithServices stored(Db());
  EXPECT_EQ(stored.CountPersons(), 0);
}

TEST_F(CliTest, UnreadableFileIsBadInput) {
  CommandRun run =
      RunVigil({"import", "--db", Db(), "--config", config_, folder_.File("none.csv")});
  EXPECT_EQ(run.exit_code, kExitBadInput);
  EXPECT_THAT(run.err, HasSubstr("none.csv: file: cannot be read"));
}

TEST_F(CliTest, ExportPipesIntoImport) {
  ASSERT_EQ(RunVigil({"demo-data", "--db", Db(), "--config", config_, "--reports", "25"}).exit_code,
            kExitOk);
  CommandRun exported = RunVigil({"export", "--db", Db(), "--config", config_});
  ASSERT_EQ(exported.exit_code, kExitOk) << exported.err;
  EXPECT_THAT(exported.out, StartsWith(R"({"type":"person",)"));
  EXPECT_THAT(exported.err, HasSubstr("and 25 reports"));

  CommandRun imported =
      RunVigil({"import", "--db", Db("copy.db"), "--config", config_, "--format", "jsonl", "-"},
               exported.out);
  ASSERT_EQ(imported.exit_code, kExitOk) << imported.err;
  EXPECT_THAT(imported.out, HasSubstr("25 reports"));

  std::string file = folder_.File("copy.jsonl");
  CommandRun to_file =
      RunVigil({"export", "--db", Db("copy.db"), "--config", config_, "--out", file});
  ASSERT_EQ(to_file.exit_code, kExitOk) << to_file.err;
  EXPECT_EQ(to_file.out, "");
  std::string written = ReadFile(file);
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'),
            std::count(exported.out.begin(), exported.out.end(), '\n'));
}

TEST_F(CliTest, ExportOfAMissingDatabaseFails) {
  CommandRun run = RunVigil({"export", "--db", Db("absent.db"), "--config", config_});
  EXPECT_EQ(run.exit_code, kExitFailure);
  EXPECT_THAT(run.err, HasSubstr("does not exist"));
}

TEST(ListenAddressTest, ParsesHostAndPort) {
  auto address = ParseListenAddress("127.0.0.1:8080");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->host, "127.0.0.1");
  EXPECT_EQ(address->port, 8080);
  auto ipv6 = ParseListenAddress("[::1]:0");
  ASSERT_TRUE(ipv6.ok());
  EXPECT_EQ(ipv6->host, "::1");
  EXPECT_EQ(ipv6->port, 0);
  for (const char* bad : {"8080", ":8080", "host:", "host:65536", "host:80a", "host:-1"}) {
    EXPECT_FALSE(ParseListenAddress(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace vigil::app
