#include "core/logging.h"
#include "services/audit_trail.h"
#include "services/person_index.h"
#include "services/services.h"

namespace vigil::services {

void Services::SetPersonIndex(std::shared_ptr<PersonIndex> index) {
  person_index_ = std::move(index);
}

void Services::IndexPerson(const domain::Person& person) const {
  if (!person_index_) return;
  core::Status indexed = person_index_->Update(person);
  if (!indexed.ok()) {
    // The person is stored; only suggestions for them are missing until the
    // next start or relink.
    core::Log(core::LogLevel::kWarning, "person_index.update_failed",
              {{"person_id", std::to_string(person.id.value)}, {"error", indexed.message()}});
  }
}

core::Result<PersonMatchResult> Services::MatchPerson(const Caller& caller, domain::Person person,
                                                      std::size_t limit) {
  core::Timestamp now = clock_.Now();
  // Candidates come from the caller's force only (every force for system);
  // a query naming another force is refused like reading its records.
  std::optional<std::string> force;
  VIGIL_RETURN_IF_ERROR(internal::ScopeSearch(caller, force));
  if (person.force.empty()) person.force = caller.actor.force;
  VIGIL_RETURN_IF_ERROR(internal::AuthorizeRead(store_, caller, "person.match", "person",
                                                person.id.value, person.force, now));
  domain::NormalisePerson(person);
  core::ErrorCollector errors;
  core::Status valid = domain::ValidatePerson(person, lookups_, clock_.Today());
  for (const core::FieldError& error : valid.field_errors()) {
    // Nothing is stored, so a system caller need not name a force.
    if (error.field == "force" && person.force.empty()) continue;
    errors.Add(error.field, error.code, error.message);
  }
  if (limit < 1 || limit > 100) errors.Add("limit", "out_of_range", "must be between 1 and 100");
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("the person cannot be matched"));
  if (!person_index_) return core::FailedPrecondition("the person index is not loaded");
  return person_index_->Match(person, limit, force);
}

}  // namespace vigil::services
