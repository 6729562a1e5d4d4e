#include "linkage/record_index.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <mutex>
#include <unordered_set>

#include "core/check.h"
#include "linkage/nickname_table.h"
#include "linkage/normalizers.h"
#include "linkage/random.h"

namespace vigil::linkage {
namespace {

constexpr std::size_t kMaxLimit = 1000;

std::uint64_t Combine(std::uint64_t combined, std::uint64_t component) {
  return MixBits(combined * 0x9e3779b97f4a7c15ULL + component) | 1;
}

// The key component of value `value` (not 0) under `key`, as blocking.cc
// computes it (prefixes hashed rather than interned); 0 when the transform
// yields nothing.
std::uint64_t Component(const BlockingKey& key, const ValuePool& pool, std::uint32_t value) {
  switch (key.transform) {
    case KeyTransform::kExact:
      return value;
    case KeyTransform::kPrefix: {
      std::string_view text = pool.values.View(value);
      return MixBits(std::hash<std::string_view>{}(
                 text.substr(0, static_cast<std::size_t>(key.length)))) |
             1;
    }
    case KeyTransform::kMetaphone:
      return pool.metaphone[value];
    case KeyTransform::kSoundex:
      return pool.soundex[value];
    case KeyTransform::kNickname:
      return pool.formal_begin[value] < pool.formal_begin[value + 1]
                 ? pool.formal_ids[pool.formal_begin[value]]
                 : (std::uint64_t{1} << 40) | value;
    case KeyTransform::kYear:
      return static_cast<std::uint64_t>(std::max<int>(pool.dates[value].year, 0));
    case KeyTransform::kYearMonth: {
      const PackedDate& date = pool.dates[value];
      return date.month == 0 ? 0 : static_cast<std::uint64_t>(date.year * 16 + date.month);
    }
    case KeyTransform::kPostcodeSector:
      return pool.postcode_sector[value];
    case KeyTransform::kPostcodeDistrict:
      return pool.postcode_district[value];
    case KeyTransform::kPostcodeArea:
      return pool.postcode_area[value];
  }
  return 0;
}

void CheckEntity(const IndexEntity& entity, const std::string& path, core::ErrorCollector& errors) {
  if (entity.id.empty()) errors.Add(path + ".id", "required", "the entity id is empty");
  if (entity.records.empty()) {
    errors.Add(path + ".records", "required", "the entity has no records");
  }
}

}  // namespace

RecordIndex::RecordIndex(Model model, RecordIndexOptions options)
    : model_(std::move(model)), options_(options) {}

core::Result<std::unique_ptr<RecordIndex>> RecordIndex::Create(
    Model model, std::span<const IndexEntity> entities, RecordIndexOptions options, int threads) {
  VIGIL_RETURN_IF_ERROR(ValidateModel(model));
  core::ErrorCollector errors;
  if (model.link_type != LinkType::kDeduplicate) {
    errors.Add("link_type", "unsupported", "an index deduplicates one source");
  }
  std::unordered_set<std::string_view> seen;
  for (std::size_t index = 0; index < entities.size(); ++index) {
    const std::string path = "entities[" + std::to_string(index) + "]";
    CheckEntity(entities[index], path, errors);
    if (!entities[index].id.empty() && !seen.insert(entities[index].id).second) {
      errors.Add(path + ".id", "duplicate",
                 "the entity id \"" + entities[index].id + "\" is repeated");
    }
  }
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("the index cannot be built"));

  std::unique_ptr<RecordIndex> index(new RecordIndex(std::move(model), options));
  RecordPreparer preparer(index->model_.fields, index->model_.normalise);
  std::uint32_t slot = 0;
  for (std::uint32_t entity = 0; entity < entities.size(); ++entity) {
    index->entity_ids_.push_back(entities[entity].id);
    index->entity_by_id_.emplace(entities[entity].id, entity);
    std::vector<std::uint32_t>& slots = index->entity_slots_.emplace_back();
    for (const LinkageRecord& record : entities[entity].records) {
      LinkageRecord numbered = record;
      numbered.id = std::to_string(slot);
      numbered.source = 0;
      preparer.Add(numbered);
      slots.push_back(slot++);
      index->slot_entity_.push_back(entity);
    }
  }
  VIGIL_ASSIGN_OR_RETURN(index->records_, preparer.Finish(threads));
  VIGIL_ASSIGN_OR_RETURN(PairScorer scorer, PairScorer::Create(index->model_, index->records_));
  index->scorer_.emplace(std::move(scorer));
  const std::size_t fields = index->model_.fields.size();
  index->value_counts_.resize(fields);
  for (std::size_t field = 0; field < fields; ++field) {
    const FieldColumn& column = index->records_.column(field);
    std::vector<std::uint32_t>& counts = index->value_counts_[field];
    counts.assign(static_cast<std::size_t>(column.pool->values.size()) + 1, 0);
    for (std::uint32_t value : column.values) ++counts[value];
  }
  index->blocks_.resize(index->model_.blocking_rules.size());
  for (const BlockingRule& rule : index->model_.blocking_rules) {
    index->rule_descriptions_.push_back(rule.Describe());
  }
  for (std::uint32_t record = 0; record < index->records_.size(); ++record) {
    std::vector<std::uint32_t> row = index->SlotRow(record);
    for (std::size_t rule = 0; rule < index->blocks_.size(); ++rule) {
      std::uint64_t key = index->Key(rule, row);
      if (key != 0) index->blocks_[rule][key].push_back(record);
    }
  }
  return index;
}

std::vector<std::string> RecordIndex::NormaliseRecord(const LinkageRecord& record) const {
  std::vector<std::string> normalised;
  normalised.reserve(model_.fields.size());
  for (const FieldSpec& spec : model_.fields) {
    std::string_view raw = record.Get(spec.name);
    normalised.push_back(raw.empty() ? std::string() : Normalise(spec.kind, raw, model_.normalise));
  }
  return normalised;
}

bool RecordIndex::FindRow(std::span<const std::string> normalised,
                          std::vector<std::uint32_t>& row) const {
  bool complete = true;
  row.assign(normalised.size(), 0);
  for (std::size_t field = 0; field < normalised.size(); ++field) {
    if (normalised[field].empty()) continue;
    row[field] = records_.column(field).pool->values.Find(normalised[field]);
    if (row[field] == 0) complete = false;
  }
  return complete;
}

std::vector<std::uint32_t> RecordIndex::InternRowLocked(
    std::span<const std::string> normalised) const {
  std::vector<std::uint32_t> row;
  if (FindRow(normalised, row)) return row;
  for (std::size_t field = 0; field < normalised.size(); ++field) {
    if (normalised[field].empty() || row[field] != 0) continue;
    FieldColumn& column = records_.columns_[field];
    ValuePool& pool = *column.pool;
    const std::uint32_t before = pool.values.size();
    row[field] = pool.values.Intern(normalised[field]);
    if (pool.values.size() == before) continue;  // Interned by an earlier field (names).
    DeriveValueFeatures(pool, column.spec.kind, row[field], NicknameTable::Default());
    for (std::size_t other = 0; other < records_.columns_.size(); ++other) {
      FieldColumn& sharing = records_.columns_[other];
      if (sharing.pool.get() != &pool) continue;
      sharing.log2_term_frequency.resize(static_cast<std::size_t>(pool.values.size()) + 1, 0.0f);
      value_counts_[other].resize(static_cast<std::size_t>(pool.values.size()) + 1, 0);
    }
  }
  scorer_->Refresh();
  return row;
}

std::vector<std::uint32_t> RecordIndex::SlotRow(std::uint32_t slot) const {
  std::vector<std::uint32_t> row(model_.fields.size(), 0);
  for (std::size_t field = 0; field < row.size(); ++field) {
    row[field] = records_.column(field).values[slot];
  }
  return row;
}

std::uint64_t RecordIndex::Key(std::size_t rule, std::span<const std::uint32_t> row) const {
  const BlockingRule& spec = model_.blocking_rules[rule];
  std::uint64_t combined = static_cast<std::uint64_t>(rule) + 1;
  for (const BlockingKey& key : spec.keys) {
    const int field = model_.FieldIndex(key.field);
    if (field < 0) return 0;
    const std::uint32_t value = row[static_cast<std::size_t>(field)];
    if (value == 0) return 0;
    const std::uint64_t component =
        Component(key, *records_.column(static_cast<std::size_t>(field)).pool, value);
    if (component == 0) return 0;
    combined = Combine(combined, component);
  }
  return combined;
}

void RecordIndex::CountValueLocked(std::size_t field, std::uint32_t value, int delta) {
  if (value == 0) return;
  FieldColumn& column = records_.columns_[field];
  std::uint32_t& count = value_counts_[field][value];
  count = static_cast<std::uint32_t>(static_cast<int>(count) + delta);
  column.non_null = static_cast<std::uint64_t>(static_cast<std::int64_t>(column.non_null) + delta);
  // Only this value's frequency is refreshed; the others drift by at most
  // log2(n / (n + 1)) per change, which a bulk rebuild corrects.
  column.log2_term_frequency[value] =
      count == 0 ? 0.0f
                 : static_cast<float>(std::log2(static_cast<double>(count) /
                                                static_cast<double>(column.non_null)));
}

void RecordIndex::AddSlotLocked(std::uint32_t entity, std::span<const std::uint32_t> row) {
  const std::uint32_t slot = records_.size();
  const std::string id = std::to_string(slot);
  records_.id_characters_ += id;
  records_.id_offsets_.push_back(records_.id_characters_.size());
  records_.sources_.push_back(0);
  for (std::size_t field = 0; field < row.size(); ++field) {
    records_.columns_[field].values.push_back(row[field]);
    CountValueLocked(field, row[field], +1);
  }
  slot_entity_.push_back(entity);
  entity_slots_[entity].push_back(slot);
  for (std::size_t rule = 0; rule < blocks_.size(); ++rule) {
    std::uint64_t key = Key(rule, row);
    if (key != 0) blocks_[rule][key].push_back(slot);
  }
}

void RecordIndex::RemoveEntityLocked(std::uint32_t entity) {
  for (std::uint32_t slot : entity_slots_[entity]) {
    std::vector<std::uint32_t> row = SlotRow(slot);
    for (std::size_t rule = 0; rule < blocks_.size(); ++rule) {
      std::uint64_t key = Key(rule, row);
      if (key == 0) continue;
      auto found = blocks_[rule].find(key);
      if (found == blocks_[rule].end()) continue;
      Block& block = found->second;
      block.erase(std::remove(block.begin(), block.end(), slot), block.end());
      if (block.empty()) blocks_[rule].erase(found);
    }
    for (std::size_t field = 0; field < row.size(); ++field) {
      CountValueLocked(field, row[field], -1);
    }
  }
  entity_slots_[entity].clear();
}

core::Status RecordIndex::Upsert(const IndexEntity& entity) {
  core::ErrorCollector errors;
  CheckEntity(entity, "entity", errors);
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("the entity cannot be indexed"));
  std::vector<std::vector<std::string>> normalised;
  for (const LinkageRecord& record : entity.records) normalised.push_back(NormaliseRecord(record));
  std::unique_lock lock(mutex_);
  std::uint32_t index = 0;
  auto found = entity_by_id_.find(entity.id);
  if (found == entity_by_id_.end()) {
    index = static_cast<std::uint32_t>(entity_ids_.size());
    entity_ids_.push_back(entity.id);
    entity_slots_.emplace_back();
    entity_by_id_.emplace(entity.id, index);
  } else {
    index = found->second;
    RemoveEntityLocked(index);
  }
  for (const std::vector<std::string>& values : normalised) {
    std::vector<std::uint32_t> row = InternRowLocked(values);
    AddSlotLocked(index, row);
  }
  scorer_->Refresh();
  return core::Status();
}

bool RecordIndex::Remove(std::string_view id) {
  std::unique_lock lock(mutex_);
  auto found = entity_by_id_.find(std::string(id));
  if (found == entity_by_id_.end()) return false;
  RemoveEntityLocked(found->second);
  entity_by_id_.erase(found);
  return true;
}

std::size_t RecordIndex::size() const {
  std::shared_lock lock(mutex_);
  return entity_by_id_.size();
}

core::Result<IndexMatchResult> RecordIndex::Match(std::span<const LinkageRecord> query,
                                                  const MatchOptions& options) const {
  core::ErrorCollector errors;
  if (query.empty()) errors.Add("records", "required", "there is nothing to match");
  if (options.limit < 1 || options.limit > kMaxLimit) {
    errors.Add("limit", "out_of_range", "the limit must be between 1 and 1000");
  }
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("the query cannot be matched"));
  std::vector<std::vector<std::string>> normalised;
  for (const LinkageRecord& record : query) normalised.push_back(NormaliseRecord(record));

  // Rows of value ids; values never seen are interned first (write lock),
  // since comparators need their derived features.
  std::vector<std::vector<std::uint32_t>> rows(normalised.size());
  {
    bool complete = true;
    std::shared_lock lock(mutex_);
    for (std::size_t record = 0; record < normalised.size(); ++record) {
      complete = FindRow(normalised[record], rows[record]) && complete;
    }
    if (!complete) {
      lock.unlock();
      std::unique_lock write(mutex_);
      for (std::size_t record = 0; record < normalised.size(); ++record) {
        rows[record] = InternRowLocked(normalised[record]);
      }
    }
  }

  std::shared_lock lock(mutex_);
  IndexMatchResult result;
  const double threshold = MatchWeightFromProbability(
      options.threshold_match_probability.value_or(model_.threshold_match_probability));
  const std::size_t comparisons = scorer_->comparison_count();
  struct Best {
    double weight = 0;
    std::vector<std::uint8_t> levels;
    std::vector<float> contributions;
  };
  std::unordered_map<std::uint32_t, Best> best;  // By entity.
  std::vector<std::uint8_t> levels(comparisons);
  std::vector<float> contributions(comparisons);
  std::unordered_set<std::uint64_t> scored;  // (query record, slot).
  for (std::size_t record = 0; record < rows.size(); ++record) {
    const std::vector<std::uint32_t>& row = rows[record];
    for (std::size_t rule = 0; rule < blocks_.size(); ++rule) {
      std::uint64_t key = Key(rule, row);
      if (key == 0) continue;
      auto found = blocks_[rule].find(key);
      if (found == blocks_[rule].end()) continue;
      const Block& block = found->second;
      if (options_.max_block_size > 0 && block.size() > options_.max_block_size) {
        result.skipped_blocks.push_back({rule_descriptions_[rule], block.size()});
        continue;
      }
      std::size_t taken = 0;
      for (auto slot = block.rbegin(); slot != block.rend(); ++slot) {
        if (taken == options_.max_candidates_per_key ||
            result.candidates_scored == options_.max_candidates) {
          result.candidates_capped = true;
          break;
        }
        const std::uint32_t entity = slot_entity_[*slot];
        if (!options.exclude_id.empty() && entity_ids_[entity] == options.exclude_id) continue;
        if (!scored.insert((static_cast<std::uint64_t>(record) << 32) | *slot).second) continue;
        ++taken;
        ++result.candidates_scored;
        double weight = scorer_->ScoreRow(row, *slot, levels, contributions);
        auto [entry, inserted] = best.try_emplace(entity);
        if (inserted || weight > entry->second.weight) {
          entry->second.weight = weight;
          entry->second.levels = levels;
          entry->second.contributions = contributions;
        }
      }
    }
  }
  for (const auto& [entity, found] : best) {
    if (found.weight < threshold) continue;
    IndexMatch match;
    match.id = entity_ids_[entity];
    match.match_weight = found.weight;
    match.match_probability = ProbabilityFromMatchWeight(found.weight);
    for (std::size_t comparison = 0; comparison < comparisons; ++comparison) {
      const Comparison& spec = model_.comparisons[comparison];
      match.comparisons.push_back({spec.name, spec.levels[found.levels[comparison]].label,
                                   found.contributions[comparison]});
    }
    result.matches.push_back(std::move(match));
  }
  std::sort(result.matches.begin(), result.matches.end(),
            [](const IndexMatch& left, const IndexMatch& right) {
              if (left.match_weight != right.match_weight) {
                return left.match_weight > right.match_weight;
              }
              return left.id < right.id;
            });
  if (result.matches.size() > options.limit) result.matches.resize(options.limit);
  return result;
}

std::size_t RecordIndex::MemoryBytes() const {
  std::shared_lock lock(mutex_);
  std::size_t bytes = records_.MemoryBytes() + slot_entity_.capacity() * 4;
  bytes += static_cast<std::size_t>(records_.size()) * model_.fields.size() * 4;  // Scorer rows.
  for (const std::vector<std::uint32_t>& counts : value_counts_) bytes += counts.capacity() * 4;
  for (const std::string& id : entity_ids_) bytes += sizeof(std::string) + id.capacity();
  bytes += entity_by_id_.size() * (sizeof(std::string) + 32) + entity_slots_.size() * 32;
  for (const auto& rule : blocks_) {
    bytes += rule.bucket_count() * sizeof(void*);
    for (const auto& [key, block] : rule) bytes += 48 + block.capacity() * 4;
  }
  return bytes;
}

}  // namespace vigil::linkage
