#pragma once
// PairScorer: a model compiled against prepared records, the hot path of
// linkage. For a pair of records it finds each comparison's level (the
// comparison vector) and adds up the match weights: the prior's weight plus
// each level's log2(m / u), term-frequency adjusted where the level asks.
// Scoring reads pre-computed ids and arrays and allocates nothing; the
// scorer keeps each record's value ids side by side (one cache line per
// record rather than one per field), since pairs visit records at random.
// Immutable after Create/SetWeights; Score may be called from many threads.
// The records must outlive the scorer.

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"
#include "linkage/comparator.h"
#include "linkage/model.h"
#include "linkage/prepared_records.h"

namespace vigil::linkage {

class PairScorer {
 public:
  // Compiles `model` for `records`, matching fields by name. kInvalidArgument
  // when the model is invalid, or a field it needs is missing from the
  // records or has a different kind there.
  static core::Result<PairScorer> Create(const Model& model, const PreparedRecords& records);

  // The number of comparisons (length of a comparison vector).
  std::size_t comparison_count() const { return comparisons_.size(); }
  // The number of levels of comparison `comparison`.
  std::size_t level_count(std::size_t comparison) const {
    return comparisons_[comparison].level_count;
  }

  // Writes the level index of every comparison for the pair into `levels`
  // (size comparison_count()). Null levels are index 0 when present.
  void ComputeLevels(std::uint32_t left, std::uint32_t right, std::span<std::uint8_t> levels) const;

  // The pair's total match weight (prior included). When given (size
  // comparison_count()), `levels` receives the comparison vector and
  // `contributions` each comparison's match weight, term frequency included.
  double Score(std::uint32_t left, std::uint32_t right, std::span<std::uint8_t> levels = {},
               std::span<float> contributions = {}) const;

  // As Score, with the left side given as a row of value ids (one per model
  // field, in model order, from the records' pools; 0 for null) rather than
  // a stored record: how an incremental index scores a query it does not hold.
  double ScoreRow(std::span<const std::uint32_t> left_row, std::uint32_t right,
                  std::span<std::uint8_t> levels = {}, std::span<float> contributions = {}) const;

  // The column of the records holding model field `field`.
  std::size_t record_column(std::size_t field) const { return record_columns_[field]; }

  // Catches up with records that grew after Create (records appended, values
  // interned, term frequencies resized): copies the new records' rows and
  // re-reads the term-frequency arrays. Not thread-safe: call with no Score
  // running (the incremental index holds its write lock).
  void Refresh();

  // Asks the processor to start loading `record`'s values, so that a later
  // Score or ComputeLevels of it does not wait for memory. No effect on results.
  void Prefetch(std::uint32_t record) const { __builtin_prefetch(Row(record)); }

  // Takes new m, u and prior from `model` (same comparisons and levels as
  // at Create; training calls this between iterations).
  void SetWeights(const Model& model);

  const PreparedRecords& records() const { return *records_; }

 private:
  struct Node {
    ComparatorKind kind = ComparatorKind::kElse;
    std::uint16_t field = 0;
    std::uint16_t other_field = 0;
    std::uint32_t first_child = 0;
    std::uint16_t child_count = 0;
    std::uint8_t slot = kNoSlot;  // Metric cache slot within the comparison.
    float at_least = 0;
    std::int32_t limit = 0;  // max_distance, max_days, max_years or length.
  };
  struct Level {
    std::uint32_t node = 0;
    float weight = 0;  // log2(m / u), 0 on the null level.
    bool tf = false;
    std::uint16_t tf_field = 0;
    float tf_weight = 0;
    float log2_u = 0;
    float log2_tf_minimum = 0;
  };
  struct CompiledComparison {
    std::uint32_t first_level = 0;
    std::uint32_t level_count = 0;
  };
  struct Field {
    const ValuePool* pool = nullptr;
    const float* log2_term_frequency = nullptr;
  };
  // A similarity or distance computed once per comparison and pair, however
  // many levels test it.
  struct Slot {
    ComparatorKind metric = ComparatorKind::kElse;
    std::uint16_t field = 0;
    std::int32_t bound = 0;  // Largest distance any level asks about.
  };
  static constexpr std::uint8_t kNoSlot = 255;
  static constexpr std::size_t kMaxSlots = 8;

  struct SlotCache {
    double value[kMaxSlots];
    bool known[kMaxSlots];
  };

  PairScorer() = default;
  core::Status Compile(const Model& model);
  std::uint32_t CompileNode(const Predicate& predicate, const Model& model,
                            std::vector<Slot>& slots);
  const std::uint32_t* Row(std::uint32_t record) const {
    return rows_.data() + static_cast<std::size_t>(record) * stride_;
  }
  bool Evaluate(const Node& node, const std::uint32_t* left, const std::uint32_t* right,
                SlotCache& cache, std::size_t slot_base) const;
  double Metric(const Node& node, std::uint32_t left_value, std::uint32_t right_value,
                SlotCache& cache, std::size_t slot_base) const;
  std::size_t FindLevel(std::size_t comparison, const std::uint32_t* left,
                        const std::uint32_t* right) const;
  float LevelWeight(const Level& level, const std::uint32_t* left,
                    const std::uint32_t* right) const;

  double ScoreRows(const std::uint32_t* left_row, const std::uint32_t* right_row,
                   std::span<std::uint8_t> levels, std::span<float> contributions) const;

  const PreparedRecords* records_ = nullptr;
  std::vector<std::size_t> record_columns_;  // Per model field, its column in records_.
  std::vector<Field> fields_;                // Indexed like the model's fields.
  std::vector<std::uint32_t> rows_;          // Per record, its value id of every model field.
  std::size_t stride_ = 0;
  std::vector<Node> nodes_;
  std::vector<Level> levels_;
  std::vector<CompiledComparison> comparisons_;
  std::vector<Slot> slots_;                // All comparisons' slots, comparison by comparison.
  std::vector<std::uint32_t> slot_begin_;  // Per comparison, into slots_.
  double prior_weight_ = 0;
};

}  // namespace vigil::linkage
