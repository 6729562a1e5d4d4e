#include "services/services.h"

#include "services/audit_trail.h"
#include "services/order_support.h"

namespace vigil::services {

using internal::Authorize;
using internal::AuthorizeRead;
using internal::CheckVersion;
using storage::TransactionMode;

Services::Services(storage::Store& store, const domain::Lookups& lookups, const core::Clock& clock)
    : store_(store),
      lookups_(lookups),
      clock_(clock),
      owned_rules_(ScreeningRules::Embedded()),
      rules_(owned_rules_.get()),
      order_config_(internal::DefaultOrderConfigOrDie()) {}

Services::Services(storage::Store& store, const domain::Lookups& lookups, const core::Clock& clock,
                   ScreeningRules& rules)
    : store_(store),
      lookups_(lookups),
      clock_(clock),
      rules_(&rules),
      order_config_(internal::DefaultOrderConfigOrDie()) {}

core::Result<domain::Person> Services::CreatePerson(const Caller& caller, domain::Person person) {
  core::Timestamp now = clock_.Now();
  if (person.force.empty()) person.force = caller.actor.force;
  domain::NormalisePerson(person);
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_RETURN_IF_ERROR(
      Authorize(*transaction, caller, "person.create", "person", 0, person.force, now));
  VIGIL_RETURN_IF_ERROR(domain::ValidatePerson(person, lookups_, clock_.Today()));
  person.created_at = now;
  person.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->InsertPerson(person));
  domain::AuditEvent event =
      internal::MakeAuditEvent(caller, "person.created", "person", person.id.value, "done", now);
  VIGIL_RETURN_IF_ERROR(transaction->AppendAudit(event));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  IndexPerson(person);
  return person;
}

core::Result<domain::Person> Services::GetPerson(const Caller& caller, domain::PersonId id) {
  domain::Person person;
  {
    VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
    VIGIL_ASSIGN_OR_RETURN(person, transaction->GetPerson(id));
    VIGIL_RETURN_IF_ERROR(transaction->Commit());
  }
  VIGIL_RETURN_IF_ERROR(
      AuthorizeRead(store_, caller, "person.view", "person", id.value, person.force, clock_.Now()));
  return person;
}

core::Result<domain::Person> Services::UpdatePerson(const Caller& caller, domain::Person person) {
  core::Timestamp now = clock_.Now();
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_ASSIGN_OR_RETURN(domain::Person stored, transaction->GetPerson(person.id));
  VIGIL_RETURN_IF_ERROR(Authorize(*transaction, caller, "person.update", "person", stored.id.value,
                                  stored.force, now));
  if (person.force.empty()) person.force = stored.force;
  if (person.force != stored.force) {
    return core::InvalidArgument("a person cannot move to another force",
                                 {{"force", "not_allowed", "cannot be changed"}});
  }
  VIGIL_RETURN_IF_ERROR(CheckVersion("person", person.version, stored.version));
  domain::NormalisePerson(person);
  VIGIL_RETURN_IF_ERROR(domain::ValidatePerson(person, lookups_, clock_.Today()));
  person.created_at = stored.created_at;
  person.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->UpdatePerson(person));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  IndexPerson(person);
  return person;
}

core::Result<storage::PersonPage> Services::SearchPersons(const Caller& caller,
                                                          storage::PersonQuery query) {
  VIGIL_RETURN_IF_ERROR(internal::ScopeSearch(caller, query.force));
  VIGIL_RETURN_IF_ERROR(AuthorizeRead(store_, caller, "person.search", "person", 0,
                                      query.force.value_or(""), clock_.Now()));
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
  VIGIL_ASSIGN_OR_RETURN(storage::PersonPage page, transaction->SearchPersons(query));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return page;
}

}  // namespace vigil::services
