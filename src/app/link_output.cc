#include "app/link_output.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace vigil::app {
namespace {

void AppendNumber(std::string& line, double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.4f", value);
  line += buffer;
}

}  // namespace

std::string CsvField(std::string_view value) {
  bool quote = !value.empty() && (value.front() == ' ' || value.back() == ' ');
  for (char character : value) {
    if (character == ',' || character == '"' || character == '\n' || character == '\r') {
      quote = true;
      break;
    }
  }
  if (!quote) return std::string(value);
  std::string field = "\"";
  for (char character : value) {
    if (character == '"') field.push_back('"');
    field.push_back(character);
  }
  field.push_back('"');
  return field;
}

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), temporary_(path_ + ".partial-" + std::to_string(::getpid())) {}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  if (out_.is_open()) out_.close();
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

core::Status AtomicFile::Open() {
  out_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!out_) return core::Unavailable(path_ + ": cannot be written");
  return core::Status::Ok();
}

core::Status AtomicFile::Commit() {
  out_.flush();
  bool good = static_cast<bool>(out_);
  out_.close();
  if (!good || out_.fail())
    return core::Unavailable(path_ + ": writing failed (is the disk full?)");
  std::error_code error;
  std::filesystem::rename(temporary_, path_, error);
  if (error) return core::Unavailable(path_ + ": cannot be written: " + error.message());
  committed_ = true;
  return core::Status::Ok();
}

core::Status WriteClusters(const std::string& path, const linkage::PreparedRecords& records,
                           const linkage::Clustering& clustering, linkage::LinkType link_type) {
  AtomicFile file(path);
  VIGIL_RETURN_IF_ERROR(file.Open());
  const bool link = link_type == linkage::LinkType::kLink;
  std::ostream& out = file.stream();
  out << (link ? "source,record_id,cluster_id\n" : "record_id,cluster_id\n");
  std::string line;
  for (std::uint32_t record = 0; record < records.size(); ++record) {
    line.clear();
    if (link) line += records.source(record) == 0 ? "1," : "2,";
    line += CsvField(records.id(record));
    line += ',';
    line += std::to_string(clustering.cluster_of[record] + 1);
    line += '\n';
    out << line;
  }
  return file.Commit();
}

PairsWriter::PairsWriter(std::string path, const linkage::Model& model,
                         const linkage::PreparedRecords& records)
    : file_(std::move(path)), model_(model), records_(records) {}

core::Status PairsWriter::Open() {
  VIGIL_RETURN_IF_ERROR(file_.Open());
  const bool link = model_.link_type == linkage::LinkType::kLink;
  std::string header =
      link ? "source_l,record_id_l,source_r,record_id_r" : "record_id_l,record_id_r";
  header += ",match_weight,match_probability,blocking_rule";
  for (const linkage::BlockingRule& rule : model_.blocking_rules) {
    rule_names_.push_back(CsvField(rule.Describe()));
  }
  for (const linkage::Comparison& comparison : model_.comparisons) {
    header.append(",").append(CsvField(comparison.name + "_level"));
    header.append(",").append(CsvField(comparison.name + "_weight"));
  }
  file_.stream() << header << '\n';
  return core::Status::Ok();
}

void PairsWriter::Write(const linkage::PredictionBatch& batch) {
  const bool link = model_.link_type == linkage::LinkType::kLink;
  std::ostream& out = file_.stream();
  for (std::size_t index = 0; index < batch.size(); ++index) {
    const linkage::PairPrediction& pair = batch.pair(index);
    line_.clear();
    if (link) line_ += records_.source(pair.left) == 0 ? "1," : "2,";
    line_ += CsvField(records_.id(pair.left));
    line_ += ',';
    if (link) line_ += records_.source(pair.right) == 0 ? "1," : "2,";
    line_ += CsvField(records_.id(pair.right));
    line_ += ',';
    AppendNumber(line_, pair.match_weight);
    line_ += ',';
    AppendNumber(line_, pair.match_probability);
    line_ += ',';
    line_ += rule_names_[pair.blocking_rule];
    std::span<const std::uint8_t> levels = batch.levels(index);
    std::span<const float> contributions = batch.contributions(index);
    for (std::size_t comparison = 0; comparison < levels.size(); ++comparison) {
      line_ += ',';
      line_ += CsvField(model_.comparisons[comparison].levels[levels[comparison]].label);
      line_ += ',';
      AppendNumber(line_, contributions[comparison]);
    }
    line_ += '\n';
    out << line_;
  }
}

}  // namespace vigil::app
