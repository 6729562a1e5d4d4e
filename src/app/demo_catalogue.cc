#include "app/demo_catalogue.h"

#include <array>
#include <utility>

namespace vigil::app::demo {
namespace {

using Names = std::string_view;

// West Midlands.
constexpr Names kBirmingham[] = {"B5",  "B6",  "B7",  "B8",  "B9",  "B10", "B11", "B12", "B13",
                                 "B14", "B15", "B16", "B17", "B18", "B19", "B20", "B21", "B23",
                                 "B24", "B25", "B26", "B27", "B28", "B29", "B30", "B31", "B32",
                                 "B33", "B34", "B36", "B38", "B42", "B44"};
constexpr Names kSuttonColdfield[] = {"B72", "B73", "B74", "B75", "B76"};
constexpr Names kSolihull[] = {"B90", "B91", "B92"};
constexpr Names kWestBromwich[] = {"B70", "B71"};
constexpr Names kCoventry[] = {"CV1", "CV2", "CV3", "CV4", "CV5", "CV6"};
constexpr Names kWolverhampton[] = {"WV1", "WV2", "WV3", "WV4", "WV6", "WV10", "WV11"};
constexpr Names kWalsall[] = {"WS1", "WS2", "WS3", "WS5"};
constexpr Names kDudley[] = {"DY1", "DY2", "DY3"};
constexpr Town kWestMidlandsTowns[] = {
    {"Birmingham", kBirmingham}, {"Sutton Coldfield", kSuttonColdfield},
    {"Solihull", kSolihull},     {"West Bromwich", kWestBromwich},
    {"Coventry", kCoventry},     {"Wolverhampton", kWolverhampton},
    {"Walsall", kWalsall},       {"Dudley", kDudley}};
constexpr Names kWestMidlandsOfficers[] = {"demo.investigator", "dc.hughes", "dc.begum",
                                           "dc.kowalski",       "dc.mensah", "dc.oconnor"};
constexpr Names kWestMidlandsSupervisors[] = {"ds.okafor", "ds.walsh", "di.sandhu"};

// Greater Manchester.
constexpr Names kManchester[] = {"M4",  "M8",  "M11", "M12", "M13", "M14", "M15",
                                 "M16", "M19", "M20", "M21", "M22", "M40"};
constexpr Names kStockport[] = {"SK1", "SK2", "SK3", "SK4"};
constexpr Names kBolton[] = {"BL1", "BL2", "BL3"};
constexpr Names kOldham[] = {"OL1", "OL4", "OL8"};
constexpr Names kWigan[] = {"WN1", "WN3", "WN5"};
constexpr Town kGreaterManchesterTowns[] = {{"Manchester", kManchester},
                                            {"Stockport", kStockport},
                                            {"Bolton", kBolton},
                                            {"Oldham", kOldham},
                                            {"Wigan", kWigan}};
constexpr Names kGreaterManchesterOfficers[] = {"dc.riley", "dc.hussain", "dc.nowak"};
constexpr Names kGreaterManchesterSupervisors[] = {"ds.ashworth", "ds.mahmood"};

// Metropolitan Police (London).
constexpr Names kLondon[] = {"E1",   "E2",  "E3",  "E8",   "E17",  "N1",   "N4",  "N7",  "N15",
                             "N17",  "SE1", "SE5", "SE13", "SE15", "SE18", "SW2", "SW9", "SW11",
                             "SW17", "W2",  "W10", "W12",  "NW1",  "NW6",  "NW10"};
constexpr Town kMetropolitanTowns[] = {{"London", kLondon}};
constexpr Names kMetropolitanOfficers[] = {"dc.adeyemi", "dc.fitzgerald", "dc.chen"};
constexpr Names kMetropolitanSupervisors[] = {"ds.boateng", "ds.harper"};

// West Yorkshire.
constexpr Names kLeeds[] = {"LS4", "LS6", "LS8", "LS9", "LS11", "LS12"};
constexpr Names kBradford[] = {"BD3", "BD5", "BD7", "BD8"};
constexpr Names kHuddersfield[] = {"HD1", "HD2", "HD5"};
constexpr Names kWakefield[] = {"WF1", "WF2"};
constexpr Names kHalifax[] = {"HX1", "HX3"};
constexpr Town kWestYorkshireTowns[] = {{"Leeds", kLeeds},
                                        {"Bradford", kBradford},
                                        {"Huddersfield", kHuddersfield},
                                        {"Wakefield", kWakefield},
                                        {"Halifax", kHalifax}};
constexpr Names kWestYorkshireOfficers[] = {"dc.akhtar", "dc.holroyd"};
constexpr Names kWestYorkshireSupervisors[] = {"ds.pearson"};

// Staffordshire.
constexpr Names kStoke[] = {"ST1", "ST3", "ST4", "ST6"};
constexpr Names kStafford[] = {"ST16", "ST17"};
constexpr Names kTamworth[] = {"B77", "B78"};
constexpr Names kBurton[] = {"DE13", "DE14"};
constexpr Town kStaffordshireTowns[] = {{"Stoke-on-Trent", kStoke},
                                        {"Stafford", kStafford},
                                        {"Tamworth", kTamworth},
                                        {"Burton upon Trent", kBurton}};
constexpr Names kStaffordshireOfficers[] = {"dc.bailey", "dc.kaur"};
constexpr Names kStaffordshireSupervisors[] = {"ds.whitehouse"};

// Warwickshire.
constexpr Names kNuneaton[] = {"CV10", "CV11"};
constexpr Names kLeamington[] = {"CV31", "CV32"};
constexpr Names kWarwick[] = {"CV34"};
constexpr Names kStratford[] = {"CV37"};
constexpr Names kRugby[] = {"CV21", "CV22"};
constexpr Town kWarwickshireTowns[] = {{"Nuneaton", kNuneaton},
                                       {"Leamington Spa", kLeamington},
                                       {"Warwick", kWarwick},
                                       {"Stratford-upon-Avon", kStratford},
                                       {"Rugby", kRugby}};
constexpr Names kWarwickshireOfficers[] = {"dc.gill", "dc.turner"};
constexpr Names kWarwickshireSupervisors[] = {"ds.mistry"};

// West Mercia.
constexpr Names kWorcester[] = {"WR1", "WR2", "WR4", "WR5"};
constexpr Names kTelford[] = {"TF1", "TF2", "TF3", "TF7"};
constexpr Names kShrewsbury[] = {"SY1", "SY2", "SY3"};
constexpr Names kHereford[] = {"HR1", "HR2", "HR4"};
constexpr Town kWestMerciaTowns[] = {{"Worcester", kWorcester},
                                     {"Telford", kTelford},
                                     {"Shrewsbury", kShrewsbury},
                                     {"Hereford", kHereford}};
constexpr Names kWestMerciaOfficers[] = {"dc.price", "dc.evans"};
constexpr Names kWestMerciaSupervisors[] = {"ds.lloyd"};

constexpr ForceArea kForceAreas[] = {
    {"west_midlands", "WM", 60, 'B', "0121 496 0", kWestMidlandsTowns, kWestMidlandsOfficers,
     kWestMidlandsSupervisors},
    {"greater_manchester", "GMP", 10, 'M', "0161 496 0", kGreaterManchesterTowns,
     kGreaterManchesterOfficers, kGreaterManchesterSupervisors},
    {"metropolitan", "MPS", 10, 'L', "020 7946 0", kMetropolitanTowns, kMetropolitanOfficers,
     kMetropolitanSupervisors},
    {"west_yorkshire", "WYP", 8, 'Y', "0113 496 0", kWestYorkshireTowns, kWestYorkshireOfficers,
     kWestYorkshireSupervisors},
    {"staffordshire", "SP", 5, 'F', "0121 496 0", kStaffordshireTowns, kStaffordshireOfficers,
     kStaffordshireSupervisors},
    {"warwickshire", "WK", 3, 'B', "0121 496 0", kWarwickshireTowns, kWarwickshireOfficers,
     kWarwickshireSupervisors},
    {"west_mercia", "WMC", 4, 'C', "0121 496 0", kWestMerciaTowns, kWestMerciaOfficers,
     kWestMerciaSupervisors},
};

constexpr Names kGivenNames[] = {
    "Olivia",   "Amelia",     "Isla",        "Ava",       "Sophie",   "Grace",   "Chloe",
    "Emily",    "Jessica",    "Hannah",      "Charlotte", "Lucy",     "Rebecca", "Sarah",
    "Emma",     "Laura",      "Gemma",       "Kelly",     "Nicola",   "Claire",  "Aisha",
    "Fatima",   "Zainab",     "Maryam",      "Amira",     "Priya",    "Anjali",  "Simran",
    "Harpreet", "Jaspreet",   "Mei",         "Ling",      "Chiamaka", "Ngozi",   "Abena",
    "Ama",      "Aleksandra", "Zofia",       "Siobhan",   "Niamh",    "Bethan",  "Rhiannon",
    "Samantha", "Danielle",   "Oliver",      "George",    "Harry",    "Jack",    "Jacob",
    "Charlie",  "Thomas",     "James",       "Daniel",    "Ryan",     "Liam",    "Connor",
    "Callum",   "Mohammed",   "Ibrahim",     "Yusuf",     "Omar",     "Bilal",   "Arjun",
    "Rohan",    "Harjit",     "Gurpreet",    "Kwame",     "Kofi",     "Tunde",   "Emeka",
    "Darnell",  "Tyrone",     "Marek",       "Piotr",     "Tomasz",   "Dylan",   "Rhys",
    "Sean",     "Cian",       "Wei",         "Jun",       "Matthew",  "Nathan",  "Kieran",
    "Joseph",   "Michael",    "Christopher", "Zoe"};

constexpr Names kFamilyNames[] = {
    "Smith",  "Jones",    "Williams", "Taylor",   "Brown",    "Davies",     "Evans",   "Wilson",
    "Thomas", "Roberts",  "Johnson",  "Lewis",    "Walker",   "Robinson",   "Wood",    "Thompson",
    "White",  "Watson",   "Jackson",  "Wright",   "Green",    "Harris",     "Cooper",  "King",
    "Lee",    "Martin",   "Clarke",   "James",    "Morgan",   "Hughes",     "Edwards", "Hill",
    "Moore",  "Harrison", "Scott",    "Young",    "Morris",   "Hall",       "Ward",    "Turner",
    "Carter", "Phillips", "Mitchell", "Patel",    "Khan",     "Ahmed",      "Hussain", "Ali",
    "Begum",  "Akhtar",   "Iqbal",    "Mahmood",  "Singh",    "Kaur",       "Sandhu",  "Gill",
    "Sharma", "Mistry",   "Chauhan",  "Chen",     "Wong",     "Nguyen",     "Okafor",  "Adeyemi",
    "Mensah", "Osei",     "Boateng",  "Okoro",    "Campbell", "Murphy",     "O'Brien", "Kelly",
    "Walsh",  "Byrne",    "McDonald", "Kowalski", "Nowak",    "Wiśniewski", "Kaya",    "Yılmaz",
    "Demir",  "da Silva", "Costa",    "Francis",  "Grant",    "Reid",       "Bennett", "Price"};

constexpr std::pair<Names, Names> kShortForms[] = {
    {"Rebecca", "Becky"}, {"Jessica", "Jess"},      {"Nicola", "Nicky"},   {"Samantha", "Sam"},
    {"Danielle", "Dani"}, {"Charlotte", "Lottie"},  {"Thomas", "Tom"},     {"James", "Jamie"},
    {"Daniel", "Dan"},    {"Oliver", "Ollie"},      {"Jacob", "Jake"},     {"Mohammed", "Mo"},
    {"Callum", "Cal"},    {"Matthew", "Matt"},      {"Nathan", "Nate"},    {"Joseph", "Joe"},
    {"Michael", "Mike"},  {"Christopher", "Chris"}, {"Aleksandra", "Ola"}, {"Tomasz", "Tomek"},
    {"Emily", "Em"},      {"Harry", "Haz"},         {"Zainab", "Zee"},     {"Gurpreet", "Gary"}};

constexpr Names kStreets[] = {
    "Harborne Road", "Stratford Road", "Soho Road",     "Alum Rock Road",   "Bristol Road",
    "Coventry Road", "Hagley Road",    "Church Street", "Station Road",     "High Street",
    "Park Road",     "Victoria Road",  "Mill Lane",     "Oak Tree Lane",    "Queens Road",
    "Grange Road",   "Windmill Lane",  "Chester Road",  "Albert Street",    "Canal Side",
    "Linden Avenue", "Beech Close",    "Meadow Way",    "Kingfisher Drive", "Elm Grove",
    "Sandy Lane",    "Green Lane",     "Moor Street",   "Wellington Road",  "Rookery Road"};

constexpr Names kVehicleDescriptions[] = {"silver Ford Fiesta",      "black Vauxhall Corsa",
                                          "white Volkswagen Golf",   "grey BMW 3 Series",
                                          "blue Toyota Yaris",       "red Nissan Qashqai",
                                          "black Audi A3",           "white Ford Transit van",
                                          "silver Kia Sportage",     "grey Mercedes-Benz A-Class",
                                          "dark blue Skoda Octavia", "white Peugeot 208"};

constexpr Names kHandlePlatforms[] = {"instagram", "snapchat", "facebook", "tiktok", "x"};

constexpr Names kOfficerRanks[] = {"PC", "PC", "PC", "DC", "PS"};

}  // namespace

std::span<const ForceArea> ForceAreas() { return kForceAreas; }
std::span<const std::string_view> GivenNames() { return kGivenNames; }
std::span<const std::string_view> FamilyNames() { return kFamilyNames; }

std::string_view ShortForm(std::string_view given_name) {
  for (const auto& [name, short_form] : kShortForms) {
    if (name == given_name) return short_form;
  }
  return {};
}

std::string MakePostcode(const Town& town, const Draw& draw) {
  std::string postcode(town.districts[draw(town.districts.size())]);
  postcode += ' ';
  postcode += static_cast<char>('1' + draw(9));
  postcode += kInwardLetters[draw(kInwardLetters.size())];
  postcode += kInwardLetters[draw(kInwardLetters.size())];
  return postcode;
}

std::string MakeMobileNumber(const Draw& draw) {
  return std::string(kMobilePrefix) + Padded(static_cast<std::int64_t>(draw(1000)), 3);
}

std::string MakeLandline(const ForceArea& area, const Draw& draw) {
  return std::string(area.landline_prefix) + Padded(static_cast<std::int64_t>(draw(1000)), 3);
}

const ForceArea& PickForceArea(const Draw& draw) {
  int total = 0;
  for (const ForceArea& area : ForceAreas()) total += area.weight;
  auto roll = static_cast<int>(draw(static_cast<std::uint64_t>(total)));
  for (const ForceArea& area : ForceAreas()) {
    if (roll < area.weight) return area;
    roll -= area.weight;
  }
  return ForceAreas().front();
}

std::string MakeRegistration(const ForceArea& area, const Draw& draw) {
  static constexpr std::string_view kAgeIdentifiers[] = {"15", "65", "16", "66", "17", "67", "18",
                                                         "68", "19", "69", "20", "70", "21", "71",
                                                         "22", "72", "23", "73", "24", "74"};
  std::string plate(1, area.registration_region);
  plate += kRegistrationLetters[draw(kRegistrationLetters.size())];
  plate += kAgeIdentifiers[draw(std::size(kAgeIdentifiers))];
  for (int letter = 0; letter < 3; ++letter) {
    plate += kRegistrationLetters[draw(kRegistrationLetters.size())];
  }
  return plate;
}

std::string AsciiLetters(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

std::string Padded(std::int64_t number, int width) {
  std::string digits = std::to_string(number);
  if (static_cast<int>(digits.size()) < width) {
    digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  }
  return digits;
}

const ForceArea* FindForceArea(std::string_view force) {
  for (const ForceArea& area : kForceAreas) {
    if (area.force == force) return &area;
  }
  return nullptr;
}

std::vector<const ForceArea*> NeighbouringAreas(std::string_view force) {
  static constexpr std::pair<Names, Names> kBorders[] = {
      {"west_midlands", "staffordshire"}, {"west_midlands", "warwickshire"},
      {"west_midlands", "west_mercia"},   {"staffordshire", "west_mercia"},
      {"warwickshire", "west_mercia"},    {"greater_manchester", "west_yorkshire"}};
  std::vector<const ForceArea*> neighbours;
  for (const auto& [one, other] : kBorders) {
    if (one == force) neighbours.push_back(FindForceArea(other));
    if (other == force) neighbours.push_back(FindForceArea(one));
  }
  return neighbours;
}

const Town* TownOfPostcode(std::string_view postcode) {
  std::string_view outward = postcode.substr(0, postcode.find(' '));
  for (const ForceArea& area : kForceAreas) {
    for (const Town& town : area.towns) {
      for (std::string_view district : town.districts) {
        if (district == outward) return &town;
      }
    }
  }
  return nullptr;
}

std::span<const std::string_view> Streets() { return kStreets; }
std::span<const std::string_view> VehicleDescriptions() { return kVehicleDescriptions; }
std::span<const std::string_view> HandlePlatforms() { return kHandlePlatforms; }
std::span<const std::string_view> OfficerRanks() { return kOfficerRanks; }

}  // namespace vigil::app::demo
