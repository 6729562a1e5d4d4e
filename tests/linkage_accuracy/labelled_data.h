#pragma once
// Loads the labelled linkage benchmark files of ../shared/data/linkage/
// (FEBRL, Splink's fake_1000) into prepared records plus the truth (an
// entity number per record), mapping their columns to field roles exactly
// as a `vigil link` settings file with only `columns:` would. The truth is
// kept apart and never reaches training. Not thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "linkage/default_model.h"
#include "linkage/evaluation.h"
#include "linkage/pipeline.h"
#include "linkage/prepared_records.h"

namespace vigil::linkage_accuracy {

// The folder holding the labelled files: $VIGIL_LINKAGE_DATA when set, else
// VIGIL_SOURCE_DIR/../shared/data/linkage.
std::string DataFolder();

struct Dataset {
  std::string name;
  linkage::LinkType link_type = linkage::LinkType::kDeduplicate;
  std::vector<linkage::RoleField> roles;
  linkage::PreparedRecords records;
  std::vector<std::uint64_t> entity_of;  // The truth, per record.
  std::vector<std::uint8_t> sources;     // Per record.
};

// FEBRL files (one to deduplicate, two to link). Columns: given_name,
// surname, address (street_number, address_1, address_2 and suburb joined),
// postcode, state (other), date_of_birth (dob), and soc_sec_id (other) unless
// `without_social_security_id`. kNotFound when a file is missing.
core::Result<Dataset> LoadFebrl(const std::vector<std::string>& files,
                                bool without_social_security_id, int threads);

// splink_fake_1000.csv: first_name, surname, dob, city (other), email.
core::Result<Dataset> LoadSplinkFake1000(int threads);

struct Evaluation {
  linkage::PairwiseMetrics clusters;  // Pairs within predicted clusters.
  linkage::PairwiseMetrics links;     // Pairs scored at or above the threshold.
  linkage::LinkageRun run;
};

// Builds the default model for the dataset's roles, trains it without
// labels (seeded), predicts, clusters and evaluates against the truth.
core::Result<Evaluation> EvaluateDefaultModel(const Dataset& dataset, std::uint64_t seed,
                                              int threads);

// One line for the test log: "name: precision 0.998 recall 0.996 F1 0.997 ...".
std::string Describe(const std::string& name, const Evaluation& evaluation);

}  // namespace vigil::linkage_accuracy
