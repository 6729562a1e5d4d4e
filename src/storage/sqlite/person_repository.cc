#include "storage/sqlite/person_repository.h"

#include <map>
#include <string>

#include "domain/text.h"
#include "storage/paging.h"
#include "storage/sqlite/row_values.h"
#include "storage/sqlite/sql_filter.h"

namespace vigil::storage::sqlite {
namespace {

constexpr char kPersonColumns[] =
    "SELECT id, version, force, date_of_birth, created_at, updated_at FROM persons";

// The stored, searchable form of a name: trimmed and lower-cased.
std::string FoldName(std::string_view name) { return domain::ToLower(domain::Trim(name)); }

// Runs `sql` (its one parameter the JSON id list, its first column the
// person id) and hands each row to `read` with the person it belongs to.
template <typename Read>
core::Status ForEachListRow(Connection& connection, const std::string& sql,
                            const std::string& id_list,
                            std::map<std::int64_t, domain::Person>& persons, Read read) {
  VIGIL_ASSIGN_OR_RETURN(Statement statement, connection.Prepare(sql));
  statement.Bind(1, std::string_view(id_list));
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) return core::Status::Ok();
    auto found = persons.find(statement.Integer(0));
    if (found != persons.end()) read(statement, found->second);
  }
}

}  // namespace

core::Status PersonRepository::Insert(domain::Person& person) {
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection_.Prepare("INSERT INTO persons (version, force, date_of_birth, created_at,"
                          " updated_at) VALUES (1, ?, ?, ?, ?)"));
  std::optional<std::int64_t> date_of_birth;
  if (person.date_of_birth) date_of_birth = ToDays(*person.date_of_birth);
  statement.Bind(1, std::string_view(person.force))
      .Bind(2, date_of_birth)
      .Bind(3, ToSeconds(person.created_at))
      .Bind(4, ToSeconds(person.updated_at));
  VIGIL_RETURN_IF_ERROR(statement.Run());
  std::int64_t id = connection_.LastInsertId();
  VIGIL_RETURN_IF_ERROR(InsertLists(id, person));
  person.id = domain::PersonId(id);
  person.version = 1;
  return core::Status::Ok();
}

core::Result<domain::Person> PersonRepository::Get(domain::PersonId id) {
  VIGIL_ASSIGN_OR_RETURN(std::vector<domain::Person> persons, Load({id.value}));
  if (persons.empty()) return core::NotFound("person " + id.ToString() + " does not exist");
  return std::move(persons.front());
}

core::Status PersonRepository::Update(domain::Person& person) {
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection_.Prepare("UPDATE persons SET version = version + 1, force = ?,"
                          " date_of_birth = ?, updated_at = ? WHERE id = ? AND version = ?"
                          " RETURNING version, created_at"));
  std::optional<std::int64_t> date_of_birth;
  if (person.date_of_birth) date_of_birth = ToDays(*person.date_of_birth);
  statement.Bind(1, std::string_view(person.force))
      .Bind(2, date_of_birth)
      .Bind(3, ToSeconds(person.updated_at))
      .Bind(4, person.id.value)
      .Bind(5, person.version);
  VIGIL_ASSIGN_OR_RETURN(bool updated, statement.Step());
  if (!updated) {
    return MissingOrStale(connection_, "persons", "person", person.id.value, person.version);
  }
  std::int64_t version = statement.Integer(0);
  core::Timestamp created_at = TimestampFromSeconds(statement.Integer(1));
  VIGIL_RETURN_IF_ERROR(statement.Run());  // Finishes the UPDATE.
  VIGIL_RETURN_IF_ERROR(DeleteLists(person.id.value));
  VIGIL_RETURN_IF_ERROR(InsertLists(person.id.value, person));
  person.version = version;
  person.created_at = created_at;
  return core::Status::Ok();
}

core::Status PersonRepository::InsertLists(std::int64_t person_id, const domain::Person& person) {
  for (std::size_t index = 0; index < person.names.size(); ++index) {
    const domain::PersonName& name = person.names[index];
    VIGIL_RETURN_IF_ERROR(RunStatement(
        connection_,
        "INSERT INTO person_names (person_id, position, given_name, family_name, alias,"
        " given_name_folded, family_name_folded) VALUES (?, ?, ?, ?, ?, ?, ?)",
        person_id, static_cast<std::int64_t>(index), name.given_name, name.family_name,
        std::int64_t{name.alias ? 1 : 0}, FoldName(name.given_name), FoldName(name.family_name)));
  }
  for (std::size_t index = 0; index < person.phones.size(); ++index) {
    VIGIL_RETURN_IF_ERROR(RunStatement(
        connection_, "INSERT INTO person_phones (person_id, position, phone) VALUES (?, ?, ?)",
        person_id, static_cast<std::int64_t>(index), person.phones[index]));
  }
  for (std::size_t index = 0; index < person.emails.size(); ++index) {
    VIGIL_RETURN_IF_ERROR(RunStatement(
        connection_, "INSERT INTO person_emails (person_id, position, email) VALUES (?, ?, ?)",
        person_id, static_cast<std::int64_t>(index), person.emails[index]));
  }
  for (std::size_t index = 0; index < person.handles.size(); ++index) {
    const domain::OnlineHandle& handle = person.handles[index];
    VIGIL_RETURN_IF_ERROR(RunStatement(connection_,
                                       "INSERT INTO person_handles (person_id, position,"
                                       " platform, handle) VALUES (?, ?, ?, ?)",
                                       person_id, static_cast<std::int64_t>(index), handle.platform,
                                       handle.handle));
  }
  for (std::size_t index = 0; index < person.addresses.size(); ++index) {
    const domain::Address& address = person.addresses[index];
    VIGIL_RETURN_IF_ERROR(
        RunStatement(connection_,
                     "INSERT INTO person_addresses (person_id, position, line1, line2, town,"
                     " postcode) VALUES (?, ?, ?, ?, ?, ?)",
                     person_id, static_cast<std::int64_t>(index), address.line1, address.line2,
                     address.town, address.postcode));
  }
  for (std::size_t index = 0; index < person.vehicles.size(); ++index) {
    const domain::Vehicle& vehicle = person.vehicles[index];
    VIGIL_RETURN_IF_ERROR(RunStatement(connection_,
                                       "INSERT INTO person_vehicles (person_id, position,"
                                       " registration, description) VALUES (?, ?, ?, ?)",
                                       person_id, static_cast<std::int64_t>(index),
                                       vehicle.registration, vehicle.description));
  }
  return core::Status::Ok();
}

core::Status PersonRepository::DeleteLists(std::int64_t person_id) {
  for (const char* table : {"person_names", "person_phones", "person_emails", "person_handles",
                            "person_addresses", "person_vehicles"}) {
    VIGIL_RETURN_IF_ERROR(RunStatement(
        connection_, std::string("DELETE FROM ") + table + " WHERE person_id = ?", person_id));
  }
  return core::Status::Ok();
}

core::Result<std::vector<domain::Person>> PersonRepository::Load(
    const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, domain::Person> persons;
  std::string id_list = JsonIdList(ids);
  constexpr char kIn[] = " IN (SELECT value FROM json_each(?)) ORDER BY person_id, position";
  {
    VIGIL_ASSIGN_OR_RETURN(Statement statement,
                           connection_.Prepare(std::string(kPersonColumns) +
                                               " WHERE id IN (SELECT value FROM json_each(?))"));
    statement.Bind(1, std::string_view(id_list));
    while (true) {
      VIGIL_ASSIGN_OR_RETURN(bool row, statement.Step());
      if (!row) break;
      domain::Person& person = persons[statement.Integer(0)];
      person.id = domain::PersonId(statement.Integer(0));
      person.version = statement.Integer(1);
      person.force = statement.Text(2);
      if (std::optional<std::int64_t> days = statement.OptionalInteger(3)) {
        person.date_of_birth = DateFromDays(*days);
      }
      person.created_at = TimestampFromSeconds(statement.Integer(4));
      person.updated_at = TimestampFromSeconds(statement.Integer(5));
    }
  }
  if (persons.empty()) return std::vector<domain::Person>();
  VIGIL_RETURN_IF_ERROR(ForEachListRow(
      connection_,
      std::string("SELECT person_id, given_name, family_name, alias FROM person_names"
                  " WHERE person_id") +
          kIn,
      id_list, persons, [](const Statement& row, domain::Person& person) {
        person.names.push_back({row.Text(1), row.Text(2), row.Integer(3) != 0});
      }));
  VIGIL_RETURN_IF_ERROR(ForEachListRow(
      connection_, std::string("SELECT person_id, phone FROM person_phones WHERE person_id") + kIn,
      id_list, persons,
      [](const Statement& row, domain::Person& person) { person.phones.push_back(row.Text(1)); }));
  VIGIL_RETURN_IF_ERROR(ForEachListRow(
      connection_, std::string("SELECT person_id, email FROM person_emails WHERE person_id") + kIn,
      id_list, persons,
      [](const Statement& row, domain::Person& person) { person.emails.push_back(row.Text(1)); }));
  VIGIL_RETURN_IF_ERROR(ForEachListRow(
      connection_,
      std::string("SELECT person_id, platform, handle FROM person_handles WHERE person_id") + kIn,
      id_list, persons, [](const Statement& row, domain::Person& person) {
        person.handles.push_back({row.Text(1), row.Text(2)});
      }));
  VIGIL_RETURN_IF_ERROR(ForEachListRow(
      connection_,
      std::string("SELECT person_id, line1, line2, town, postcode FROM person_addresses"
                  " WHERE person_id") +
          kIn,
      id_list, persons, [](const Statement& row, domain::Person& person) {
        person.addresses.push_back({row.Text(1), row.Text(2), row.Text(3), row.Text(4)});
      }));
  VIGIL_RETURN_IF_ERROR(
      ForEachListRow(connection_,
                     std::string("SELECT person_id, registration, description FROM person_vehicles"
                                 " WHERE person_id") +
                         kIn,
                     id_list, persons, [](const Statement& row, domain::Person& person) {
                       person.vehicles.push_back({row.Text(1), row.Text(2)});
                     }));
  std::vector<domain::Person> ordered;
  ordered.reserve(persons.size());
  for (std::int64_t id : ids) {
    auto found = persons.find(id);
    if (found != persons.end()) ordered.push_back(found->second);
  }
  return ordered;
}

core::Status PersonRepository::CheckExist(const std::vector<std::int64_t>& ids) {
  for (std::int64_t id : ids) {
    VIGIL_ASSIGN_OR_RETURN(bool exists,
                           RowExists(connection_, "SELECT 1 FROM persons WHERE id = ?", id));
    if (!exists) return core::NotFound("person " + std::to_string(id) + " does not exist");
  }
  return core::Status::Ok();
}

core::Result<PersonPage> PersonRepository::Search(const PersonQuery& query) {
  VIGIL_RETURN_IF_ERROR(CheckLimit(query.limit, 1, 500));
  SqlFilter filter;
  if (query.force) filter.Add("force = ?", {*query.force});
  if (query.date_of_birth) filter.Add("date_of_birth = ?", {ToDays(*query.date_of_birth)});
  if (query.name_prefix) {
    // A prefix range on the folded names: every string starting with
    // `prefix` sorts at or after it and before prefix + "\xFF" (no byte of
    // UTF-8 text is 0xFF).
    std::string prefix = FoldName(*query.name_prefix);
    std::string end = prefix + '\xFF';
    filter.Add(
        "id IN (SELECT person_id FROM person_names WHERE given_name_folded >= ?"
        " AND given_name_folded < ? UNION SELECT person_id FROM person_names"
        " WHERE family_name_folded >= ? AND family_name_folded < ?)",
        {prefix, end, prefix, end});
  }
  PersonPage page;
  {
    VIGIL_ASSIGN_OR_RETURN(Statement count,
                           connection_.Prepare("SELECT count(*) FROM persons" + filter.Where()));
    filter.BindTo(count);
    VIGIL_ASSIGN_OR_RETURN(bool row, count.Step());
    if (row) page.total = count.Integer(0);
  }
  if (query.cursor) {
    VIGIL_ASSIGN_OR_RETURN(std::int64_t after, ParseIdCursor(*query.cursor));
    filter.Add("id > ?", {after});
  }
  VIGIL_ASSIGN_OR_RETURN(
      Statement select,
      connection_.Prepare("SELECT id FROM persons" + filter.Where() + " ORDER BY id LIMIT ?"));
  int next = filter.BindTo(select);
  select.Bind(next, std::int64_t{query.limit} + 1);
  std::vector<std::int64_t> ids;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    ids.push_back(select.Integer(0));
  }
  bool more = ids.size() > static_cast<std::size_t>(query.limit);
  if (more) ids.pop_back();
  VIGIL_ASSIGN_OR_RETURN(page.items, Load(ids));
  if (more && !ids.empty()) page.next_cursor = FormatIdCursor(ids.back());
  return page;
}

}  // namespace vigil::storage::sqlite
