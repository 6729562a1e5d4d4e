#include "linkage/testing/synthetic_people.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <utility>

#include "linkage/nickname_table.h"
#include "linkage/testing/name_lists.h"

namespace vigil::linkage::testing {
namespace {

// Picks index k of n with probability proportional to 1 / (k + 1)^exponent.
class ZipfPicker {
 public:
  ZipfPicker(std::size_t size, double exponent) : cumulative_(size) {
    double total = 0;
    for (std::size_t index = 0; index < size; ++index) {
      total += 1.0 / std::pow(static_cast<double>(index + 1), exponent);
      cumulative_[index] = total;
    }
    for (double& value : cumulative_) value /= total;
  }
  std::size_t Pick(Random& random) const {
    double draw = random.UniformDouble();
    auto found = std::upper_bound(cumulative_.begin(), cumulative_.end(), draw);
    return std::min<std::size_t>(static_cast<std::size_t>(found - cumulative_.begin()),
                                 cumulative_.size() - 1);
  }

 private:
  std::vector<double> cumulative_;
};

std::string Capitalised(std::string text) {
  bool start = true;
  for (char& character : text) {
    if (start && character >= 'a' && character <= 'z')
      character = static_cast<char>(character - 32);
    start = character == ' ' || character == '-' || character == '\'';
  }
  return text;
}

std::string Digits(Random& random, int count) {
  std::string digits;
  for (int index = 0; index < count; ++index) {
    digits.push_back(static_cast<char>('0' + random.Uniform(10)));
  }
  return digits;
}

class Generator {
 public:
  Generator(const SyntheticPeopleOptions& options, Random& random, SyntheticValueSources sources)
      : options_(options),
        random_(random),
        sources_(std::move(sources)),
        given_names_(NicknameTable::Default().Names()),
        given_picker_(given_names_.size(), 0.6),
        common_surname_picker_(CommonSurnames().size(), 0.7) {
    // Names that share a formal name are equivalent.
    const NicknameTable& table = NicknameTable::Default();
    std::unordered_map<std::string, std::vector<std::string>> by_formal;
    for (const std::string& name : given_names_) {
      for (const std::string& formal : table.FormalNamesOf(name)) by_formal[formal].push_back(name);
    }
    for (const std::string& name : given_names_) {
      std::vector<std::string>& alternatives = equivalents_[name];
      for (const std::string& formal : table.FormalNamesOf(name)) {
        for (const std::string& other : by_formal[formal]) {
          if (other != name &&
              std::find(alternatives.begin(), alternatives.end(), other) == alternatives.end()) {
            alternatives.push_back(other);
          }
        }
      }
      if (alternatives.empty()) equivalents_.erase(name);
    }
  }

  SyntheticRecord NewPerson(std::uint64_t person) {
    SyntheticRecord original;
    original.id = "p" + std::to_string(person) + "-0";
    original.person = person;
    original.sex.assign(1, random_.Uniform(2) == 0 ? 'M' : 'F');
    original.given_name = Capitalised(given_names_[given_picker_.Pick(random_)]);
    original.surname = Capitalised(Surname());
    int year = 1935 + static_cast<int>(random_.Uniform(72));
    int month = 1 + static_cast<int>(random_.Uniform(12));
    int day = 1 + static_cast<int>(random_.Uniform(28));
    original.dob = FormatDate(year, month, day, 0);
    original.postcode = NewPostcode();
    original.address = NewAddress(original.postcode);
    original.phone = NewPhone();
    original.email = NewEmail(original.given_name, original.surname);
    return original;
  }

  std::vector<SyntheticRecord> Person(std::uint64_t person) {
    std::vector<SyntheticRecord> appearances{NewPerson(person)};
    int extra = 0;
    double continue_chance =
        options_.mean_extra_appearances / (1.0 + options_.mean_extra_appearances);
    while (extra + 1 < options_.max_appearances && random_.UniformDouble() < continue_chance)
      ++extra;
    for (int appearance = 0; appearance < extra; ++appearance)
      appearances.push_back(Corrupt(appearances.front()));
    for (std::size_t index = 0; index < appearances.size(); ++index) {
      std::string& id = appearances[index].id;
      id.assign(1, 'p');
      id.append(std::to_string(person)).append("-").append(std::to_string(index));
    }
    return appearances;
  }

  SyntheticRecord Corrupt(const SyntheticRecord& original) {
    SyntheticRecord copy = original;
    if (Chance(options_.nickname_rate)) copy.given_name = Nickname(copy.given_name);
    if (Chance(options_.typo_rate)) copy.given_name = Typo(copy.given_name);
    if (Chance(options_.typo_rate)) copy.surname = Typo(copy.surname);
    if (Chance(0.02)) copy.surname = Capitalised(Surname());  // A new surname.
    // The original's dob is YYYY-MM-DD (NewPerson).
    int year = std::atoi(original.dob.substr(0, 4).c_str());
    int month = std::atoi(original.dob.substr(5, 2).c_str());
    int day = std::atoi(original.dob.substr(8, 2).c_str());
    if (day <= 12 && month != day && Chance(options_.day_month_swap_rate)) std::swap(month, day);
    if (Chance(options_.typo_rate / 2)) day = 1 + static_cast<int>(random_.Uniform(28));
    if (Chance(options_.typo_rate / 4)) year += Chance(0.5) ? 1 : -1;
    int style =
        Chance(options_.other_date_format_rate) ? 1 + static_cast<int>(random_.Uniform(2)) : 0;
    copy.dob = FormatDate(year, month, day, style);
    if (Chance(options_.moved_rate)) {
      copy.postcode = NewPostcode();
      copy.address = NewAddress(copy.postcode);
    } else if (Chance(options_.typo_rate)) {
      copy.address = Typo(copy.address);
    }
    if (Chance(options_.new_contact_rate)) copy.phone = NewPhone();
    if (Chance(options_.new_contact_rate)) copy.email = NewEmail(copy.given_name, copy.surname);
    if (Chance(0.3))
      copy.given_name = Chance(0.5) ? Upper(copy.given_name) : Lower(copy.given_name);
    for (std::string* field : {&copy.given_name, &copy.surname, &copy.dob, &copy.postcode,
                               &copy.address, &copy.phone, &copy.email, &copy.sex}) {
      if (Chance(options_.missing_rate)) field->clear();
    }
    return copy;
  }

 private:
  bool Chance(double probability) { return random_.UniformDouble() < probability; }

  std::string Surname() {
    if (Chance(0.35)) return std::string(CommonSurnames()[common_surname_picker_.Pick(random_)]);
    std::span<const std::string_view> starts = SurnameStarts();
    std::span<const std::string_view> ends = SurnameEnds();
    std::string surname(starts[random_.Uniform(starts.size())]);
    surname.append(ends[random_.Uniform(ends.size())]);
    return surname;
  }

  std::string NewPostcode() { return sources_.postcode ? sources_.postcode(random_) : Postcode(); }
  std::string NewAddress(const std::string& postcode) {
    return sources_.address ? sources_.address(postcode, random_) : Address();
  }
  std::string NewPhone() { return sources_.phone ? sources_.phone(random_) : Phone(); }
  std::string NewEmail(const std::string& given, const std::string& surname) {
    return sources_.email ? sources_.email(given, surname, random_) : Email(given, surname);
  }

  std::string Postcode() {
    std::span<const std::string_view> areas = PostcodeAreas();
    std::string postcode(areas[random_.Uniform(areas.size())]);
    postcode += std::to_string(1 + random_.Uniform(30)) + " " + std::to_string(random_.Uniform(10));
    static constexpr char kLetters[] = "ABDEFGHJLNPQRSTUWXYZ";
    postcode.push_back(kLetters[random_.Uniform(20)]);
    postcode.push_back(kLetters[random_.Uniform(20)]);
    return postcode;
  }

  std::string Address() {
    std::span<const std::string_view> streets = StreetNames();
    std::span<const std::string_view> kinds = StreetKinds();
    return std::to_string(1 + random_.Uniform(180)) + " " +
           Capitalised(std::string(streets[random_.Uniform(streets.size())])) + " " +
           Capitalised(std::string(kinds[random_.Uniform(kinds.size())]));
  }

  std::string Phone() {
    std::string digits = "07" + Digits(random_, 9);
    switch (random_.Uniform(3)) {
      case 0:
        return digits.substr(0, 5) + " " + digits.substr(5);
      case 1:
        return "+44 " + digits.substr(1, 4) + " " + digits.substr(5);
      default:
        return digits;
    }
  }

  std::string Email(const std::string& given, const std::string& surname) {
    std::string local = given + "." + surname + Digits(random_, 2);
    std::span<const std::string_view> domains = EmailDomains();
    return local + "@" + std::string(domains[random_.Uniform(domains.size())]);
  }

  std::string FormatDate(int year, int month, int day, int style) {
    char buffer[48];
    if (style == 1) {
      std::snprintf(buffer, sizeof(buffer), "%02d/%02d/%04d", day, month, year);
    } else if (style == 2) {
      std::snprintf(buffer, sizeof(buffer), "%04d%02d%02d", year, month, day);
    } else {
      std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", year, month, day);
    }
    return buffer;
  }

  std::string Typo(std::string text) {
    if (text.size() < 2) return text;
    std::size_t position = random_.Uniform(text.size() - 1) + 1;
    char letter = static_cast<char>('a' + random_.Uniform(26));
    switch (random_.Uniform(4)) {
      case 0:
        text[position] = letter;
        break;
      case 1:
        text.erase(position, 1);
        break;
      case 2:
        text.insert(position, 1, letter);
        break;
      default:
        std::swap(text[position - 1], text[position]);
        break;
    }
    return text;
  }

  std::string Nickname(const std::string& given) {
    std::string lower = given;
    for (char& character : lower) character = static_cast<char>(std::tolower(character));
    auto found = equivalents_.find(lower);
    if (found == equivalents_.end()) return given;
    const std::vector<std::string>& options = found->second;
    return Capitalised(options[random_.Uniform(options.size())]);
  }

  static std::string Upper(std::string text) {
    for (char& character : text) character = static_cast<char>(std::toupper(character));
    return text;
  }
  static std::string Lower(std::string text) {
    for (char& character : text) character = static_cast<char>(std::tolower(character));
    return text;
  }

  const SyntheticPeopleOptions& options_;
  Random& random_;
  SyntheticValueSources sources_;
  std::vector<std::string> given_names_;
  std::unordered_map<std::string, std::vector<std::string>> equivalents_;
  ZipfPicker given_picker_;
  ZipfPicker common_surname_picker_;
};

}  // namespace

class SyntheticPersonGenerator::Impl : public Generator {
 public:
  using Generator::Generator;
};

SyntheticPersonGenerator::SyntheticPersonGenerator(const SyntheticPeopleOptions& options,
                                                   Random& random, SyntheticValueSources sources)
    : impl_(std::make_unique<Impl>(options, random, std::move(sources))) {}

SyntheticPersonGenerator::~SyntheticPersonGenerator() = default;

SyntheticRecord SyntheticPersonGenerator::NewPerson(std::uint64_t person) {
  return impl_->NewPerson(person);
}

SyntheticRecord SyntheticPersonGenerator::Appearance(const SyntheticRecord& original) {
  return impl_->Corrupt(original);
}

std::vector<SyntheticRecord> SyntheticPersonGenerator::PersonWithAppearances(std::uint64_t person) {
  return impl_->Person(person);
}

std::vector<std::string> SyntheticColumns() {
  return {"id",       "given_name", "surname", "dob",   "sex",
          "postcode", "address",    "phone",   "email", "person"};
}

std::vector<std::string> SyntheticValues(const SyntheticRecord& record) {
  return {record.id,      record.given_name,
          record.surname, record.dob,
          record.sex,     record.postcode,
          record.address, record.phone,
          record.email,   std::to_string(record.person)};
}

void GenerateSyntheticPeople(std::uint64_t record_count, const SyntheticPeopleOptions& options,
                             Random& random,
                             const std::function<void(const SyntheticRecord&)>& emit) {
  Generator generator(options, random, {});
  std::vector<SyntheticRecord> records;
  records.reserve(static_cast<std::size_t>(record_count));
  for (std::uint64_t person = 0; records.size() < record_count; ++person) {
    for (SyntheticRecord& record : generator.Person(person)) {
      if (records.size() < record_count) records.push_back(std::move(record));
    }
  }
  // Shuffle, so a person's appearances are not next to each other.
  for (std::size_t index = records.size(); index > 1; --index) {
    std::swap(records[index - 1], records[random.Uniform(index)]);
  }
  for (const SyntheticRecord& record : records) emit(record);
}

}  // namespace vigil::linkage::testing
