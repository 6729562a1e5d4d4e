#include "labelled_data.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace vigil::linkage_accuracy {
namespace {

using linkage::FieldRole;
using linkage::RoleField;

std::string Trim(std::string text) {
  std::size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return {};
  std::size_t end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

// The labelled files hold no quotes: split on commas and trim.
core::Result<std::vector<std::vector<std::string>>> ReadRows(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    return core::NotFound(path + " is missing: the labelled linkage data must sit in " +
                          DataFolder() + " (../shared beside the clone)");
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, ',')) fields.push_back(Trim(field));
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    rows.push_back(std::move(fields));
  }
  if (rows.empty()) return core::InvalidArgument(path + " is empty");
  return rows;
}

int Column(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t index = 0; index < header.size(); ++index) {
    if (header[index] == name) return static_cast<int>(index);
  }
  return -1;
}

// "rec-123-dup-0" -> 123.
std::uint64_t FebrlEntity(const std::string& id) {
  std::size_t start = id.find('-');
  return std::strtoull(id.c_str() + start + 1, nullptr, 10);
}

}  // namespace

std::string DataFolder() {
  if (const char* folder = std::getenv("VIGIL_LINKAGE_DATA")) return folder;
  return std::string(VIGIL_SOURCE_DIR) + "/../shared/data/linkage";
}

core::Result<Dataset> LoadFebrl(const std::vector<std::string>& files,
                                bool without_social_security_id, int threads) {
  Dataset dataset;
  dataset.name = files.front();
  dataset.link_type =
      files.size() == 2 ? linkage::LinkType::kLink : linkage::LinkType::kDeduplicate;
  dataset.roles = {
      {"given_name", FieldRole::kGivenName}, {"surname", FieldRole::kSurname},
      {"address", FieldRole::kAddress},      {"postcode", FieldRole::kPostcode},
      {"state", FieldRole::kOther},          {"date_of_birth", FieldRole::kDateOfBirth}};
  if (!without_social_security_id) dataset.roles.push_back({"soc_sec_id", FieldRole::kOther});
  std::vector<linkage::FieldSpec> fields;
  for (const RoleField& role : dataset.roles) {
    fields.push_back({role.name, linkage::KindOfRole(role.role)});
  }
  linkage::RecordPreparer preparer(fields);
  for (std::size_t source = 0; source < files.size(); ++source) {
    VIGIL_ASSIGN_OR_RETURN(auto rows, ReadRows(DataFolder() + "/" + files[source]));
    const std::vector<std::string>& header = rows.front();
    std::vector<int> columns;
    for (const char* name :
         {"rec_id", "given_name", "surname", "street_number", "address_1", "address_2", "suburb",
          "postcode", "state", "date_of_birth", "soc_sec_id"}) {
      columns.push_back(Column(header, name));
      if (columns.back() < 0) return core::InvalidArgument(files[source] + " lacks " + name);
    }
    for (std::size_t row = 1; row < rows.size(); ++row) {
      const std::vector<std::string>& values = rows[row];
      if (values.size() != header.size()) {
        return core::InvalidArgument(files[source] + ": row " + std::to_string(row) + " is ragged");
      }
      auto at = [&](int column) {
        return values[static_cast<std::size_t>(columns[static_cast<std::size_t>(column)])];
      };
      std::string address;
      for (int part : {3, 4, 5, 6}) {
        if (at(part).empty()) continue;
        if (!address.empty()) address += " ";
        address += at(part);
      }
      std::vector<std::string> raw = {at(1), at(2), address, at(7), at(8), at(9)};
      if (!without_social_security_id) raw.push_back(at(10));
      std::vector<std::string_view> views(raw.begin(), raw.end());
      preparer.Add(at(0), static_cast<int>(source), views);
      dataset.entity_of.push_back(FebrlEntity(at(0)));
      dataset.sources.push_back(static_cast<std::uint8_t>(source));
    }
  }
  VIGIL_ASSIGN_OR_RETURN(dataset.records, preparer.Finish(threads));
  return dataset;
}

core::Result<Dataset> LoadSplinkFake1000(int threads) {
  Dataset dataset;
  dataset.name = "splink_fake_1000.csv";
  dataset.roles = {{"first_name", FieldRole::kGivenName},
                   {"surname", FieldRole::kSurname},
                   {"dob", FieldRole::kDateOfBirth},
                   {"city", FieldRole::kOther},
                   {"email", FieldRole::kEmail}};
  std::vector<linkage::FieldSpec> fields;
  for (const RoleField& role : dataset.roles) {
    fields.push_back({role.name, linkage::KindOfRole(role.role)});
  }
  linkage::RecordPreparer preparer(fields);
  VIGIL_ASSIGN_OR_RETURN(auto rows, ReadRows(DataFolder() + "/" + dataset.name));
  const std::vector<std::string>& header = rows.front();
  std::vector<int> columns;
  for (const char* name :
       {"unique_id", "first_name", "surname", "dob", "city", "email", "cluster"}) {
    columns.push_back(Column(header, name));
    if (columns.back() < 0) return core::InvalidArgument(dataset.name + " lacks " + name);
  }
  for (std::size_t row = 1; row < rows.size(); ++row) {
    const std::vector<std::string>& values = rows[row];
    if (values.size() != header.size()) return core::InvalidArgument("a ragged row");
    std::vector<std::string_view> views;
    for (int column = 1; column <= 5; ++column)
      views.push_back(values[static_cast<std::size_t>(columns[static_cast<std::size_t>(column)])]);
    preparer.Add(values[static_cast<std::size_t>(columns[0])], 0, views);
    dataset.entity_of.push_back(
        std::strtoull(values[static_cast<std::size_t>(columns[6])].c_str(), nullptr, 10));
    dataset.sources.push_back(0);
  }
  VIGIL_ASSIGN_OR_RETURN(dataset.records, preparer.Finish(threads));
  return dataset;
}

core::Result<Evaluation> EvaluateDefaultModel(const Dataset& dataset, std::uint64_t seed,
                                              int threads) {
  VIGIL_ASSIGN_OR_RETURN(
      linkage::Model model,
      linkage::DefaultModel(dataset.roles, dataset.link_type, &dataset.records, threads));
  model.training.seed = seed;
  linkage::Random random(seed);
  linkage::LinkageOptions options;
  options.threads = threads;
  Evaluation evaluation;
  VIGIL_ASSIGN_OR_RETURN(evaluation.run,
                         linkage::RunLinkage(dataset.records, std::move(model), options, random));
  evaluation.clusters = linkage::EvaluateClusters(
      evaluation.run.clustering.cluster_of, dataset.entity_of, dataset.sources, dataset.link_type);
  evaluation.links = linkage::EvaluateLinks(evaluation.run.links, dataset.entity_of,
                                            dataset.sources, dataset.link_type);
  return evaluation;
}

std::string Describe(const std::string& name, const Evaluation& evaluation) {
  char line[512];
  const linkage::PairwiseMetrics& clusters = evaluation.clusters;
  const linkage::PairwiseMetrics& links = evaluation.links;
  std::snprintf(line, sizeof(line),
                "%s: clusters precision %.4f recall %.4f F1 %.4f (TP %llu FP %llu FN %llu); "
                "links precision %.4f recall %.4f F1 %.4f; pairs scored %llu; refused merges %llu",
                name.c_str(), clusters.precision, clusters.recall, clusters.f1,
                static_cast<unsigned long long>(clusters.true_positives),
                static_cast<unsigned long long>(clusters.false_positives),
                static_cast<unsigned long long>(clusters.false_negatives), links.precision,
                links.recall, links.f1,
                static_cast<unsigned long long>(evaluation.run.prediction.pairs_scored),
                static_cast<unsigned long long>(evaluation.run.clustering.refused_merges));
  return line;
}

}  // namespace vigil::linkage_accuracy
