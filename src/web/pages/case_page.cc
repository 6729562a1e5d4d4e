// GET /cases/{id}: a case with the MOJ timeline of its occasions, reports,
// screening decisions and notes (newest first), the persons in its reports
// and their roles, its tasks (overdue first) and its notes.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "web/pages/page_format.h"
#include "web/pages/page_support.h"
#include "web/pages/record_views.h"
#include "web/pages/routes.h"

namespace vigil::web::pages {
namespace {

struct TimelineEntry {
  core::Timestamp at;
  int order = 0;  // Ties: higher first (a decision after its report).
  mstch::map view;
};

std::string IsoTimestamp(core::Timestamp time) {
  auto day = std::chrono::floor<std::chrono::days>(time);
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(time - day).count();
  char clock[64];
  std::snprintf(clock, sizeof clock, "T%02lld:%02lld:%02lldZ",
                static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                static_cast<long long>(seconds % 60));
  return IsoDate(day) + clock;
}

mstch::map TimelineView(std::string label, std::string byline, core::Timestamp at, bool has_time,
                        std::string text, std::string href, std::string link_text) {
  return mstch::map{
      {"label", std::move(label)},        {"byline", std::move(byline)},
      {"datetime", IsoTimestamp(at)},     {"when", has_time ? FormatTime(at) : FormatDay(at)},
      {"text", std::move(text)},          {"href", std::move(href)},
      {"link_text", std::move(link_text)}};
}

}  // namespace

core::Result<Response> CasePage(const PageRequest& request) {
  std::optional<std::int64_t> id = ParseId(request.context.path_parameters.Get("id"));
  if (!id) return core::NotFound("There is no case at this address.");
  const services::Caller& caller = request.caller();
  const domain::Lookups& lookups = request.services.lookups();
  core::Timestamp now = request.services.clock().Now();
  VIGIL_ASSIGN_OR_RETURN(services::CaseDetail detail,
                         request.services.GetCase(caller, domain::CaseId(*id)));
  const domain::Case& value = detail.value;

  std::vector<TimelineEntry> timeline;
  std::map<std::int64_t, mstch::map> persons;  // By person id, roles gathered.
  std::map<std::int64_t, std::string> roles;
  mstch::array reports;
  for (const domain::Report& report : detail.reports) {
    std::string report_href = "/reports/" + report.id.ToString();
    reports.push_back(
        mstch::map{{"href", report_href},
                   {"reference", report.force_reference},
                   {"received", FormatDay(report.received_at)},
                   {"principal", ClassificationLabel(lookups, report.principal_classification)}});
    timeline.push_back(
        {report.received_at, 1,
         TimelineView("Report received", report.reporting_officer, report.received_at, true,
                      ClassificationLabel(lookups, report.principal_classification), report_href,
                      report.force_reference)});
    for (const domain::Occasion& occasion : report.occasions) {
      core::Timestamp at =
          std::chrono::time_point_cast<std::chrono::seconds>(occasion.occurred_on) +
          std::chrono::minutes(occasion.occurred_at_minute.value_or(0));
      std::string label = "Occasion: " + LookupLabel(lookups.channels, occasion.channel);
      if (occasion.channel.empty()) label = "Occasion";
      timeline.push_back({at, 0,
                          TimelineView(label, "", at, occasion.occurred_at_minute.has_value(),
                                       occasion.summary, report_href, report.force_reference)});
    }
    VIGIL_ASSIGN_OR_RETURN(std::vector<domain::ScreeningRecord> screenings,
                           request.services.ListScreenings(caller, report.id));
    for (const domain::ScreeningRecord& record : screenings) {
      std::string text =
          (record.stalking_indicated ? "Stalking indicated" : "Stalking not indicated");
      text += ". Risk: " + RiskLabel(record.risk_level) + ".";
      timeline.push_back({record.screened_at, 2,
                          TimelineView("Screening decision", record.screened_by, record.screened_at,
                                       true, text, report_href, report.force_reference)});
    }
    for (const domain::ReportPerson& link : report.persons) {
      std::string role = PersonRoleLabel(link.role);
      std::string& gathered = roles[link.person_id.value];
      if (gathered.find(role) == std::string::npos)
        gathered += (gathered.empty() ? "" : ", ") + role;
      if (persons.count(link.person_id.value) == 0) {
        VIGIL_ASSIGN_OR_RETURN(domain::Person person,
                               request.services.GetPerson(caller, link.person_id));
        persons.emplace(link.person_id.value, PersonLineView(person));
      }
    }
  }
  mstch::array notes;
  for (const domain::Note& note : detail.notes) {
    notes.push_back(mstch::map{
        {"author", note.author}, {"when", FormatTime(note.created_at)}, {"text", note.text}});
    timeline.push_back(
        {note.created_at, 3,
         TimelineView("Note added", note.author, note.created_at, true, note.text, "", "")});
  }
  timeline.push_back(
      {value.created_at, -1,
       TimelineView("Case opened", "", value.created_at, true, value.title, "", "")});
  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) {
                     return a.at != b.at ? a.at > b.at : a.order > b.order;
                   });
  mstch::array timeline_views;
  for (TimelineEntry& entry : timeline) timeline_views.push_back(std::move(entry.view));

  mstch::array person_views;
  for (auto& [person_id, view] : persons) {
    view.emplace("roles", roles[person_id]);
    person_views.push_back(std::move(view));
  }
  std::vector<domain::Task> tasks = detail.tasks;
  std::stable_sort(tasks.begin(), tasks.end(), [](const domain::Task& a, const domain::Task& b) {
    if (a.done != b.done) return !a.done;
    if (a.due_at.has_value() != b.due_at.has_value()) return a.due_at.has_value();
    return a.due_at && b.due_at && *a.due_at < *b.due_at;
  });
  mstch::array task_views;
  for (const domain::Task& task : tasks) {
    task_views.push_back(mstch::map{
        {"text", task.text},
        {"owner", task.owner.empty() ? task.owner_role : task.owner},
        {"due", task.due_at ? FormatTime(*task.due_at) : std::string("No deadline")},
        {"overdue", task.IsOverdue(now)},
        {"done", task.done},
        {"done_when", task.done_at ? FormatDay(*task.done_at) : std::string()},
    });
  }
  mstch::map context{
      {"name", CaseName(value.id.value)},
      {"title", value.title},
      {"status", CaseStatusLabel(value.status)},
      {"status_class", CaseStatusTagClass(value.status)},
      {"owner", value.owner.empty() ? std::string("Not assigned") : value.owner},
      {"supervisor", value.supervisor.empty() ? std::string("Not assigned") : value.supervisor},
      {"force", lookups.ForceLabel(value.force)},
      {"opened", FormatDay(value.created_at)},
      {"closure_reason", value.closure_reason},
      {"reports", std::move(reports)},
      {"has_reports", !detail.reports.empty()},
      {"timeline", std::move(timeline_views)},
      {"persons", std::move(person_views)},
      {"has_persons", !persons.empty()},
      {"tasks", std::move(task_views)},
      {"has_tasks", !tasks.empty()},
      {"notes", std::move(notes)},
      {"has_notes", !detail.notes.empty()},
  };
  return request.site.Render(200, "case", CaseName(value.id.value) + ": " + value.title,
                             Section::kCases, std::move(context), caller);
}

}  // namespace vigil::web::pages
