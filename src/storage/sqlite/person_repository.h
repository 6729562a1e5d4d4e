#pragma once
// PersonRepository: persons in SQLite — the persons row plus child tables
// for names (with ASCII-lower-cased copies for prefix search), phones, emails,
// handles, addresses and vehicles, each keyed by (person_id, position) so
// list order survives a round trip. Runs inside the caller's transaction on
// the caller's Connection; not thread-safe beyond that.

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "domain/person.h"
#include "storage/sqlite/connection.h"
#include "storage/store.h"

namespace vigil::storage::sqlite {

class PersonRepository {
 public:
  explicit PersonRepository(Connection& connection) : connection_(connection) {}

  // Stores a new person with version 1; on success sets `person.id` and
  // `person.version`.
  core::Status Insert(domain::Person& person);
  // kNotFound when there is no person `id`.
  core::Result<domain::Person> Get(domain::PersonId id);
  // Replaces the stored person (and every list) when `person.version` is
  // current, then bumps the version; created_at is kept as first stored and
  // copied back. kNotFound or kConflict as store.h describes.
  core::Status Update(domain::Person& person);
  // Persons matching `query`, by id ascending; see storage::PersonQuery.
  // kInvalidArgument for a limit outside 1–500 or a malformed cursor.
  core::Result<PersonPage> Search(const PersonQuery& query);

  // The persons with these ids, in the order given; ids with no person are
  // left out. Loads every person's lists with one query per list.
  core::Result<std::vector<domain::Person>> Load(const std::vector<std::int64_t>& ids);
  // kNotFound ("person 42 does not exist") for the first id with no person.
  core::Status CheckExist(const std::vector<std::int64_t>& ids);

 private:
  core::Status InsertLists(std::int64_t person_id, const domain::Person& person);
  core::Status DeleteLists(std::int64_t person_id);

  Connection& connection_;
};

}  // namespace vigil::storage::sqlite
