#include "app/link_command.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/cli.h"
#include "app/link_input.h"
#include "testing/temp_dir.h"

namespace vigil::app {
namespace {

struct Outcome {
  int code = 0;
  std::string out;
  std::string err;
};

Outcome RunVigil(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), "vigil");
  std::vector<const char*> argv;
  for (const std::string& argument : arguments) argv.push_back(argument.c_str());
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  CommandIo io{in, out, err};
  int code = RunCli(static_cast<int>(argv.size()), argv.data(), io);
  return {code, out.str(), err.str()};
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

const char* kGiven[] = {"william", "margaret", "robert", "elizabeth", "james", "mary",   "thomas",
                        "sarah",   "david",    "emma",   "peter",     "alice", "george", "helen",
                        "samuel",  "laura",    "edward", "grace",     "henry", "jane"};
const char* kSurnames[] = {"smith",  "jones",   "taylor",  "brown",  "wilson",   "evans",
                           "thomas", "roberts", "walker",  "wright", "robinson", "thompson",
                           "white",  "hughes",  "edwards", "green",  "hall",     "wood",
                           "harris", "clarke",  "lewis",   "martin", "jackson",  "clark",
                           "turner", "hill",    "scott",   "cooper", "morris",   "ward"};

// 80 invented people, each twice; the second copy has small mistakes.
// Returns the CSV text; person of each id in `truth`.
std::string People(std::map<std::string, int>& truth, int first_person = 0, int copies = 2,
                   int copy_offset = 0) {
  std::string csv = "id, first name, surname, born, phone\n";
  for (int person = first_person; person < first_person + 80; ++person) {
    std::string given = kGiven[person % 20];
    std::string surname = kSurnames[(person * 7) % 30];
    int year = 1940 + person % 50;
    int month = 1 + person % 12;
    int day = 1 + (person * 3) % 28;
    std::string phone = "07700 9" + std::to_string(10000 + person);
    for (int copy = copy_offset; copy < copy_offset + copies; ++copy) {
      std::string id = "p" + std::to_string(person) + "-" + std::to_string(copy);
      truth[id] = person;
      std::string name = given;
      std::string last = surname;
      char date[16];
      if (copy % 2 == 0) {
        std::snprintf(date, sizeof(date), "%04d-%02d-%02d", year, month, day);
      } else {
        std::snprintf(date, sizeof(date), "%02d/%02d/%04d", day, month, year);
        if (person % 3 == 0) last = last.substr(0, last.size() - 1);  // A typo.
        if (person % 4 == 0) name[0] = static_cast<char>(name[0] - 32);
      }
      csv += id + ", " + name + ", " + last + ", " + date + ", " +
             (copy % 2 == 1 && person % 5 == 0 ? "" : phone) + "\n";
    }
  }
  return csv;
}

const char* kSettings =
    "columns:\n"
    "  id: record_id\n"
    "  first name: given_name\n"
    "  surname: surname\n"
    "  born: dob\n"
    "  phone: phone\n";

double PairF1(const std::map<std::string, std::string>& cluster_of,
              const std::map<std::string, int>& truth) {
  std::map<std::string, std::vector<std::string>> clusters;
  for (const auto& [id, cluster] : cluster_of) clusters[cluster].push_back(id);
  double true_positives = 0;
  double predicted = 0;
  for (const auto& [cluster, ids] : clusters) {
    for (std::size_t left = 0; left < ids.size(); ++left) {
      for (std::size_t right = left + 1; right < ids.size(); ++right) {
        ++predicted;
        if (truth.at(ids[left]) == truth.at(ids[right])) ++true_positives;
      }
    }
  }
  std::map<int, int> sizes;
  for (const auto& [id, person] : truth) {
    if (cluster_of.contains(id)) ++sizes[person];
  }
  double actual = 0;
  for (const auto& [person, size] : sizes) actual += size * (size - 1) / 2.0;
  double precision = predicted == 0 ? 1 : true_positives / predicted;
  double recall = actual == 0 ? 1 : true_positives / actual;
  return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}

class LinkCommandTest : public ::testing::Test {
 protected:
  LinkCommandTest() {
    WriteFile(Path("settings.yaml"), kSettings);
    WriteFile(Path("people.csv"), People(truth_));
  }
  std::string Path(const std::string& name) const { return directory_.File(name); }

  testing::TempDir directory_;
  std::map<std::string, int> truth_;
};

TEST_F(LinkCommandTest, DeduplicatesOneFile) {
  Outcome outcome = RunVigil({"link", "--settings", Path("settings.yaml"), "--out-clusters",
                              Path("clusters.csv"), "--threads", "2", Path("people.csv")});
  ASSERT_EQ(outcome.code, kExitOk) << outcome.err;
  EXPECT_NE(outcome.err.find("160 records"), std::string::npos) << outcome.err;
  std::istringstream clusters(ReadFile(Path("clusters.csv")));
  std::string line;
  std::getline(clusters, line);
  EXPECT_EQ(line, "record_id,cluster_id");
  std::map<std::string, std::string> cluster_of;
  while (std::getline(clusters, line)) {
    std::size_t comma = line.find(',');
    cluster_of[line.substr(0, comma)] = line.substr(comma + 1);
  }
  ASSERT_EQ(cluster_of.size(), 160u);
  EXPECT_GT(PairF1(cluster_of, truth_), 0.9);
  EXPECT_FALSE(std::filesystem::exists(Path("pairs.csv")));
}

TEST_F(LinkCommandTest, LinksTwoFilesAndExplainsPairs) {
  std::map<std::string, int> truth;
  WriteFile(Path("a.csv"), People(truth, 0, 1, 0));
  WriteFile(Path("b.csv"), People(truth, 0, 1, 1));
  Outcome outcome = RunVigil({"link", "--settings", Path("settings.yaml"), "--out-clusters",
                              Path("clusters.csv"), "--out-pairs", Path("pairs.csv"),
                              "--save-model", Path("model.json"), Path("a.csv"), Path("b.csv")});
  ASSERT_EQ(outcome.code, kExitOk) << outcome.err;
  std::string clusters = ReadFile(Path("clusters.csv"));
  EXPECT_EQ(clusters.rfind("source,record_id,cluster_id\n1,p0-0,", 0), 0u)
      << clusters.substr(0, 80);
  EXPECT_NE(clusters.find("\n2,p0-1,"), std::string::npos);
  std::string pairs = ReadFile(Path("pairs.csv"));
  EXPECT_EQ(pairs.rfind("source_l,record_id_l,source_r,record_id_r,match_weight,match_probability,"
                        "blocking_rule,given_name_level,given_name_weight,surname_level",
                        0),
            0u)
      << pairs.substr(0, 200);
  EXPECT_NE(pairs.find("\n1,p7-0,2,p7-1,"), std::string::npos);
  EXPECT_NE(ReadFile(Path("model.json")).find("\"trained\": true"), std::string::npos);

  // The saved model gives the same clusters without training again.
  Outcome again =
      RunVigil({"link", "--settings", Path("settings.yaml"), "--model", Path("model.json"),
                "--out-clusters", Path("again.csv"), Path("a.csv"), Path("b.csv")});
  ASSERT_EQ(again.code, kExitOk) << again.err;
  EXPECT_EQ(ReadFile(Path("again.csv")), clusters);
  EXPECT_EQ(again.err.find("train "), std::string::npos) << again.err;
}

TEST_F(LinkCommandTest, CountsPairsPerBlockingRule) {
  Outcome outcome =
      RunVigil({"link", "--settings", Path("settings.yaml"), "--count-only", Path("people.csv")});
  ASSERT_EQ(outcome.code, kExitOk) << outcome.err;
  EXPECT_EQ(outcome.out.rfind(
                "blocking rule,pairs,new pairs,cumulative pairs,largest block,skipped blocks\n"
                "given_name & surname,",
                0),
            0u)
      << outcome.out;
  EXPECT_FALSE(std::filesystem::exists(Path("clusters.csv")));
}

TEST_F(LinkCommandTest, BadInputExitsTwoNamingFileAndLine) {
  WriteFile(Path("ragged.csv"),
            "id,first name,surname,born,phone\na,b,c,d,e\nx,y\n\"open,1,2,3,4\n");
  Outcome ragged = RunVigil({"link", "--settings", Path("settings.yaml"), "--out-clusters",
                             Path("c.csv"), Path("ragged.csv")});
  EXPECT_EQ(ragged.code, kExitBadInput);
  EXPECT_NE(ragged.err.find(Path("ragged.csv") + ":3: has 2 fields but the header has 5"),
            std::string::npos)
      << ragged.err;
  EXPECT_NE(ragged.err.find(Path("ragged.csv") + ":4: has a quoted field that is never closed"),
            std::string::npos)
      << ragged.err;
  EXPECT_FALSE(std::filesystem::exists(Path("c.csv")));

  WriteFile(Path("empty.csv"), "");
  Outcome empty = RunVigil({"link", "--settings", Path("settings.yaml"), "--out-clusters",
                            Path("c.csv"), Path("empty.csv")});
  EXPECT_EQ(empty.code, kExitBadInput);
  EXPECT_NE(empty.err.find(Path("empty.csv") + ":1: the file is empty"), std::string::npos);

  WriteFile(Path("columns.csv"), "id,surname\n1,smith\n");
  Outcome columns = RunVigil({"link", "--settings", Path("settings.yaml"), "--out-clusters",
                              Path("c.csv"), Path("columns.csv")});
  EXPECT_EQ(columns.code, kExitBadInput);
  EXPECT_NE(columns.err.find(":1: the header has no column \"first name\""), std::string::npos)
      << columns.err;

  WriteFile(Path("utf8.csv"),
            "id,first name,surname,born,phone\n1,b\xff,c,d,e\n1,b,c,d,e\n1,x,y,z,w\n");
  Outcome utf8 = RunVigil({"link", "--settings", Path("settings.yaml"), "--out-clusters",
                           Path("c.csv"), Path("utf8.csv")});
  EXPECT_EQ(utf8.code, kExitBadInput);
  EXPECT_NE(utf8.err.find(":2: is not valid UTF-8"), std::string::npos) << utf8.err;
  EXPECT_NE(utf8.err.find(":4: record_id: \"1\" is repeated (first on line 3)"), std::string::npos)
      << utf8.err;

  Outcome missing = RunVigil({"link", "--settings", Path("settings.yaml"), "--out-clusters",
                              Path("c.csv"), Path("nowhere.csv")});
  EXPECT_EQ(missing.code, kExitBadInput);
  EXPECT_NE(missing.err.find("nowhere.csv:0: cannot be read"), std::string::npos) << missing.err;
}

TEST_F(LinkCommandTest, BadSettingsAndArgumentsExitTwo) {
  WriteFile(Path("bad.yaml"), "columns:\n  id: record_id\n  x: colour\n");
  Outcome settings = RunVigil({"link", "--settings", Path("bad.yaml"), "--out-clusters",
                               Path("c.csv"), Path("people.csv")});
  EXPECT_EQ(settings.code, kExitBadInput);
  EXPECT_NE(settings.err.find(Path("bad.yaml") + ":3: columns.x:"), std::string::npos)
      << settings.err;
  Outcome no_output = RunVigil({"link", "--settings", Path("settings.yaml"), Path("people.csv")});
  EXPECT_EQ(no_output.code, kExitBadInput);
  Outcome three =
      RunVigil({"link", "--settings", Path("settings.yaml"), "--out-clusters", Path("c.csv"),
                Path("people.csv"), Path("people.csv"), Path("people.csv")});
  EXPECT_EQ(three.code, kExitBadInput);
  WriteFile(Path("model.json"), "{not json");
  Outcome model =
      RunVigil({"link", "--settings", Path("settings.yaml"), "--model", Path("model.json"),
                "--out-clusters", Path("c.csv"), Path("people.csv")});
  EXPECT_EQ(model.code, kExitBadInput);
  EXPECT_NE(model.err.find("model.json: the linkage model is not valid JSON"), std::string::npos)
      << model.err;
}

TEST_F(LinkCommandTest, UnwritableOutputExitsOne) {
  Outcome outcome = RunVigil({"link", "--settings", Path("settings.yaml"), "--out-clusters",
                              Path("no/such/folder/c.csv"), Path("people.csv")});
  EXPECT_EQ(outcome.code, kExitFailure);
  EXPECT_NE(outcome.err.find("cannot be written"), std::string::npos) << outcome.err;
}

TEST(DateFromPartsTest, BuildsWhatThePartsAllow) {
  EXPECT_EQ(DateFromParts("1967", "9", "27"), "1967-09-27");
  EXPECT_EQ(DateFromParts("1967", "NA", "27"), "1967");
  EXPECT_EQ(DateFromParts("1967", "12", ""), "1967-12");
  EXPECT_EQ(DateFromParts("NA", "9", "27"), "");
  EXPECT_EQ(DateFromParts("1967", "13", "1"), "1967");
}

}  // namespace
}  // namespace vigil::app
