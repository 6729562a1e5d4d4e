#include "linkage/prepared_records.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <unordered_set>

#include "core/check.h"
#include "linkage/parallel.h"
#include "linkage/partial_date.h"
#include "linkage/phonetic.h"
#include "linkage/postcode.h"

namespace vigil::linkage {
namespace {

constexpr std::uint64_t kMaxRecords = 4'000'000'000ULL;

bool HasTokens(FieldKind kind) {
  return kind == FieldKind::kName || kind == FieldKind::kText || kind == FieldKind::kAddress;
}

// Appends the sorted distinct word ids of `value` to the pool's token lists.
void AddTokens(ValuePool& pool, std::string_view value) {
  std::vector<std::uint32_t> ids;
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = value.find(' ', start);
    if (end == std::string_view::npos) end = value.size();
    if (end > start) ids.push_back(pool.tokens.Intern(value.substr(start, end - start)));
    start = end + 1;
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  pool.token_ids.insert(pool.token_ids.end(), ids.begin(), ids.end());
}

}  // namespace

void DeriveValueFeatures(ValuePool& pool, FieldKind kind, std::uint32_t first,
                         const NicknameTable& nicknames) {
  const std::uint32_t count = pool.values.size();
  const std::size_t slots = static_cast<std::size_t>(count) + 1;
  auto ensure_begin = [](std::vector<std::uint32_t>& begin) {
    if (begin.empty()) begin.assign(2, 0);
  };
  if (kind == FieldKind::kName) {
    pool.metaphone.resize(slots, 0);
    pool.soundex.resize(slots, 0);
    ensure_begin(pool.formal_begin);
  }
  if (HasTokens(kind)) ensure_begin(pool.token_begin);
  if (kind == FieldKind::kDate) pool.dates.resize(slots);
  if (kind == FieldKind::kPostcode) {
    pool.postcode_sector.resize(slots, 0);
    pool.postcode_district.resize(slots, 0);
    pool.postcode_area.resize(slots, 0);
  }
  for (std::uint32_t id = first; id <= count; ++id) {
    std::string_view value = pool.values.View(id);
    if (kind == FieldKind::kName) {
      std::string metaphone = Metaphone(value);
      std::string soundex = Soundex(value);
      pool.metaphone[id] = metaphone.empty() ? 0 : pool.codes.Intern(metaphone);
      pool.soundex[id] = soundex.empty() ? 0 : pool.codes.Intern(soundex);
      for (const std::string& formal : nicknames.FormalNamesOf(value)) {
        pool.formal_ids.push_back(pool.codes.Intern(formal));
      }
      pool.formal_begin.push_back(static_cast<std::uint32_t>(pool.formal_ids.size()));
    }
    if (HasTokens(kind)) {
      AddTokens(pool, value);
      pool.token_begin.push_back(static_cast<std::uint32_t>(pool.token_ids.size()));
    }
    if (kind == FieldKind::kDate) {
      PackedDate packed;
      if (std::optional<ParsedDate> parsed = ParseDate(value)) {
        packed.year = static_cast<std::int16_t>(parsed->date.year);
        packed.month = static_cast<std::int8_t>(parsed->date.month);
        packed.day = static_cast<std::int8_t>(parsed->date.day);
        packed.complete = parsed->date.IsComplete();
        packed.day_number = parsed->date.DayNumber().value_or(0);
      }
      pool.dates[id] = packed;
    }
    if (kind == FieldKind::kPostcode) {
      if (std::optional<UkPostcode> postcode = ParseUkPostcode(value)) {
        pool.postcode_sector[id] = pool.codes.Intern(postcode->Sector());
        pool.postcode_district[id] = pool.codes.Intern(postcode->District());
        pool.postcode_area[id] = pool.codes.Intern(postcode->Area());
      }
    }
  }
}

std::uint32_t PreparedRecords::SourceSize(int source) const {
  return static_cast<std::uint32_t>(
      std::count(sources_.begin(), sources_.end(), static_cast<std::uint8_t>(source)));
}

int PreparedRecords::FieldIndex(std::string_view name) const {
  for (std::size_t index = 0; index < fields_.size(); ++index) {
    if (fields_[index].name == name) return static_cast<int>(index);
  }
  return -1;
}

std::string_view PreparedRecords::Value(std::size_t field, std::uint32_t record) const {
  const FieldColumn& column = columns_[field];
  return column.pool->values.View(column.values[record]);
}

std::size_t PreparedRecords::MemoryBytes() const {
  std::size_t bytes = id_characters_.capacity() + id_offsets_.capacity() * 8 + sources_.capacity();
  std::unordered_set<const ValuePool*> pools;
  for (const FieldColumn& column : columns_) {
    bytes += column.values.capacity() * 4 + column.log2_term_frequency.capacity() * 4;
    if (!pools.insert(column.pool.get()).second) continue;
    const ValuePool& pool = *column.pool;
    bytes += pool.values.MemoryBytes() + pool.codes.MemoryBytes() + pool.tokens.MemoryBytes();
    bytes += (pool.metaphone.capacity() + pool.soundex.capacity() + pool.formal_begin.capacity() +
              pool.formal_ids.capacity() + pool.token_begin.capacity() + pool.token_ids.capacity() +
              pool.postcode_sector.capacity() + pool.postcode_district.capacity() +
              pool.postcode_area.capacity()) *
             4;
    bytes += pool.dates.capacity() * sizeof(PackedDate);
  }
  return bytes;
}

RecordPreparer::RecordPreparer(std::vector<FieldSpec> fields, NormaliseOptions options,
                               const NicknameTable* nicknames)
    : fields_(std::move(fields)),
      options_(std::move(options)),
      nicknames_(nicknames),
      raw_bytes_(fields_.size()),
      raw_ends_(fields_.size()) {
  VIGIL_CHECK(nicknames_ != nullptr) << "a nickname table is required";
}

void RecordPreparer::Add(std::string_view id, int source,
                         std::span<const std::string_view> raw_values) {
  if (source != 0 && source != 1) bad_source_ = true;
  id_characters_.append(id);
  id_offsets_.push_back(id_characters_.size());
  sources_.push_back(static_cast<std::uint8_t>(source == 1 ? 1 : 0));
  for (std::size_t field = 0; field < fields_.size(); ++field) {
    std::string_view raw = field < raw_values.size() ? raw_values[field] : std::string_view();
    raw_bytes_[field].append(raw);
    raw_ends_[field].push_back(raw_bytes_[field].size());
  }
}

void RecordPreparer::Add(const LinkageRecord& record) {
  std::vector<std::string_view> values;
  values.reserve(fields_.size());
  for (const FieldSpec& field : fields_) values.push_back(record.Get(field.name));
  Add(record.id, record.source, values);
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> RecordPreparer::RepeatedIds() const {
  auto id_of = [this](std::size_t record) {
    return std::string_view(id_characters_.data() + id_offsets_[record],
                            id_offsets_[record + 1] - id_offsets_[record]);
  };
  // Sort (hash of source and id, record) and compare neighbours, which
  // touches memory in order (a hash set of a million ids does not).
  std::vector<std::pair<std::uint64_t, std::uint32_t>> hashed;
  hashed.reserve(sources_.size());
  for (std::size_t record = 0; record < sources_.size(); ++record) {
    std::string_view id = id_of(record);
    if (id.empty()) continue;
    std::uint64_t hash = std::hash<std::string_view>()(id) * 2 + sources_[record];
    hashed.emplace_back(hash, static_cast<std::uint32_t>(record));
  }
  std::sort(hashed.begin(), hashed.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> repeated;
  std::vector<std::uint32_t> distinct;  // First record of each distinct id in a run.
  for (std::size_t start = 0; start < hashed.size();) {
    std::size_t end = start;
    while (end < hashed.size() && hashed[end].first == hashed[start].first) ++end;
    // A run of equal hashes, in record order: nearly always one id repeated.
    distinct.clear();
    for (std::size_t index = start; index < end; ++index) {
      std::uint32_t record = hashed[index].second;
      auto same = std::find_if(distinct.begin(), distinct.end(), [&](std::uint32_t other) {
        return sources_[record] == sources_[other] && id_of(record) == id_of(other);
      });
      if (same == distinct.end()) {
        distinct.push_back(record);
      } else {
        repeated.emplace_back(record, *same);
      }
    }
    start = end;
  }
  std::sort(repeated.begin(), repeated.end());
  return repeated;
}

core::Status RecordPreparer::CheckIds() const {
  core::ErrorCollector errors;
  if (bad_source_) errors.Add("source", "out_of_range", "a record's source must be 0 or 1");
  if (sources_.size() > kMaxRecords) {
    errors.Add("records", "too_many", "at most 4,000,000,000 records can be linked at once");
  }
  for (std::size_t record = 0; record < sources_.size() && errors.errors().size() < 20; ++record) {
    if (id_offsets_[record + 1] == id_offsets_[record]) {
      errors.Add("records[" + std::to_string(record) + "].id", "required", "a record has no id");
    }
  }
  for (const auto& [record, first] : RepeatedIds()) {
    if (errors.errors().size() >= 20) break;
    std::string id(id_characters_.data() + id_offsets_[record],
                   id_offsets_[record + 1] - id_offsets_[record]);
    errors.Add("records[" + std::to_string(record) + "].id", "duplicate",
               "the record id \"" + id + "\" is repeated (first at records[" +
                   std::to_string(first) + "])");
  }
  return errors.ToStatus("the records cannot be linked");
}

void RecordPreparer::PrepareGroup(const std::vector<std::size_t>& fields,
                                  PreparedRecords& prepared) {
  auto pool = std::make_shared<ValuePool>();
  const FieldKind kind = fields_[fields.front()].kind;
  for (std::size_t field : fields) {
    // Intern the raw values (each distinct one is normalised once).
    StringPool raw;
    FieldColumn& column = prepared.columns_[field];
    column.spec = fields_[field];
    column.values.resize(raw_ends_[field].size());
    std::uint64_t start = 0;
    for (std::size_t record = 0; record < raw_ends_[field].size(); ++record) {
      std::uint64_t end = raw_ends_[field][record];
      std::string_view value(raw_bytes_[field].data() + start, end - start);
      column.values[record] = value.empty() ? 0 : raw.Intern(value);
      start = end;
    }
    std::string().swap(raw_bytes_[field]);
    std::vector<std::uint64_t>().swap(raw_ends_[field]);
    std::vector<std::uint32_t> map(static_cast<std::size_t>(raw.size()) + 1, 0);
    for (std::uint32_t raw_id = 1; raw_id <= raw.size(); ++raw_id) {
      std::string normalised = Normalise(kind, raw.View(raw_id), options_);
      map[raw_id] = normalised.empty() ? 0 : pool->values.Intern(normalised);
    }
    for (std::uint32_t& value : column.values) value = map[value];
  }
  DeriveValueFeatures(*pool, kind, 1, *nicknames_);
  for (std::size_t field : fields) {
    FieldColumn& column = prepared.columns_[field];
    std::vector<std::uint32_t> counts(static_cast<std::size_t>(pool->values.size()) + 1, 0);
    for (std::uint32_t value : column.values) ++counts[value];
    column.non_null = column.values.size() - counts[0];
    column.log2_term_frequency.assign(counts.size(), 0.0f);
    column.distinct = 0;
    for (std::size_t value = 1; value < counts.size(); ++value) {
      if (counts[value] == 0) continue;
      ++column.distinct;
      column.log2_term_frequency[value] = static_cast<float>(
          std::log2(static_cast<double>(counts[value]) / static_cast<double>(column.non_null)));
    }
    column.pool = pool;
  }
}

core::Result<PreparedRecords> RecordPreparer::Finish(int threads) {
  VIGIL_RETURN_IF_ERROR(CheckIds());
  PreparedRecords prepared;
  prepared.fields_ = fields_;
  prepared.columns_.resize(fields_.size());
  // Every name field shares one pool (crosswise comparisons); every other
  // field has its own.
  std::vector<std::vector<std::size_t>> groups;
  std::vector<std::size_t> names;
  for (std::size_t field = 0; field < fields_.size(); ++field) {
    if (fields_[field].kind == FieldKind::kName) {
      names.push_back(field);
    } else {
      groups.push_back({field});
    }
  }
  if (!names.empty()) groups.insert(groups.begin(), names);
  RunParallel(EffectiveThreads(threads), groups.size(),
              [&](std::size_t group, int) { PrepareGroup(groups[group], prepared); });
  prepared.id_characters_ = std::move(id_characters_);
  prepared.id_offsets_ = std::move(id_offsets_);
  prepared.sources_ = std::move(sources_);
  return prepared;
}

}  // namespace vigil::linkage
