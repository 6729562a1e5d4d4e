// Person routes: create, read, update (optimistic version), search and match.

#include "web/api/handler_support.h"
#include "web/api/json_codec.h"
#include "web/api/query_reader.h"
#include "web/api/routes.h"

namespace vigil::web::api {
namespace {

std::string PersonLocation(domain::PersonId id) { return "/api/v1/persons/" + id.ToString(); }

core::Result<Response> CreatePerson(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  VIGIL_ASSIGN_OR_RETURN(domain::Person person, DecodePerson(body));
  VIGIL_ASSIGN_OR_RETURN(domain::Person created,
                         services.CreatePerson(context.caller, std::move(person)));
  return Created(EncodePerson(created), PersonLocation(created.id));
}

core::Result<Response> GetPerson(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::PersonId id, PathId<domain::PersonId>(context, "id", "person"));
  VIGIL_ASSIGN_OR_RETURN(domain::Person person, services.GetPerson(context.caller, id));
  return Ok(EncodePerson(person));
}

// The body is the whole person as GET returns it: id, created_at and
// updated_at may be sent back (id must match the address), version is
// required and must be current.
core::Result<Response> UpdatePerson(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::PersonId id, PathId<domain::PersonId>(context, "id", "person"));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  core::ErrorCollector errors;
  if (!body.contains("version") || body["version"].is_null()) {
    errors.Add("version", "required", "is required");
  }
  core::Result<domain::Person> decoded = DecodePerson(body, /*allow_server_fields=*/true);
  errors.Merge("", decoded.status());
  if (decoded.ok() && decoded->id.assigned() && decoded->id != id) {
    errors.Add("id", "invalid_value", "must match the id in the address");
  }
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The person is not valid."));
  domain::Person person = std::move(decoded).value();
  person.id = id;
  VIGIL_ASSIGN_OR_RETURN(domain::Person updated,
                         services.UpdatePerson(context.caller, std::move(person)));
  return Ok(EncodePerson(updated));
}

core::Result<Response> SearchPersons(services::Services& services, const RequestContext& context) {
  QueryReader query_reader(context.http.params);
  storage::PersonQuery query;
  query.name_prefix = query_reader.String("name");
  query.force = query_reader.String("force");
  query.date_of_birth = query_reader.Date("date_of_birth");
  query.limit = static_cast<int>(query_reader.Integer("limit", 1, 500).value_or(query.limit));
  query.cursor = query_reader.String("cursor");
  VIGIL_RETURN_IF_ERROR(query_reader.Finish());
  VIGIL_ASSIGN_OR_RETURN(storage::PersonPage page,
                         services.SearchPersons(context.caller, std::move(query)));
  return Ok(EncodePage(page, EncodePerson));
}

// The body is a person as for CreatePerson, plus an optional "limit"
// (1..100, default 10); nothing is stored.
core::Result<Response> MatchPerson(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  core::ErrorCollector errors;
  std::size_t limit = 10;
  if (body.contains("limit")) {
    const nlohmann::json& value = body["limit"];
    if (!value.is_number_integer() || value.get<std::int64_t>() < 1 ||
        value.get<std::int64_t>() > 100) {
      errors.Add("limit", "out_of_range", "must be a whole number from 1 to 100");
    } else {
      limit = value.get<std::size_t>();
    }
    body.erase("limit");
  }
  core::Result<domain::Person> decoded = DecodePerson(body);
  errors.Merge("", decoded.status());
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The person is not valid."));
  VIGIL_ASSIGN_OR_RETURN(services::PersonMatchResult result,
                         services.MatchPerson(context.caller, std::move(decoded).value(), limit));
  nlohmann::json candidates = nlohmann::json::array();
  for (const services::PersonMatchCandidate& candidate : result.candidates) {
    nlohmann::json comparisons = nlohmann::json::array();
    for (const linkage::ComparisonContribution& comparison : candidate.comparisons) {
      comparisons.push_back({{"comparison", comparison.comparison},
                             {"level", comparison.level},
                             {"weight", comparison.weight}});
    }
    candidates.push_back({{"person_id", candidate.person_id.value},
                          {"match_weight", candidate.match_weight},
                          {"match_probability", candidate.match_probability},
                          {"comparisons", std::move(comparisons)}});
  }
  nlohmann::json skipped = nlohmann::json::array();
  for (const linkage::SkippedBlock& block : result.skipped_blocks) {
    skipped.push_back({{"rule", block.rule}, {"size", block.size}});
  }
  return Ok({{"candidates", std::move(candidates)},
             {"model_version", result.model_version},
             {"model_trained", result.model_trained},
             {"candidates_scored", result.candidates_scored},
             {"candidates_capped", result.candidates_capped},
             {"skipped_blocks", std::move(skipped)}});
}

}  // namespace

void AddPersonRoutes(Router& router, services::Services& services) {
  AddRoute(router, services, "POST", "/api/v1/persons", CreatePerson);
  AddRoute(router, services, "GET", "/api/v1/persons", SearchPersons, QueryUse::kReads);
  AddRoute(router, services, "POST", "/api/v1/persons/match", MatchPerson);
  AddRoute(router, services, "GET", "/api/v1/persons/{id}", GetPerson);
  AddRoute(router, services, "PUT", "/api/v1/persons/{id}", UpdatePerson);
}

}  // namespace vigil::web::api
