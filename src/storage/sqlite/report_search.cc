// ReportRepository::Load and ::Search: reading reports back, one page at a
// time, with a fixed number of queries per page; and the search's SQL.

#include "storage/sqlite/report_search.h"

#include <map>
#include <string>
#include <utility>

#include "storage/paging.h"
#include "storage/sqlite/report_repository.h"
#include "storage/sqlite/row_values.h"
#include "storage/sqlite/sql_filter.h"

namespace vigil::storage::sqlite {
namespace {

constexpr char kInIdList[] = " IN (SELECT value FROM json_each(?))";

// Runs `sql` with the JSON id list bound to its one parameter and hands
// each row to `read`, stopping at the first failure `read` returns.
template <typename Read>
core::Status ForEachRow(Connection& connection, const std::string& sql, const std::string& id_list,
                        Read read) {
  VIGIL_ASSIGN_OR_RETURN(Statement statement, connection.Prepare(sql));
  statement.Bind(1, std::string_view(id_list));
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) return core::Status::Ok();
    VIGIL_RETURN_IF_ERROR(read(statement));
  }
}

}  // namespace

core::Result<std::vector<domain::Report>> ReportRepository::Load(
    const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, domain::Report> reports;
  std::string id_list = JsonIdList(ids);
  VIGIL_RETURN_IF_ERROR(ForEachRow(
      connection_,
      std::string("SELECT id, version, force, force_reference, received_at, reporting_officer,"
                  " narrative, case_id, created_at, updated_at FROM reports WHERE id") +
          kInIdList,
      id_list, [&](const Statement& row) {
        domain::Report& report = reports[row.Integer(0)];
        report.id = domain::ReportId(row.Integer(0));
        report.version = row.Integer(1);
        report.force = row.Text(2);
        report.force_reference = row.Text(3);
        report.received_at = TimestampFromSeconds(row.Integer(4));
        report.reporting_officer = row.Text(5);
        report.narrative = row.Text(6);
        if (std::optional<std::int64_t> case_id = row.OptionalInteger(7)) {
          report.case_id = domain::CaseId(*case_id);
        }
        report.created_at = TimestampFromSeconds(row.Integer(8));
        report.updated_at = TimestampFromSeconds(row.Integer(9));
        return core::Status::Ok();
      }));
  if (reports.empty()) return std::vector<domain::Report>();

  VIGIL_RETURN_IF_ERROR(ForEachRow(
      connection_,
      std::string("SELECT report_id, classification, is_principal FROM report_classifications"
                  " WHERE report_id") +
          kInIdList + " ORDER BY report_id, position",
      id_list, [&](const Statement& row) {
        domain::Report& report = reports[row.Integer(0)];
        if (row.Integer(2) != 0) {
          report.principal_classification = row.Text(1);
        } else {
          report.included_classifications.push_back(row.Text(1));
        }
        return core::Status::Ok();
      }));
  VIGIL_RETURN_IF_ERROR(ForEachRow(
      connection_,
      std::string("SELECT report_id, person_id, role FROM report_persons WHERE report_id") +
          kInIdList + " ORDER BY report_id, position",
      id_list, [&](const Statement& row) -> core::Status {
        std::string role_name = row.Text(2);
        std::optional<domain::PersonRole> role = domain::ParsePersonRole(role_name);
        if (!role) {
          return core::DataLoss("report " + std::to_string(row.Integer(0)) +
                                " has a person with the unknown role " + role_name);
        }
        reports[row.Integer(0)].persons.push_back({domain::PersonId(row.Integer(1)), *role});
        return core::Status::Ok();
      }));
  // Where each occasion sits: (report id, index in report.occasions).
  std::map<std::int64_t, std::pair<std::int64_t, std::size_t>> occasion_places;
  VIGIL_RETURN_IF_ERROR(ForEachRow(
      connection_,
      std::string("SELECT id, report_id, occurred_on, occurred_at_minute, location_description,"
                  " location_postcode, channel, summary FROM occasions WHERE report_id") +
          kInIdList + " ORDER BY report_id, position",
      id_list, [&](const Statement& row) {
        domain::Report& report = reports[row.Integer(1)];
        domain::Occasion occasion;
        occasion.id = domain::OccasionId(row.Integer(0));
        occasion.occurred_on = DateFromDays(row.Integer(2));
        if (std::optional<std::int64_t> minute = row.OptionalInteger(3)) {
          occasion.occurred_at_minute = static_cast<int>(*minute);
        }
        occasion.location = {row.Text(4), row.Text(5)};
        occasion.channel = row.Text(6);
        occasion.summary = row.Text(7);
        occasion_places[row.Integer(0)] = {row.Integer(1), report.occasions.size()};
        report.occasions.push_back(std::move(occasion));
        return core::Status::Ok();
      }));
  if (!occasion_places.empty()) {
    VIGIL_RETURN_IF_ERROR(
        ForEachRow(connection_,
                   std::string("SELECT behaviour.occasion_id, behaviour.behaviour"
                               " FROM occasion_behaviours AS behaviour JOIN occasions AS occasion"
                               " ON occasion.id = behaviour.occasion_id WHERE occasion.report_id") +
                       kInIdList + " ORDER BY behaviour.occasion_id, behaviour.position",
                   id_list, [&](const Statement& row) {
                     auto place = occasion_places.find(row.Integer(0));
                     if (place != occasion_places.end()) {
                       auto& [report_id, index] = place->second;
                       reports[report_id].occasions[index].behaviours.push_back(row.Text(1));
                     }
                     return core::Status::Ok();
                   }));
  }
  std::vector<domain::Report> ordered;
  ordered.reserve(reports.size());
  for (std::int64_t id : ids) {
    auto found = reports.find(id);
    if (found != reports.end()) ordered.push_back(found->second);
  }
  return ordered;
}

ReportSearchSql BuildReportSearchSql(const ReportQuery& query,
                                     const std::optional<KeysetCursor>& cursor) {
  bool by_classification = query.classification.has_value();
  // report_classifications rows carry their report's force and received_at,
  // so a classification search scoped to a force (the common one: services
  // scope every search to the caller's force) needs no reports rows.
  bool needs_reports =
      !by_classification || query.person_id || query.role || query.force_reference || query.case_id;
  std::string from = by_classification ? " FROM report_classifications AS c" : " FROM reports AS r";
  if (by_classification && needs_reports) from += " JOIN reports AS r ON r.id = c.report_id";
  std::string received_at = by_classification ? "c.received_at" : "r.received_at";
  std::string id = by_classification ? "c.report_id" : "r.id";

  SqlFilter filter;
  if (query.classification) filter.Add("c.classification = ?", {*query.classification});
  if (query.person_id && query.role) {
    filter.Add("r.id IN (SELECT report_id FROM report_persons WHERE person_id = ? AND role = ?)",
               {query.person_id->value, std::string(domain::PersonRoleName(*query.role))});
  } else if (query.person_id) {
    filter.Add("r.id IN (SELECT report_id FROM report_persons WHERE person_id = ?)",
               {query.person_id->value});
  } else if (query.role) {
    filter.Add("r.id IN (SELECT report_id FROM report_persons WHERE role = ?)",
               {std::string(domain::PersonRoleName(*query.role))});
  }
  if (query.received_from) filter.Add(received_at + " >= ?", {ToSeconds(*query.received_from)});
  if (query.received_to) filter.Add(received_at + " < ?", {ToSeconds(*query.received_to)});
  if (query.force) filter.Add(by_classification ? "c.force = ?" : "r.force = ?", {*query.force});
  if (query.force_reference) filter.Add("r.force_reference = ?", {*query.force_reference});
  if (query.case_id) filter.Add("r.case_id = ?", {query.case_id->value});

  ReportSearchSql sql;
  sql.count = "SELECT count(*)" + from + filter.Where();
  sql.count_filter = filter;
  std::string after = query.oldest_first ? ") > (?, ?)" : ") < (?, ?)";
  std::string direction = query.oldest_first ? " ASC" : " DESC";
  if (cursor) {
    filter.Add("(" + received_at + ", " + id + after, {cursor->key, cursor->id});
  }
  sql.page = "SELECT " + id + ", " + received_at + from + filter.Where() + " ORDER BY " +
             received_at + direction + ", " + id + direction + " LIMIT ?";
  sql.page_filter = std::move(filter);
  return sql;
}

core::Result<ReportPage> ReportRepository::Search(const ReportQuery& query) {
  VIGIL_RETURN_IF_ERROR(CheckLimit(query.limit, 1, 500));
  std::optional<KeysetCursor> cursor;
  if (query.cursor) {
    VIGIL_ASSIGN_OR_RETURN(cursor, ParseKeysetCursor(*query.cursor));
  }
  ReportSearchSql sql = BuildReportSearchSql(query, cursor);
  ReportPage page;
  {
    VIGIL_ASSIGN_OR_RETURN(Statement count, connection_.Prepare(sql.count));
    sql.count_filter.BindTo(count);
    VIGIL_ASSIGN_OR_RETURN(bool row, count.Step());
    if (row) page.total = count.Integer(0);
  }
  VIGIL_ASSIGN_OR_RETURN(Statement select, connection_.Prepare(sql.page));
  int next = sql.page_filter.BindTo(select);
  select.Bind(next, std::int64_t{query.limit} + 1);
  std::vector<std::int64_t> ids;
  KeysetCursor last;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    if (ids.size() == static_cast<std::size_t>(query.limit)) {
      page.next_cursor = FormatKeysetCursor(last);
      break;
    }
    ids.push_back(select.Integer(0));
    last = {select.Integer(1), select.Integer(0)};
  }
  VIGIL_ASSIGN_OR_RETURN(page.items, Load(ids));
  return page;
}

}  // namespace vigil::storage::sqlite
