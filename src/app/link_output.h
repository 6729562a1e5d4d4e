#pragma once
// The output files of `vigil link`: clusters (record_id,cluster_id, or
// source,record_id,cluster_id when linking two files) and, on request, the
// scored pairs with each comparison's level and match weight. Each file is
// written beside its final name and renamed into place only when complete,
// so a failed run never leaves half a file. Not thread-safe; PairsWriter is
// fed from the prediction sink, which is never called concurrently.

#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "linkage/clustering.h"
#include "linkage/model.h"
#include "linkage/prediction.h"
#include "linkage/prepared_records.h"

namespace vigil::app {

// `value` as one CSV field: quoted (with doubled quotes) when it holds a
// comma, quote, CR or LF, or starts or ends with a space.
std::string CsvField(std::string_view value);

// A file written under a temporary name and renamed to `path` by Commit.
// Destroying it uncommitted removes the temporary file.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  // kUnavailable when the temporary file cannot be created.
  core::Status Open();
  std::ostream& stream() { return out_; }
  // Flushes, closes and renames into place; kUnavailable on any write error.
  core::Status Commit();

 private:
  std::string path_;
  std::string temporary_;
  std::ofstream out_;
  bool committed_ = false;
};

// Writes the clusters of every record, in input order, with cluster ids
// numbered from 1. Failures are AtomicFile's.
core::Status WriteClusters(const std::string& path, const linkage::PreparedRecords& records,
                           const linkage::Clustering& clustering, linkage::LinkType link_type);

// Writes scored pairs as they arrive: ids (with sources when linking),
// match_weight, match_probability, the blocking rule, then per comparison
// its level label and match weight.
class PairsWriter {
 public:
  PairsWriter(std::string path, const linkage::Model& model,
              const linkage::PreparedRecords& records);
  // Creates the file and writes the header; failures are AtomicFile's.
  core::Status Open();
  void Write(const linkage::PredictionBatch& batch);
  core::Status Commit() { return file_.Commit(); }

 private:
  AtomicFile file_;
  const linkage::Model& model_;
  const linkage::PreparedRecords& records_;
  std::vector<std::string> rule_names_;  // CSV fields, by rule index.
  std::string line_;
};

}  // namespace vigil::app
