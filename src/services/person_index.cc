#include "services/person_index.h"

#include <algorithm>
#include <mutex>

#include "core/time.h"

namespace vigil::services {
namespace {

constexpr std::size_t kMaxLimit = 1000;
constexpr int kLoadPageSize = 500;

std::string AddressLine(const domain::Address& address) {
  std::string line;
  for (const std::string* part : {&address.line1, &address.line2, &address.town}) {
    if (part->empty()) continue;
    if (!line.empty()) line += ' ';
    line += *part;
  }
  return line;
}

template <typename T, typename F>
std::string Pick(const std::vector<T>& values, std::size_t variant, F&& get) {
  if (values.empty()) return "";
  return get(values[variant < values.size() ? variant : 0]);
}

linkage::IndexEntity Entity(const domain::Person& person) {
  return linkage::IndexEntity{std::to_string(person.id.value), PersonLinkageRecords(person)};
}

}  // namespace

std::vector<linkage::RoleField> PersonLinkageFields() {
  using linkage::FieldRole;
  return {{"given_name", FieldRole::kGivenName}, {"surname", FieldRole::kSurname},
          {"dob", FieldRole::kDateOfBirth},      {"postcode", FieldRole::kPostcode},
          {"address", FieldRole::kAddress},      {"phone", FieldRole::kPhone},
          {"email", FieldRole::kEmail},          {"handle", FieldRole::kHandle}};
}

core::Result<linkage::Model> UntrainedPersonModel() {
  std::vector<linkage::RoleField> fields = PersonLinkageFields();
  VIGIL_ASSIGN_OR_RETURN(linkage::Model model,
                         linkage::DefaultModel(fields, linkage::LinkType::kDeduplicate));
  linkage::SetUntrainedProbabilities(model);
  return model;
}

std::vector<linkage::LinkageRecord> PersonLinkageRecords(const domain::Person& person) {
  std::size_t variants =
      std::max<std::size_t>({1, person.names.size(), person.phones.size(), person.emails.size(),
                             person.handles.size(), person.addresses.size()});
  variants = std::min(variants, kMaxPersonVariants);
  const std::string dob =
      person.date_of_birth ? core::FormatDate(*person.date_of_birth) : std::string();
  std::vector<linkage::LinkageRecord> records;
  for (std::size_t variant = 0; variant < variants; ++variant) {
    linkage::LinkageRecord record;
    record.id = std::to_string(person.id.value);
    if (variant > 0) record.id += "#" + std::to_string(variant);
    auto self = [](const std::string& value) { return value; };
    record.fields = {
        {"given_name",
         Pick(person.names, variant, [](const domain::PersonName& n) { return n.given_name; })},
        {"surname",
         Pick(person.names, variant, [](const domain::PersonName& n) { return n.family_name; })},
        {"dob", dob},
        {"postcode", Pick(person.addresses, variant,
                          [](const domain::Address& address) { return address.postcode; })},
        {"address", Pick(person.addresses, variant, AddressLine)},
        {"phone", Pick(person.phones, variant, self)},
        {"email", Pick(person.emails, variant, self)},
        {"handle", Pick(person.handles, variant,
                        [](const domain::OnlineHandle& handle) { return handle.handle; })}};
    records.push_back(std::move(record));
  }
  return records;
}

core::Result<std::unique_ptr<PersonIndex>> PersonIndex::Create(
    linkage::Model model, std::span<const domain::Person> persons,
    linkage::RecordIndexOptions options, int threads) {
  std::vector<linkage::IndexEntity> entities;
  entities.reserve(persons.size());
  for (const domain::Person& person : persons) entities.push_back(Entity(person));
  VIGIL_ASSIGN_OR_RETURN(
      std::unique_ptr<linkage::RecordIndex> index,
      linkage::RecordIndex::Create(std::move(model), entities, options, threads));
  std::unique_ptr<PersonIndex> result(new PersonIndex(std::move(index)));
  for (const domain::Person& person : persons) result->force_of_[person.id.value] = person.force;
  return result;
}

core::Result<std::unique_ptr<PersonIndex>> PersonIndex::Load(storage::Store& store,
                                                             linkage::Model model,
                                                             linkage::RecordIndexOptions options,
                                                             int threads) {
  std::vector<domain::Person> persons;
  {
    VIGIL_ASSIGN_OR_RETURN(auto transaction, store.Begin(storage::TransactionMode::kRead));
    storage::PersonQuery query;
    query.limit = kLoadPageSize;
    while (true) {
      VIGIL_ASSIGN_OR_RETURN(storage::PersonPage page, transaction->SearchPersons(query));
      for (domain::Person& person : page.items) persons.push_back(std::move(person));
      if (!page.next_cursor) break;
      query.cursor = page.next_cursor;
    }
    VIGIL_RETURN_IF_ERROR(transaction->Commit());
  }
  return Create(std::move(model), persons, options, threads);
}

core::Status PersonIndex::Update(const domain::Person& person) {
  VIGIL_RETURN_IF_ERROR(index_->Upsert(Entity(person)));
  std::unique_lock lock(forces_mutex_);
  force_of_[person.id.value] = person.force;
  return core::Status::Ok();
}

core::Result<PersonMatchResult> PersonIndex::Match(const domain::Person& person, std::size_t limit,
                                                   const std::optional<std::string>& force) const {
  if (limit < 1 || limit > kMaxLimit) {
    return core::InvalidArgument("the limit is out of range",
                                 {{"limit", "out_of_range", "must be between 1 and 1000"}});
  }
  linkage::MatchOptions options;
  // Ask for every match above the threshold, then keep the caller's force.
  options.limit = force ? kMaxLimit : limit;
  if (person.id.value != 0) options.exclude_id = std::to_string(person.id.value);
  VIGIL_ASSIGN_OR_RETURN(linkage::IndexMatchResult found,
                         index_->Match(PersonLinkageRecords(person), options));
  PersonMatchResult result;
  result.model_version = index_->model().model_version;
  result.model_trained = index_->model().trained;
  result.candidates_scored = found.candidates_scored;
  result.skipped_blocks = std::move(found.skipped_blocks);
  result.candidates_capped = found.candidates_capped;
  std::shared_lock lock(forces_mutex_);
  for (linkage::IndexMatch& match : found.matches) {
    const std::int64_t id = std::stoll(match.id);
    if (force) {
      auto known = force_of_.find(id);
      if (known == force_of_.end() || known->second != *force) continue;
    }
    result.candidates.push_back({domain::PersonId{id}, match.match_weight, match.match_probability,
                                 std::move(match.comparisons)});
    if (result.candidates.size() == limit) break;
  }
  return result;
}

}  // namespace vigil::services
