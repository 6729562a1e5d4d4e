// End-to-end: `vigil synth` writes files that `vigil import` takes as they
// are, and refuses bad options with exit code 2, through the built binary.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli/subprocess.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::cli_test {
namespace {

using ::testing::HasSubstr;

const std::string kVigil = VIGIL_BINARY;

class SynthCliTest : public ::testing::Test {
 protected:
  Completed Vigil(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), kVigil);
    return RunToCompletion(arguments, folder_.path());
  }

  vigil::testing::TempDir folder_;
  std::string config_ = vigil::testing::SourcePath("config");
};

TEST_F(SynthCliTest, WritesFilesThatImportAsTheyAre) {
  std::string out = folder_.File("synth");
  Completed synth = Vigil({"synth", "--reports", "120", "--seed", "3", "--out", out});
  ASSERT_TRUE(synth.status.exited && synth.status.code == 0) << synth.err;
  EXPECT_THAT(synth.out, HasSubstr("120 reports"));
  for (const char* name :
       {"persons.csv", "reports.csv", "truth_persons.csv", "truth_courses.csv"}) {
    EXPECT_TRUE(std::filesystem::exists(out + "/" + name)) << name;
  }
  Completed imported = Vigil({"import", "--db", folder_.File("x.db"), "--config", config_,
                              out + "/persons.csv", out + "/reports.csv"});
  EXPECT_TRUE(imported.status.exited && imported.status.code == 0) << imported.err;

  std::string jsonl = folder_.File("jsonl");
  Completed lines = Vigil({"synth", "--reports", "40", "--format", "jsonl", "--out", jsonl});
  ASSERT_TRUE(lines.status.exited && lines.status.code == 0) << lines.err;
  Completed imported_lines = Vigil({"import", "--db", folder_.File("y.db"), "--config", config_,
                                    jsonl + "/persons.jsonl", jsonl + "/reports.jsonl"});
  EXPECT_TRUE(imported_lines.status.exited && imported_lines.status.code == 0)
      << imported_lines.err;
}

TEST_F(SynthCliTest, BadOptionsExitTwoWithAClearMessage) {
  Completed none = Vigil({"synth", "--reports", "0", "--out", folder_.File("a")});
  EXPECT_TRUE(none.status.exited && none.status.code == 2);
  EXPECT_THAT(none.err, HasSubstr("--reports must be at least 1"));
  EXPECT_FALSE(std::filesystem::exists(folder_.File("a")));

  Completed format = Vigil({"synth", "--reports", "5", "--format", "xml"});
  EXPECT_TRUE(format.status.exited && format.status.code == 2);
  EXPECT_THAT(format.err, HasSubstr("--format must be csv or jsonl"));

  Completed missing = Vigil({"synth"});
  EXPECT_TRUE(missing.status.exited && missing.status.code == 2);
  EXPECT_THAT(missing.err, HasSubstr("--reports"));
}

}  // namespace
}  // namespace vigil::cli_test
