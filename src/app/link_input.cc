#include "app/link_input.h"

#include <charconv>
#include <fstream>

#include "app/link_csv.h"

namespace vigil::app {
namespace {

// A positive whole number of at most 4 digits, or -1.
int PartNumber(std::string_view text) {
  int value = 0;
  if (text.empty() || text.size() > 4) return -1;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return -1;
  return value;
}

class InputReader {
 public:
  InputReader(const LinkSettings& settings, linkage::RecordPreparer& preparer,
              const InputProgress& progress)
      : settings_(settings), preparer_(preparer), progress_(progress) {}

  // Reads one input as `source`; false once too many problems were found.
  bool ReadStream(std::istream& in, const std::string& file, int source) {
    LinkCsvReader reader(in, file);
    if (!reader.ReadHeader()) return TakeProblems(reader);
    if (!MapColumns(reader)) return false;
    std::vector<std::string_view> fields;
    std::vector<std::string> scratch(settings_.plan.sources.size());
    std::vector<std::string_view> values(settings_.plan.sources.size());
    files_.push_back(file);
    while (reader.Next(fields)) {
      std::string_view id = fields[id_index_];
      if (id.empty()) {
        if (!Problem(file + ":" + std::to_string(reader.line()),
                     "record_id: the record has no id")) {
          return false;
        }
        continue;
      }
      for (std::size_t field = 0; field < values.size(); ++field) {
        values[field] = Value(field, fields, scratch[field]);
      }
      preparer_.Add(id, source, values);
      lines_.push_back(static_cast<std::uint32_t>(reader.line()));
      file_of_.push_back(static_cast<std::uint8_t>(files_.size() - 1));
      ++rows_;
      if (progress_ && rows_ % 65536 == 0) progress_(rows_, bytes_before_ + reader.bytes_read());
      if (reader.problems().size() + problems_.errors().size() >= kMaxInputProblems) break;
    }
    bytes_before_ += reader.bytes_read();
    return TakeProblems(reader);
  }

  // Reports every record id repeated within a file, at its file and line.
  void CheckRepeatedIds() {
    for (const auto& [record, first] : preparer_.RepeatedIds()) {
      std::string id(preparer_.id(record));
      if (!Problem(files_[file_of_[record]] + ":" + std::to_string(lines_[record]),
                   "record_id: \"" + id + "\" is repeated (first on line " +
                       std::to_string(lines_[first]) + ")")) {
        return;
      }
    }
  }

  core::Status Finish() const { return problems_.ToStatus("the input files have problems"); }

  bool Problem(const std::string& location, std::string message) {
    problems_.Add(location, "bad_input", std::move(message));
    return problems_.errors().size() < kMaxInputProblems;
  }

 private:
  bool TakeProblems(const LinkCsvReader& reader) {
    for (const LinkCsvProblem& problem : reader.problems()) {
      if (!Problem(reader.file_name() + ":" + std::to_string(problem.line), problem.message)) {
        return false;
      }
    }
    return true;
  }

  // Finds every column the plan reads in the header.
  bool MapColumns(const LinkCsvReader& reader) {
    const std::vector<std::string>& header = reader.header();
    auto index_of = [&](const std::string& column) -> int {
      int found = -1;
      for (std::size_t index = 0; index < header.size(); ++index) {
        if (header[index] != column) continue;
        if (found >= 0) {
          Problem(reader.file_name() + ":1",
                  "the header names the column \"" + column + "\" twice");
          return -1;
        }
        found = static_cast<int>(index);
      }
      if (found < 0) {
        Problem(reader.file_name() + ":1", "the header has no column \"" + column +
                                               "\" (named under columns: in " +
                                               settings_.file_name + ")");
      }
      return found;
    };
    bool complete = true;
    int id = index_of(settings_.plan.id_column);
    complete = complete && id >= 0;
    id_index_ = static_cast<std::size_t>(std::max(id, 0));
    column_indices_.clear();
    for (const FieldSource& source : settings_.plan.sources) {
      std::vector<std::size_t> indices;
      for (const std::string& column : source.columns) {
        int index = index_of(column);
        complete = complete && index >= 0;
        indices.push_back(static_cast<std::size_t>(std::max(index, 0)));
      }
      column_indices_.push_back(std::move(indices));
    }
    return complete;
  }

  std::string_view Value(std::size_t field, const std::vector<std::string_view>& row,
                         std::string& scratch) {
    const FieldSource& source = settings_.plan.sources[field];
    const std::vector<std::size_t>& columns = column_indices_[field];
    switch (source.shape) {
      case FieldSource::Shape::kColumn:
        return row[columns[0]];
      case FieldSource::Shape::kJoined:
        scratch.clear();
        for (std::size_t column : columns) {
          if (row[column].empty()) continue;
          if (!scratch.empty()) scratch.push_back(' ');
          scratch.append(row[column]);
        }
        return scratch;
      case FieldSource::Shape::kDateParts:
        scratch = DateFromParts(row[columns[0]], row[columns[1]], row[columns[2]]);
        return scratch;
    }
    return {};
  }

  const LinkSettings& settings_;
  linkage::RecordPreparer& preparer_;
  const InputProgress& progress_;
  core::ErrorCollector problems_;
  std::vector<std::string> files_;     // Every file read, in order.
  std::vector<std::uint32_t> lines_;   // Per record added: its line.
  std::vector<std::uint8_t> file_of_;  // Per record added: its file in files_.
  std::size_t id_index_ = 0;
  std::vector<std::vector<std::size_t>> column_indices_;
  std::uint64_t rows_ = 0;
  std::uint64_t bytes_before_ = 0;
};

}  // namespace

std::string DateFromParts(std::string_view year, std::string_view month, std::string_view day) {
  int year_number = PartNumber(year);
  if (year_number < 0) return {};
  std::string date = std::to_string(year_number);
  int month_number = PartNumber(month);
  if (month_number < 0 || month_number > 12) return date;
  date += month_number < 10 ? "-0" : "-";
  date += std::to_string(month_number);
  int day_number = PartNumber(day);
  if (day_number < 0 || day_number > 31) return date;
  date += day_number < 10 ? "-0" : "-";
  date += std::to_string(day_number);
  return date;
}

core::Result<linkage::PreparedRecords> ReadLinkInputs(const LinkSettings& settings,
                                                      const std::vector<std::string>& files,
                                                      const linkage::NormaliseOptions& normalise,
                                                      int threads, const InputProgress& progress) {
  linkage::RecordPreparer preparer(settings.FieldSpecs(), normalise);
  InputReader reader(settings, preparer, progress);
  for (std::size_t source = 0; source < files.size(); ++source) {
    std::ifstream in(files[source], std::ios::binary);
    bool more = in ? reader.ReadStream(in, files[source], static_cast<int>(source))
                   : reader.Problem(files[source] + ":0", "cannot be read");
    if (!more) break;
  }
  reader.CheckRepeatedIds();
  VIGIL_RETURN_IF_ERROR(reader.Finish());
  return preparer.Finish(threads);
}

core::Result<linkage::PreparedRecords> ReadLinkStreams(const LinkSettings& settings,
                                                       const std::vector<NamedStream>& inputs,
                                                       const linkage::NormaliseOptions& normalise,
                                                       int threads, const InputProgress& progress) {
  linkage::RecordPreparer preparer(settings.FieldSpecs(), normalise);
  InputReader reader(settings, preparer, progress);
  for (std::size_t source = 0; source < inputs.size(); ++source) {
    if (!reader.ReadStream(*inputs[source].stream, inputs[source].name, static_cast<int>(source))) {
      break;
    }
  }
  reader.CheckRepeatedIds();
  VIGIL_RETURN_IF_ERROR(reader.Finish());
  return preparer.Finish(threads);
}

}  // namespace vigil::app
