#pragma once
// Reads the CSV inputs of `vigil link` into prepared linkage records, as the
// settings' columns say: the record_id column becomes the id, each role
// column a field (address columns joined, dob_day/dob_month/dob_year made
// into one date). File after file, row after row, without holding the
// files. Not thread-safe.

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "app/link_settings.h"
#include "core/result.h"
#include "linkage/prepared_records.h"

namespace vigil::app {

// The most problems reported before reading stops.
inline constexpr std::size_t kMaxInputProblems = 20;

// Told how much has been read: rows so far, bytes so far.
using InputProgress = std::function<void(std::uint64_t rows, std::uint64_t bytes)>;

// Reads `files` (source 0 and, when linking, 1) and prepares the records,
// normalised with `normalise`, with `threads` threads. kInvalidArgument with one field error per
// problem
// ("FILE:LINE" and a message; at most kMaxInputProblems): a file that cannot
// be opened, is empty, lacks a column the settings name or names one twice,
// a ragged row, a broken quote, invalid UTF-8, a field over the size limit,
// an empty or repeated record id.
core::Result<linkage::PreparedRecords> ReadLinkInputs(const LinkSettings& settings,
                                                      const std::vector<std::string>& files,
                                                      const linkage::NormaliseOptions& normalise,
                                                      int threads,
                                                      const InputProgress& progress = {});

// An input already open: its name (for problems) and its bytes.
struct NamedStream {
  std::string name;
  std::istream* stream = nullptr;  // Not owned.
};

// ReadLinkInputs on open streams (source = position in `inputs`): the same
// checks and results, without touching the file system.
core::Result<linkage::PreparedRecords> ReadLinkStreams(const LinkSettings& settings,
                                                       const std::vector<NamedStream>& inputs,
                                                       const linkage::NormaliseOptions& normalise,
                                                       int threads,
                                                       const InputProgress& progress = {});

// The value of a date of birth given in parts: "YYYY-MM-DD", "YYYY-MM" or
// "YYYY" as far as the parts are numbers; "" without a year.
std::string DateFromParts(std::string_view year, std::string_view month, std::string_view day);

}  // namespace vigil::app
