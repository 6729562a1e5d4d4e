// The whole-run linkage benchmark's helper (bench/run_linkage_bench.sh):
//   vigil_linkage_synth generate N OUT.csv [SEED]   invented people to link
//   vigil_linkage_synth evaluate CLUSTERS.csv PEOPLE.csv
// `generate` writes N seeded synthetic records (columns id, given_name,
// surname, dob, sex, postcode, address, phone, email, person; `person` is the
// truth and is not given to `vigil link`). `evaluate` compares the clusters
// `vigil link` wrote with that truth: pairwise precision, recall and F1.

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "linkage/evaluation.h"
#include "linkage/testing/synthetic_people.h"

namespace {

using vigil::linkage::testing::SyntheticRecord;

std::string Quoted(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char character : value) {
    if (character == '"') quoted.push_back('"');
    quoted.push_back(character);
  }
  return quoted + "\"";
}

int Generate(std::uint64_t count, const std::string& path, std::uint64_t seed) {
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    std::cerr << path << ": cannot be written\n";
    return 1;
  }
  std::string line;
  for (const std::string& column : vigil::linkage::testing::SyntheticColumns()) {
    line += (line.empty() ? "" : ",") + column;
  }
  out << line << '\n';
  vigil::linkage::Random random(seed);
  vigil::linkage::testing::GenerateSyntheticPeople(
      count, {}, random, [&](const SyntheticRecord& record) {
        line.clear();
        for (const std::string& value : vigil::linkage::testing::SyntheticValues(record)) {
          if (!line.empty()) line.push_back(',');
          line += Quoted(value);
        }
        line.push_back('\n');
        out << line;
      });
  return out ? 0 : 1;
}

// The first and last fields of each line after the header (neither is ever quoted).
std::vector<std::pair<std::string, std::string>> FirstAndLast(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::pair<std::string, std::string>> rows;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    rows.emplace_back(line.substr(0, line.find(',')), line.substr(line.rfind(',') + 1));
  }
  return rows;
}

int Evaluate(const std::string& clusters_path, const std::string& people_path) {
  std::unordered_map<std::string, std::uint64_t> person_of;
  for (const auto& [id, person] : FirstAndLast(people_path)) {
    person_of[id] = std::strtoull(person.c_str(), nullptr, 10);
  }
  std::vector<std::uint32_t> clusters;
  std::vector<std::uint64_t> people;
  for (const auto& [id, cluster] : FirstAndLast(clusters_path)) {
    auto found = person_of.find(id);
    if (found == person_of.end()) {
      std::cerr << clusters_path << ": unknown record " << id << "\n";
      return 1;
    }
    clusters.push_back(static_cast<std::uint32_t>(std::strtoul(cluster.c_str(), nullptr, 10)));
    people.push_back(found->second);
  }
  std::vector<std::uint8_t> sources(clusters.size(), 0);
  vigil::linkage::PairwiseMetrics metrics = vigil::linkage::EvaluateClusters(
      clusters, people, sources, vigil::linkage::LinkType::kDeduplicate);
  std::printf("records %zu precision %.4f recall %.4f f1 %.4f true_pairs %llu\n", clusters.size(),
              metrics.precision, metrics.recall, metrics.f1,
              static_cast<unsigned long long>(metrics.true_positives + metrics.false_negatives));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  if (arguments.size() >= 3 && arguments[0] == "generate") {
    std::uint64_t seed =
        arguments.size() > 3 ? std::strtoull(arguments[3].c_str(), nullptr, 10) : 1;
    return Generate(std::strtoull(arguments[1].c_str(), nullptr, 10), arguments[2], seed);
  }
  if (arguments.size() == 3 && arguments[0] == "evaluate")
    return Evaluate(arguments[1], arguments[2]);
  std::cerr << "usage: vigil_linkage_synth generate N OUT.csv [SEED]\n"
               "       vigil_linkage_synth evaluate CLUSTERS.csv PEOPLE.csv\n";
  return 2;
}
