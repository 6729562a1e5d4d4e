#include "domain/person.h"

#include <algorithm>
#include <cctype>

#include "domain/text.h"
#include "domain/validation.h"

namespace vigil::domain {
namespace {

bool IsPhone(const std::string& phone) {
  std::size_t digits = 0;
  for (std::size_t index = 0; index < phone.size(); ++index) {
    char c = phone[index];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+' && index == 0) {
    } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 7 && digits <= 15;
}

bool IsEmail(const std::string& email) {
  std::size_t at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) {
    return false;
  }
  std::string domain = email.substr(at + 1);
  std::size_t dot = domain.find('.');
  return dot != std::string::npos && dot > 0 && dot + 1 < domain.size() &&
         email.find(' ') == std::string::npos;
}

bool IsAlpha(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool IsUkPostcode(const std::string& postcode) {
  // Outward code (2–4 chars: A9, A99, AA9, AA99, A9A, AA9A), a space, then
  // the inward code 9AA.
  std::size_t space = postcode.find(' ');
  if (space == std::string::npos) return false;
  std::string outward = postcode.substr(0, space);
  std::string inward = postcode.substr(space + 1);
  if (inward.size() != 3 || !IsDigit(inward[0]) || !IsAlpha(inward[1]) || !IsAlpha(inward[2])) {
    return false;
  }
  if (outward.size() < 2 || outward.size() > 4 || !IsAlpha(outward[0])) return false;
  std::size_t index = 1;
  if (IsAlpha(outward[index])) ++index;
  if (index >= outward.size() || !IsDigit(outward[index])) return false;
  ++index;
  if (index < outward.size() && (IsDigit(outward[index]) || IsAlpha(outward[index]))) ++index;
  return index == outward.size();
}

std::string NormalisePostcode(const std::string& postcode) {
  std::string compact;
  for (char c : ToUpper(Trim(postcode))) {
    if (c != ' ') compact += c;
  }
  if (compact.size() >= 5 && compact.size() <= 7) {
    std::string spaced =
        compact.substr(0, compact.size() - 3) + " " + compact.substr(compact.size() - 3);
    if (IsUkPostcode(spaced)) return spaced;
  }
  return ToUpper(Trim(postcode));
}

void NormalisePerson(Person& person) {
  person.force = Trim(person.force);
  for (PersonName& name : person.names) {
    name.given_name = Trim(name.given_name);
    name.family_name = Trim(name.family_name);
  }
  for (std::string& phone : person.phones) phone = Trim(phone);
  for (std::string& email : person.emails) email = ToLower(Trim(email));
  for (OnlineHandle& handle : person.handles) {
    handle.platform = ToLower(Trim(handle.platform));
    handle.handle = Trim(handle.handle);
  }
  for (Address& address : person.addresses) {
    address.line1 = Trim(address.line1);
    address.line2 = Trim(address.line2);
    address.town = Trim(address.town);
    address.postcode = NormalisePostcode(address.postcode);
  }
  for (Vehicle& vehicle : person.vehicles) {
    std::string registration;
    for (char c : ToUpper(vehicle.registration)) {
      if (c != ' ') registration += c;
    }
    vehicle.registration = registration;
    vehicle.description = Trim(vehicle.description);
  }
}

core::Status ValidatePerson(const Person& person, const Lookups& lookups, core::Date today) {
  core::ErrorCollector errors;
  if (person.force.empty()) {
    errors.Add("force", "required", "is required");
  } else if (!lookups.HasForce(person.force)) {
    errors.Add("force", "unknown_value", "is not a known force");
  }
  if (person.names.empty()) errors.Add("names", "required", "must have at least one name");
  for (std::size_t index = 0; index < person.names.size(); ++index) {
    const PersonName& name = person.names[index];
    std::string field = Indexed("names", index);
    if (Trim(name.given_name).empty() && Trim(name.family_name).empty()) {
      errors.Add(field, "required", "needs a given name or a family name");
    }
    CheckOptionalText(errors, field + ".given_name", name.given_name);
    CheckOptionalText(errors, field + ".family_name", name.family_name);
  }
  if (person.date_of_birth) {
    if (*person.date_of_birth > today) {
      errors.Add("date_of_birth", "in_future", "must not be in the future");
    } else if (*person.date_of_birth < core::Date(std::chrono::year(1900) / 1 / 1)) {
      errors.Add("date_of_birth", "out_of_range", "must be 1 January 1900 or later");
    }
  }
  for (std::size_t index = 0; index < person.phones.size(); ++index) {
    if (!IsPhone(person.phones[index])) {
      errors.Add(Indexed("phones", index), "invalid_phone",
                 "must be a phone number of 7 to 15 digits");
    }
  }
  for (std::size_t index = 0; index < person.emails.size(); ++index) {
    if (!IsEmail(person.emails[index]) || person.emails[index].size() > 254) {
      errors.Add(Indexed("emails", index), "invalid_email", "must be an email address");
    }
  }
  for (std::size_t index = 0; index < person.handles.size(); ++index) {
    std::string field = Indexed("handles", index);
    CheckRequiredText(errors, field + ".platform", person.handles[index].platform, 50);
    CheckRequiredText(errors, field + ".handle", person.handles[index].handle);
  }
  for (std::size_t index = 0; index < person.addresses.size(); ++index) {
    const Address& address = person.addresses[index];
    std::string field = Indexed("addresses", index);
    if (Trim(address.line1).empty() && Trim(address.postcode).empty()) {
      errors.Add(field, "required", "needs a first line or a postcode");
    }
    CheckOptionalText(errors, field + ".line1", address.line1);
    CheckOptionalText(errors, field + ".line2", address.line2);
    CheckOptionalText(errors, field + ".town", address.town);
    if (!address.postcode.empty() && !IsUkPostcode(NormalisePostcode(address.postcode))) {
      errors.Add(field + ".postcode", "invalid_postcode", "must be a UK postcode, like SW1A 1AA");
    }
  }
  for (std::size_t index = 0; index < person.vehicles.size(); ++index) {
    std::string field = Indexed("vehicles", index);
    CheckRequiredText(errors, field + ".registration", person.vehicles[index].registration, 10);
    CheckOptionalText(errors, field + ".description", person.vehicles[index].description);
  }
  return errors.ToStatus("person is invalid");
}

std::string DisplayName(const Person& person) {
  auto it = std::find_if(person.names.begin(), person.names.end(),
                         [](const PersonName& name) { return !name.alias; });
  if (it == person.names.end()) it = person.names.begin();
  if (it == person.names.end()) return "";
  if (it->given_name.empty()) return it->family_name;
  if (it->family_name.empty()) return it->given_name;
  return it->given_name + " " + it->family_name;
}

}  // namespace vigil::domain
