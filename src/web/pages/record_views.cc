#include "web/pages/record_views.h"

#include <cctype>
#include <cstdio>

#include "web/pages/page_format.h"
#include "web/pages/page_support.h"

namespace vigil::web::pages {

mstch::map OccasionView(const domain::Occasion& occasion, const domain::Lookups& lookups) {
  std::string time;
  if (occasion.occurred_at_minute) {
    char text[32];
    std::snprintf(text, sizeof text, "%02d:%02d", *occasion.occurred_at_minute / 60,
                  *occasion.occurred_at_minute % 60);
    time = text;
  }
  std::string behaviours;
  for (const std::string& id : occasion.behaviours) {
    behaviours += (behaviours.empty() ? "" : ", ") + LookupLabel(lookups.behaviours, id);
  }
  return mstch::map{
      {"date", FormatDate(occasion.occurred_on)},
      {"date_iso", IsoDate(occasion.occurred_on)},
      {"time", time},
      {"channel", occasion.channel.empty() ? std::string("Not known")
                                           : LookupLabel(lookups.channels, occasion.channel)},
      {"behaviours", behaviours.empty() ? std::string("None recorded") : behaviours},
      {"location", occasion.location.description},
      {"postcode", occasion.location.postcode},
      {"summary", occasion.summary},
  };
}

mstch::map PersonLineView(const domain::Person& person) {
  std::string aliases;
  for (const domain::PersonName& name : person.names) {
    if (!name.alias) continue;
    std::string full = name.given_name + (name.given_name.empty() ? "" : " ") + name.family_name;
    aliases += (aliases.empty() ? "" : ", ") + full;
  }
  return mstch::map{
      {"href", "/persons/" + person.id.ToString()},
      {"name", domain::DisplayName(person)},
      {"born", person.date_of_birth ? FormatDate(*person.date_of_birth) : std::string()},
      {"aliases", aliases},
  };
}

std::string RiskLabel(const std::string& risk_level) {
  if (risk_level.empty()) return "Not assessed";
  std::string label = risk_level;
  label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

mstch::map ScreeningView(const domain::ScreeningRecord& record, const domain::Lookups& lookups) {
  return mstch::map{
      {"href", "/reports/" + record.report_id.ToString()},
      {"screened", FormatTime(record.screened_at)},
      {"indicated", record.stalking_indicated},
      {"offence", record.primary_offence.empty()
                      ? std::string("No offence met")
                      : ClassificationLabel(lookups, record.primary_offence)},
      {"risk", RiskLabel(record.risk_level)},
      {"override", record.override_offence.empty()
                       ? std::string()
                       : ClassificationLabel(lookups, record.override_offence)},
      {"reason", record.override_reason},
      {"rules_version", record.rules_version},
      {"by", record.screened_by},
  };
}

}  // namespace vigil::web::pages
