// The JSON form of a person.

#include "core/time.h"
#include "web/api/json_codec.h"
#include "web/api/json_codec_internal.h"
#include "web/api/json_reader.h"

namespace vigil::web::api {

using internal::ReadObjectArray;

nlohmann::json EncodePerson(const domain::Person& person) {
  nlohmann::json names = nlohmann::json::array();
  for (const domain::PersonName& name : person.names) {
    names.push_back({{"given_name", name.given_name},
                     {"family_name", name.family_name},
                     {"alias", name.alias}});
  }
  nlohmann::json handles = nlohmann::json::array();
  for (const domain::OnlineHandle& handle : person.handles) {
    handles.push_back({{"platform", handle.platform}, {"handle", handle.handle}});
  }
  nlohmann::json addresses = nlohmann::json::array();
  for (const domain::Address& address : person.addresses) {
    addresses.push_back({{"line1", address.line1},
                         {"line2", address.line2},
                         {"town", address.town},
                         {"postcode", address.postcode}});
  }
  nlohmann::json vehicles = nlohmann::json::array();
  for (const domain::Vehicle& vehicle : person.vehicles) {
    vehicles.push_back(
        {{"registration", vehicle.registration}, {"description", vehicle.description}});
  }
  return {
      {"id", person.id.value},
      {"version", person.version},
      {"force", person.force},
      {"names", std::move(names)},
      {"date_of_birth", person.date_of_birth
                            ? nlohmann::json(core::FormatDate(*person.date_of_birth))
                            : nlohmann::json(nullptr)},
      {"phones", person.phones},
      {"emails", person.emails},
      {"handles", std::move(handles)},
      {"addresses", std::move(addresses)},
      {"vehicles", std::move(vehicles)},
      {"created_at", core::FormatTimestamp(person.created_at)},
      {"updated_at", core::FormatTimestamp(person.updated_at)},
  };
}

core::Result<domain::Person> DecodePerson(const nlohmann::json& json, bool allow_server_fields) {
  core::ErrorCollector errors;
  domain::Person person;
  JsonReader reader(json, "", errors);
  internal::ReadServerFields(reader, allow_server_fields, person.id, person.version,
                             person.created_at, person.updated_at);
  reader.Read("force", person.force);
  ReadObjectArray(
      reader, "names", person.names,
      [](JsonReader& element, domain::PersonName& name) {
        element.Read("given_name", name.given_name);
        element.Read("family_name", name.family_name);
        element.Read("alias", name.alias);
      },
      Presence::kRequired);
  reader.Read("date_of_birth", person.date_of_birth);
  reader.Read("phones", person.phones);
  reader.Read("emails", person.emails);
  ReadObjectArray(reader, "handles", person.handles,
                  [](JsonReader& element, domain::OnlineHandle& handle) {
                    element.Read("platform", handle.platform, Presence::kRequired);
                    element.Read("handle", handle.handle, Presence::kRequired);
                  });
  ReadObjectArray(reader, "addresses", person.addresses,
                  [](JsonReader& element, domain::Address& address) {
                    element.Read("line1", address.line1);
                    element.Read("line2", address.line2);
                    element.Read("town", address.town);
                    element.Read("postcode", address.postcode);
                  });
  ReadObjectArray(reader, "vehicles", person.vehicles,
                  [](JsonReader& element, domain::Vehicle& vehicle) {
                    element.Read("registration", vehicle.registration, Presence::kRequired);
                    element.Read("description", vehicle.description);
                  });
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The person is not valid."));
  return person;
}

}  // namespace vigil::web::api
