#pragma once
// PersonIndex: the in-product person index. It maps each stored
// domain::Person to linkage records and keeps them in a linkage::RecordIndex,
// so that "who is this?" for a new or edited person is answered from memory
// in milliseconds with the same model `vigil relink` trains.
//
// Mapping (PersonLinkageRecords): fields given_name, surname (names), dob
// (date, ISO), postcode, address (line 1, line 2 and town joined), phone,
// email, handle. A person with several names, phones, emails, handles or
// addresses becomes several records ("variants"), as many as the longest of
// those lists (at most kMaxPersonVariants): variant k takes the k-th value
// of each list, or the first when that list is shorter. Every alias is
// therefore blocked on and compared, and a match counts the best pair of
// variants, so an alias never lowers a match.
//
// Thread-safe: many concurrent Match calls, one Update or Remove at a time.

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "domain/person.h"
#include "linkage/default_model.h"
#include "linkage/record_index.h"
#include "storage/store.h"

namespace vigil::services {

inline constexpr std::size_t kMaxPersonVariants = 8;

// The fields and roles persons are linked on, in model order.
std::vector<linkage::RoleField> PersonLinkageFields();

// The default person model (DefaultModel over PersonLinkageFields) with
// untrained starting probabilities: what the index uses until `vigil relink`
// has trained one.
core::Result<linkage::Model> UntrainedPersonModel();

// The person's linkage records (one per variant; see above), ids
// "<person id>" for the first and "<person id>#<k>" for the others.
std::vector<linkage::LinkageRecord> PersonLinkageRecords(const domain::Person& person);

// One person the index suggests, with the evidence.
struct PersonMatchCandidate {
  domain::PersonId person_id;
  double match_weight = 0;
  double match_probability = 0;
  std::vector<linkage::ComparisonContribution> comparisons;
};

struct PersonMatchResult {
  std::vector<PersonMatchCandidate> candidates;  // Highest match weight first.
  int model_version = 0;
  bool model_trained = false;
  std::size_t candidates_scored = 0;
  std::vector<linkage::SkippedBlock> skipped_blocks;
  bool candidates_capped = false;
};

class PersonIndex {
 public:
  // An index of `persons` scoring with `model`. kInvalidArgument when the
  // model does not fit PersonLinkageFields.
  static core::Result<std::unique_ptr<PersonIndex>> Create(linkage::Model model,
                                                           std::span<const domain::Person> persons,
                                                           linkage::RecordIndexOptions options = {},
                                                           int threads = 1);

  // Reads every stored person (every force, id order, a page at a time in
  // one read transaction) and indexes them. The store's failures.
  static core::Result<std::unique_ptr<PersonIndex>> Load(storage::Store& store,
                                                         linkage::Model model,
                                                         linkage::RecordIndexOptions options = {},
                                                         int threads = 1);

  // Adds the stored person (id set), or replaces what the index held for it.
  core::Status Update(const domain::Person& person);

  // The stored persons most likely to be `person` (which need not be
  // stored; a stored person is never its own candidate), best first, at most
  // `limit` (1..1000), above the model's threshold. When `force` is set only
  // persons of that force are returned.
  core::Result<PersonMatchResult> Match(const domain::Person& person, std::size_t limit,
                                        const std::optional<std::string>& force) const;

  const linkage::Model& model() const { return index_->model(); }
  // The number of persons held.
  std::size_t size() const { return index_->size(); }
  // Approximate bytes held.
  std::size_t MemoryBytes() const { return index_->MemoryBytes(); }

 private:
  explicit PersonIndex(std::unique_ptr<linkage::RecordIndex> index) : index_(std::move(index)) {}

  std::unique_ptr<linkage::RecordIndex> index_;
  mutable std::shared_mutex forces_mutex_;
  std::unordered_map<std::int64_t, std::string> force_of_;  // Person id -> force.
};

}  // namespace vigil::services
