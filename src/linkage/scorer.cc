#include "linkage/scorer.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/check.h"
#include "linkage/string_similarity.h"

namespace vigil::linkage {
namespace {

bool IsMetric(ComparatorKind kind) {
  return kind == ComparatorKind::kJaroWinkler || kind == ComparatorKind::kJaro ||
         kind == ComparatorKind::kLevenshtein || kind == ComparatorKind::kDamerauLevenshtein ||
         kind == ComparatorKind::kTokenJaccard;
}

double TokenJaccard(const ValuePool& pool, std::uint32_t left, std::uint32_t right) {
  const std::uint32_t* left_begin = pool.token_ids.data() + pool.token_begin[left];
  const std::uint32_t* left_end = pool.token_ids.data() + pool.token_begin[left + 1];
  const std::uint32_t* right_begin = pool.token_ids.data() + pool.token_begin[right];
  const std::uint32_t* right_end = pool.token_ids.data() + pool.token_begin[right + 1];
  std::size_t left_size = static_cast<std::size_t>(left_end - left_begin);
  std::size_t right_size = static_cast<std::size_t>(right_end - right_begin);
  if (left_size == 0 && right_size == 0) return 1.0;
  std::size_t shared = 0;
  while (left_begin != left_end && right_begin != right_end) {
    if (*left_begin < *right_begin) {
      ++left_begin;
    } else if (*right_begin < *left_begin) {
      ++right_begin;
    } else {
      ++shared;
      ++left_begin;
      ++right_begin;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(left_size + right_size - shared);
}

bool ShareFormalName(const ValuePool& pool, std::uint32_t left, std::uint32_t right) {
  for (std::uint32_t index = pool.formal_begin[left]; index < pool.formal_begin[left + 1];
       ++index) {
    for (std::uint32_t other = pool.formal_begin[right]; other < pool.formal_begin[right + 1];
         ++other) {
      if (pool.formal_ids[index] == pool.formal_ids[other]) return true;
    }
  }
  return false;
}

bool SameCode(const std::vector<std::uint32_t>& codes, std::uint32_t left, std::uint32_t right) {
  return codes[left] != 0 && codes[left] == codes[right];
}

}  // namespace

core::Result<PairScorer> PairScorer::Create(const Model& model, const PreparedRecords& records) {
  VIGIL_RETURN_IF_ERROR(ValidateModel(model));
  PairScorer scorer;
  scorer.records_ = &records;
  core::ErrorCollector errors;
  for (const FieldSpec& spec : model.fields) {
    int column = records.FieldIndex(spec.name);
    if (column < 0) {
      errors.Add("fields." + spec.name, "missing",
                 "the records have no field \"" + spec.name + "\"");
      scorer.fields_.push_back({});
      continue;
    }
    const FieldColumn& prepared = records.column(static_cast<std::size_t>(column));
    if (prepared.spec.kind != spec.kind) {
      errors.Add("fields." + spec.name, "wrong_kind",
                 "the records hold \"" + spec.name + "\" as " +
                     std::string(FieldKindName(prepared.spec.kind)) + ", the model as " +
                     std::string(FieldKindName(spec.kind)));
    }
    scorer.fields_.push_back(Field{prepared.pool.get(), prepared.log2_term_frequency.data()});
  }
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("the model does not fit the records"));
  scorer.stride_ = model.fields.size();
  for (const FieldSpec& spec : model.fields) {
    scorer.record_columns_.push_back(static_cast<std::size_t>(records.FieldIndex(spec.name)));
  }
  scorer.Refresh();
  VIGIL_RETURN_IF_ERROR(scorer.Compile(model));
  return scorer;
}

void PairScorer::Refresh() {
  const std::size_t first = rows_.size() / (stride_ == 0 ? 1 : stride_);
  rows_.resize(static_cast<std::size_t>(records_->size()) * stride_);
  for (std::size_t field = 0; field < stride_; ++field) {
    const FieldColumn& column = records_->column(record_columns_[field]);
    fields_[field] = Field{column.pool.get(), column.log2_term_frequency.data()};
    for (std::uint32_t record = static_cast<std::uint32_t>(first); record < records_->size();
         ++record) {
      rows_[static_cast<std::size_t>(record) * stride_ + field] = column.values[record];
    }
  }
}

core::Status PairScorer::Compile(const Model& model) {
  for (const Comparison& comparison : model.comparisons) {
    std::vector<Slot> slots;
    CompiledComparison compiled;
    compiled.first_level = static_cast<std::uint32_t>(levels_.size());
    compiled.level_count = static_cast<std::uint32_t>(comparison.levels.size());
    for (const ComparisonLevel& level : comparison.levels) {
      Level compiled_level;
      compiled_level.node = CompileNode(level.predicate, model, slots);
      if (level.tf_adjustment && !level.is_null_level) {
        compiled_level.tf = true;
        const std::string& tf_field =
            level.tf_field.empty() ? level.predicate.field : level.tf_field;
        compiled_level.tf_field = static_cast<std::uint16_t>(model.FieldIndex(tf_field));
      }
      levels_.push_back(compiled_level);
    }
    slot_begin_.push_back(static_cast<std::uint32_t>(slots_.size()));
    slots_.insert(slots_.end(), slots.begin(), slots.end());
    comparisons_.push_back(compiled);
  }
  slot_begin_.push_back(static_cast<std::uint32_t>(slots_.size()));
  SetWeights(model);
  return core::Status::Ok();
}

std::uint32_t PairScorer::CompileNode(const Predicate& predicate, const Model& model,
                                      std::vector<Slot>& slots) {
  Node node;
  node.kind = predicate.comparator;
  if (!predicate.field.empty())
    node.field = static_cast<std::uint16_t>(model.FieldIndex(predicate.field));
  if (!predicate.other_field.empty()) {
    node.other_field = static_cast<std::uint16_t>(model.FieldIndex(predicate.other_field));
  }
  node.at_least = static_cast<float>(predicate.at_least);
  switch (predicate.comparator) {
    case ComparatorKind::kLevenshtein:
    case ComparatorKind::kDamerauLevenshtein:
      node.limit = predicate.max_distance;
      break;
    case ComparatorKind::kDateWithinDays:
      node.limit = predicate.max_days;
      break;
    case ComparatorKind::kYearWithin:
      node.limit = predicate.max_years;
      break;
    case ComparatorKind::kPrefix:
      node.limit = predicate.length;
      break;
    default:
      break;
  }
  if (IsMetric(node.kind)) {
    auto found = std::find_if(slots.begin(), slots.end(), [&](const Slot& slot) {
      return slot.metric == node.kind && slot.field == node.field;
    });
    if (found != slots.end()) {
      found->bound = std::max(found->bound, node.limit);
      node.slot = static_cast<std::uint8_t>(found - slots.begin());
    } else if (slots.size() < kMaxSlots) {
      node.slot = static_cast<std::uint8_t>(slots.size());
      slots.push_back(Slot{node.kind, node.field, node.limit});
    }
  }
  // Children are compiled first so that they sit contiguously.
  std::vector<std::uint32_t> children;
  for (const Predicate& child : predicate.children) {
    children.push_back(CompileNode(child, model, slots));
  }
  if (!children.empty()) {
    node.first_child = static_cast<std::uint32_t>(nodes_.size());
    node.child_count = static_cast<std::uint16_t>(children.size());
    for (std::uint32_t child : children) nodes_.push_back(nodes_[child]);
  }
  nodes_.push_back(node);
  return static_cast<std::uint32_t>(nodes_.size() - 1);
}

void PairScorer::SetWeights(const Model& model) {
  std::size_t index = 0;
  for (const Comparison& comparison : model.comparisons) {
    for (const ComparisonLevel& level : comparison.levels) {
      Level& compiled = levels_[index++];
      compiled.weight = static_cast<float>(level.MatchWeight());
      compiled.tf_weight = static_cast<float>(level.tf_adjustment_weight);
      compiled.log2_u = static_cast<float>(std::log2(level.u_probability));
      compiled.log2_tf_minimum = static_cast<float>(std::log2(level.tf_minimum_u));
    }
  }
  prior_weight_ = model.PriorMatchWeight();
}

double PairScorer::Metric(const Node& node, std::uint32_t left_value, std::uint32_t right_value,
                          SlotCache& cache, std::size_t slot_base) const {
  if (node.slot != kNoSlot && cache.known[node.slot]) return cache.value[node.slot];
  const ValuePool& pool = *fields_[node.field].pool;
  std::string_view left = pool.values.View(left_value);
  std::string_view right = pool.values.View(right_value);
  std::int32_t bound = node.slot != kNoSlot ? slots_[slot_base + node.slot].bound : node.limit;
  double value = 0;
  switch (node.kind) {
    case ComparatorKind::kJaroWinkler:
      value = JaroWinklerSimilarity(left, right);
      break;
    case ComparatorKind::kJaro:
      value = JaroSimilarity(left, right);
      break;
    case ComparatorKind::kLevenshtein:
      value = LevenshteinDistance(left, right, bound);
      break;
    case ComparatorKind::kDamerauLevenshtein:
      value = DamerauLevenshteinDistance(left, right, bound);
      break;
    case ComparatorKind::kTokenJaccard:
      value = TokenJaccard(pool, left_value, right_value);
      break;
    default:
      break;
  }
  if (node.slot != kNoSlot) {
    cache.known[node.slot] = true;
    cache.value[node.slot] = value;
  }
  return value;
}

bool PairScorer::Evaluate(const Node& node, const std::uint32_t* left, const std::uint32_t* right,
                          SlotCache& cache, std::size_t slot_base) const {
  switch (node.kind) {
    case ComparatorKind::kElse:
      return true;
    case ComparatorKind::kAllOf:
      for (std::uint32_t child = 0; child < node.child_count; ++child) {
        if (!Evaluate(nodes_[node.first_child + child], left, right, cache, slot_base))
          return false;
      }
      return true;
    case ComparatorKind::kAnyOf:
      for (std::uint32_t child = 0; child < node.child_count; ++child) {
        if (Evaluate(nodes_[node.first_child + child], left, right, cache, slot_base)) return true;
      }
      return false;
    default:
      break;
  }
  const Field& field = fields_[node.field];
  const std::uint32_t a = left[node.field];
  const std::uint32_t b = right[node.field];
  if (node.kind == ComparatorKind::kNull) return a == 0 || b == 0;
  if (a == 0 || b == 0) return false;
  const ValuePool& pool = *field.pool;
  switch (node.kind) {
    case ComparatorKind::kExact:
      return a == b;
    case ComparatorKind::kExactSwapped: {
      const std::uint32_t other_a = left[node.other_field];
      const std::uint32_t other_b = right[node.other_field];
      return other_a != 0 && other_b != 0 && a == other_b && other_a == b;
    }
    case ComparatorKind::kExactCrosswise:
      return a == right[node.other_field] || left[node.other_field] == b;
    case ComparatorKind::kJaroWinkler:
    case ComparatorKind::kJaro:
    case ComparatorKind::kTokenJaccard:
      return a == b || Metric(node, a, b, cache, slot_base) >= node.at_least;
    case ComparatorKind::kLevenshtein:
    case ComparatorKind::kDamerauLevenshtein:
      return a == b || Metric(node, a, b, cache, slot_base) <= node.limit;
    case ComparatorKind::kMetaphone:
      return SameCode(pool.metaphone, a, b);
    case ComparatorKind::kSoundex:
      return SameCode(pool.soundex, a, b);
    case ComparatorKind::kNickname:
      return ShareFormalName(pool, a, b);
    case ComparatorKind::kInitial: {
      std::string_view left_value = pool.values.View(a);
      std::string_view right_value = pool.values.View(b);
      return (left_value.size() == 1 || right_value.size() == 1) && left_value[0] == right_value[0];
    }
    case ComparatorKind::kPrefix: {
      // Values shorter than the prefix are compared whole.
      std::size_t length = static_cast<std::size_t>(node.limit);
      return pool.values.View(a).substr(0, length) == pool.values.View(b).substr(0, length);
    }
    case ComparatorKind::kDateWithinDays: {
      const PackedDate& left_date = pool.dates[a];
      const PackedDate& right_date = pool.dates[b];
      return left_date.complete && right_date.complete &&
             std::abs(left_date.day_number - right_date.day_number) <= node.limit;
    }
    case ComparatorKind::kYearWithin: {
      int left_year = pool.dates[a].year;
      int right_year = pool.dates[b].year;
      return left_year != 0 && right_year != 0 && std::abs(left_year - right_year) <= node.limit;
    }
    case ComparatorKind::kDayMonthSwap: {
      const PackedDate& left_date = pool.dates[a];
      const PackedDate& right_date = pool.dates[b];
      return left_date.complete && right_date.complete && left_date.year == right_date.year &&
             left_date.day == right_date.month && left_date.month == right_date.day &&
             left_date.day != left_date.month;
    }
    case ComparatorKind::kPostcodeSector:
      return SameCode(pool.postcode_sector, a, b);
    case ComparatorKind::kPostcodeDistrict:
      return SameCode(pool.postcode_district, a, b);
    case ComparatorKind::kPostcodeArea:
      return SameCode(pool.postcode_area, a, b);
    default:
      return false;
  }
}

std::size_t PairScorer::FindLevel(std::size_t comparison, const std::uint32_t* left,
                                  const std::uint32_t* right) const {
  const CompiledComparison& compiled = comparisons_[comparison];
  SlotCache cache;
  std::memset(cache.known, 0, sizeof(cache.known));
  const std::size_t slot_base = slot_begin_[comparison];
  for (std::uint32_t level = 0; level < compiled.level_count; ++level) {
    const Node& node = nodes_[levels_[compiled.first_level + level].node];
    if (Evaluate(node, left, right, cache, slot_base)) return level;
  }
  return compiled.level_count - 1;  // Unreachable: the last level is "else".
}

float PairScorer::LevelWeight(const Level& level, const std::uint32_t* left,
                              const std::uint32_t* right) const {
  if (!level.tf) return level.weight;
  const Field& field = fields_[level.tf_field];
  const std::uint32_t a = left[level.tf_field];
  const std::uint32_t b = right[level.tf_field];
  if (a == 0 || b == 0) return level.weight;
  float log2_tf =
      std::max({field.log2_term_frequency[a], field.log2_term_frequency[b], level.log2_tf_minimum});
  return level.weight + level.tf_weight * (level.log2_u - log2_tf);
}

void PairScorer::ComputeLevels(std::uint32_t left, std::uint32_t right,
                               std::span<std::uint8_t> levels) const {
  VIGIL_DCHECK(levels.size() == comparisons_.size());
  const std::uint32_t* left_row = Row(left);
  const std::uint32_t* right_row = Row(right);
  for (std::size_t comparison = 0; comparison < comparisons_.size(); ++comparison) {
    levels[comparison] = static_cast<std::uint8_t>(FindLevel(comparison, left_row, right_row));
  }
}

double PairScorer::Score(std::uint32_t left, std::uint32_t right, std::span<std::uint8_t> levels,
                         std::span<float> contributions) const {
  return ScoreRows(Row(left), Row(right), levels, contributions);
}

double PairScorer::ScoreRow(std::span<const std::uint32_t> left_row, std::uint32_t right,
                            std::span<std::uint8_t> levels, std::span<float> contributions) const {
  VIGIL_DCHECK(left_row.size() == stride_);
  return ScoreRows(left_row.data(), Row(right), levels, contributions);
}

double PairScorer::ScoreRows(const std::uint32_t* left_row, const std::uint32_t* right_row,
                             std::span<std::uint8_t> levels, std::span<float> contributions) const {
  double total = prior_weight_;
  for (std::size_t comparison = 0; comparison < comparisons_.size(); ++comparison) {
    std::size_t level = FindLevel(comparison, left_row, right_row);
    float weight =
        LevelWeight(levels_[comparisons_[comparison].first_level + level], left_row, right_row);
    total += weight;
    if (!levels.empty()) levels[comparison] = static_cast<std::uint8_t>(level);
    if (!contributions.empty()) contributions[comparison] = weight;
  }
  return total;
}

}  // namespace vigil::linkage
