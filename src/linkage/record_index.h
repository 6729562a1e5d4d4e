#pragma once
// RecordIndex: the incremental, in-memory side of linkage, answering "who is
// this?" for one new or edited record among millions without a batch run.
// It holds entities (an id and one or more records, e.g. one per alias of a
// person), keeps each of the model's blocking rules as a hash map from key
// to the records holding it, and scores a query's candidates with the same
// PairScorer as batch prediction, returning the best entities above a
// threshold with their match weight, probability and per-comparison
// contributions. Records are normalised once, interned in the same value
// pools as RecordPreparer builds, and term frequencies are kept up to date
// as records come and go.
//
// Huge blocks are guarded: a key whose block holds more records than
// `max_block_size` is skipped (and reported in the result), at most
// `max_candidates_per_key` records are taken from any block (the most
// recently added) and at most `max_candidates` records are scored per query.
//
// Thread-safe: any number of concurrent Match calls, writers (Upsert,
// Remove) one at a time, excluding readers (std::shared_mutex).

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "linkage/model.h"
#include "linkage/prepared_records.h"
#include "linkage/record.h"
#include "linkage/scorer.h"

namespace vigil::linkage {

// One thing the index can find: an id unique in the index and one or more
// records describing it (each scored separately; the best counts). The
// records' own ids are ignored.
struct IndexEntity {
  std::string id;
  std::vector<LinkageRecord> records;
};

struct RecordIndexOptions {
  std::size_t max_block_size = 5000;         // Keys with larger blocks are skipped.
  std::size_t max_candidates_per_key = 200;  // Records taken from one block at most.
  std::size_t max_candidates = 2000;         // Records scored per query at most.
};

struct MatchOptions {
  std::size_t limit = 10;  // Entities returned at most (1..1000).
  // Entities below this match probability are left out; empty: the model's
  // threshold_match_probability.
  std::optional<double> threshold_match_probability;
  std::string exclude_id;  // An entity never returned (the query itself, when stored).
};

// One comparison's part in a match: the level reached and its match weight
// (term frequency included).
struct ComparisonContribution {
  std::string comparison;
  std::string level;
  double weight = 0;
};

struct IndexMatch {
  std::string id;           // The entity's id.
  double match_weight = 0;  // log2 odds, prior included (best of its records).
  double match_probability = 0;
  std::vector<ComparisonContribution> comparisons;  // In model order.
};

// A block the query was not compared against because it was too large.
struct SkippedBlock {
  std::string rule;  // BlockingRule::Describe().
  std::size_t size = 0;
};

struct IndexMatchResult {
  std::vector<IndexMatch> matches;  // Highest match weight first, then id.
  std::size_t candidates_scored = 0;
  std::vector<SkippedBlock> skipped_blocks;
  bool candidates_capped = false;  // A per-key or per-query cap left records out.
};

class RecordIndex {
 public:
  // An index scoring with `model` (validated), holding `entities` (built in
  // bulk with up to `threads` threads). kInvalidArgument when the model is
  // invalid or links two sources, an entity id is empty or repeated, or an
  // entity has no records.
  static core::Result<std::unique_ptr<RecordIndex>> Create(Model model,
                                                           std::span<const IndexEntity> entities,
                                                           RecordIndexOptions options = {},
                                                           int threads = 1);

  RecordIndex(const RecordIndex&) = delete;
  RecordIndex& operator=(const RecordIndex&) = delete;

  // Adds the entity, or replaces every record of the entity with that id.
  // kInvalidArgument when the id is empty or there are no records.
  core::Status Upsert(const IndexEntity& entity);
  // Removes the entity with `id`; true when there was one.
  bool Remove(std::string_view id);

  // The entities most likely to be the one the `query` records describe
  // (scored record by record; each entity's best pair counts).
  // kInvalidArgument when there are no query records or the limit is out of
  // range.
  core::Result<IndexMatchResult> Match(std::span<const LinkageRecord> query,
                                       const MatchOptions& options) const;

  // The number of entities held.
  std::size_t size() const;
  const Model& model() const { return model_; }
  // Approximate bytes held (records, pools, key maps).
  std::size_t MemoryBytes() const;

 private:
  using Block = std::vector<std::uint32_t>;  // Record slots, oldest first.

  RecordIndex(Model model, RecordIndexOptions options);
  // Rows of value ids (0 for null) for raw records; interns values the pools
  // lack (takes the write lock when there are any).
  std::vector<std::string> NormaliseRecord(const LinkageRecord& record) const;
  // The value ids of normalised values (0 when a pool lacks one), and
  // whether every value was found.
  bool FindRow(std::span<const std::string> normalised, std::vector<std::uint32_t>& row) const;
  // As FindRow, interning (and deriving) values the pools lack. Write lock held.
  std::vector<std::uint32_t> InternRowLocked(std::span<const std::string> normalised) const;
  std::vector<std::uint32_t> SlotRow(std::uint32_t slot) const;
  std::uint64_t Key(std::size_t rule, std::span<const std::uint32_t> row) const;
  void AddSlotLocked(std::uint32_t entity, std::span<const std::uint32_t> row);
  void RemoveEntityLocked(std::uint32_t entity);
  void CountValueLocked(std::size_t field, std::uint32_t value, int delta);

  Model model_;
  RecordIndexOptions options_;
  mutable std::shared_mutex mutex_;
  // Grown by queries too (values interned), hence mutable; always under the
  // write lock.
  mutable PreparedRecords records_;
  mutable std::optional<PairScorer> scorer_;
  mutable std::vector<std::vector<std::uint32_t>> value_counts_;  // Per field, per value id.
  std::vector<std::uint32_t> slot_entity_;                        // Per record slot.
  std::vector<std::string> entity_ids_;
  std::vector<std::vector<std::uint32_t>> entity_slots_;  // Empty once removed.
  std::unordered_map<std::string, std::uint32_t> entity_by_id_;
  std::vector<std::unordered_map<std::uint64_t, Block>> blocks_;  // Per blocking rule.
  std::vector<std::string> rule_descriptions_;
};

}  // namespace vigil::linkage
