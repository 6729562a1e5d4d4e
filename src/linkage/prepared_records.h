#pragma once
// Records made ready for fast scoring: every field normalised once per
// distinct raw value, each normalised value interned to a dense id, and
// what comparators need pre-computed per distinct value (Metaphone and
// Soundex codes, nickname formal names, word sets, parsed dates, postcode
// parts, term frequencies). Scoring a pair then reads ids and small arrays
// and never allocates. Build with RecordPreparer; immutable afterwards and
// safe to read from many threads.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "linkage/nickname_table.h"
#include "linkage/normalizers.h"
#include "linkage/record.h"
#include "linkage/string_pool.h"

namespace vigil::linkage {

// A date as comparators use it.
struct PackedDate {
  std::int32_t day_number = 0;  // Days since 1970-01-01; valid only when `complete`.
  std::int16_t year = 0;        // 0 when unknown.
  std::int8_t month = 0;        // 0 when unknown.
  std::int8_t day = 0;          // 0 when unknown.
  bool complete = false;
};

// The distinct normalised values of one field (or of every name field
// together, so that given name and surname can be compared crosswise), with
// what is derived from each. Arrays are indexed by value id; entry 0 (null)
// is empty.
struct ValuePool {
  StringPool values;
  StringPool codes;                      // Phonetic codes, formal names, postcode parts.
  StringPool tokens;                     // Words, for token_jaccard.
  std::vector<std::uint32_t> metaphone;  // Code ids (names).
  std::vector<std::uint32_t> soundex;    // Code ids (names).
  // Formal names from the nickname table (code ids), value v's list is
  // formal_ids[formal_begin[v] .. formal_begin[v + 1]).
  std::vector<std::uint32_t> formal_begin;
  std::vector<std::uint32_t> formal_ids;
  // Sorted distinct word ids (names, text, addresses), laid out like formal_ids.
  std::vector<std::uint32_t> token_begin;
  std::vector<std::uint32_t> token_ids;
  std::vector<PackedDate> dates;                 // Dates.
  std::vector<std::uint32_t> postcode_sector;    // Code ids (UK postcodes only).
  std::vector<std::uint32_t> postcode_district;  // Code ids.
  std::vector<std::uint32_t> postcode_area;      // Code ids.
};

// One field of every record.
struct FieldColumn {
  FieldSpec spec;
  std::shared_ptr<ValuePool> pool;    // Shared by every name field; grown only by RecordIndex.
  std::vector<std::uint32_t> values;  // Per record: value id in pool, 0 when null.
  // Per value id: log2 of the share of this field's non-null records that
  // hold the value (term frequency); 0 for values the field never holds.
  std::vector<float> log2_term_frequency;
  std::uint64_t non_null = 0;  // Records with a value.
  std::uint32_t distinct = 0;  // Distinct values held by this field.
};

// Derives what comparators need (phonetic codes, formal names, words,
// dates, postcode parts) for values first..pool.values.size() of a pool
// whose fields have `kind`; earlier values must have been derived already.
// RecordPreparer derives every value at once; RecordIndex derives values
// as they arrive.
void DeriveValueFeatures(ValuePool& pool, FieldKind kind, std::uint32_t first,
                         const NicknameTable& nicknames);

class PreparedRecords {
 public:
  PreparedRecords() = default;
  PreparedRecords(PreparedRecords&&) = default;
  PreparedRecords& operator=(PreparedRecords&&) = default;

  // The number of records (indices 0..size()-1, in the order added).
  std::uint32_t size() const { return static_cast<std::uint32_t>(sources_.size()); }
  // The record's id as given.
  std::string_view id(std::uint32_t record) const {
    return std::string_view(id_characters_.data() + id_offsets_[record],
                            id_offsets_[record + 1] - id_offsets_[record]);
  }
  // The record's source (0, or 1 when linking two sources).
  int source(std::uint32_t record) const { return sources_[record]; }
  // The number of records from `source`.
  std::uint32_t SourceSize(int source) const;

  const std::vector<FieldSpec>& fields() const { return fields_; }
  // The index of the field named `name`, or -1.
  int FieldIndex(std::string_view name) const;
  const FieldColumn& column(std::size_t field) const { return columns_[field]; }
  // The normalised value of `field` for `record` ("" when null).
  std::string_view Value(std::size_t field, std::uint32_t record) const;

  // Approximate bytes held, for reporting memory use.
  std::size_t MemoryBytes() const;

 private:
  friend class RecordPreparer;
  friend class RecordIndex;  // Grows the records incrementally (record_index.h).
  std::vector<FieldSpec> fields_;
  std::vector<FieldColumn> columns_;
  std::string id_characters_;
  std::vector<std::uint64_t> id_offsets_{0};
  std::vector<std::uint8_t> sources_;
};

// Collects raw records, then normalises and derives everything in Finish.
// Adding only appends the raw bytes (reading a file stays fast); Finish
// interns and normalises each field's distinct values, fields in parallel,
// and frees the raw bytes field by field. Not thread-safe; Finish uses its
// own threads.
class RecordPreparer {
 public:
  // `fields` in the order raw values will be given. `nicknames` must outlive
  // the preparer (the default table lives for the whole program).
  explicit RecordPreparer(std::vector<FieldSpec> fields, NormaliseOptions options = {},
                          const NicknameTable* nicknames = &NicknameTable::Default());

  // Adds a record whose raw values are in field order (missing trailing
  // values are null; extra ones are ignored). `source` is 0 or 1.
  void Add(std::string_view id, int source, std::span<const std::string_view> raw_values);
  // Adds a generic record, taking each model field by name.
  void Add(const LinkageRecord& record);

  // The number of records added so far.
  std::uint32_t size() const { return static_cast<std::uint32_t>(sources_.size()); }
  // The id of record `record` (< size()).
  std::string_view id(std::uint32_t record) const {
    return std::string_view(id_characters_.data() + id_offsets_[record],
                            id_offsets_[record + 1] - id_offsets_[record]);
  }

  // Records whose (non-empty) id repeats an earlier record's id in the same
  // source, each with the first record holding that id, in record order.
  // Finish rejects them; callers that know where records came from (file and
  // line) can report them better first.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> RepeatedIds() const;

  // Normalises every distinct value and derives features, using up to
  // `threads` threads (at least 1). kInvalidArgument when a source is not 0
  // or 1, a record id is empty or repeated within its source, or there are
  // more than 4,000,000,000 records. The preparer is spent afterwards.
  core::Result<PreparedRecords> Finish(int threads);

 private:
  void PrepareGroup(const std::vector<std::size_t>& fields, PreparedRecords& prepared);
  core::Status CheckIds() const;

  std::vector<FieldSpec> fields_;
  NormaliseOptions options_;
  const NicknameTable* nicknames_;
  std::vector<std::string> raw_bytes_;                // Per field: every record's raw value.
  std::vector<std::vector<std::uint64_t>> raw_ends_;  // Per field, per record: end in raw_bytes_.
  std::string id_characters_;
  std::vector<std::uint64_t> id_offsets_{0};
  std::vector<std::uint8_t> sources_;
  bool bad_source_ = false;
};

}  // namespace vigil::linkage
