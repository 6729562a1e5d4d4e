#include "linkage/testing/name_lists.h"

// Word lists for invented people (see name_lists.h).

namespace vigil::linkage::testing {

std::span<const std::string_view> CommonSurnames() {
  static constexpr std::string_view kValues[] = {
      "smith",      "jones",      "williams",   "taylor",     "brown",    "davies",
      "evans",      "wilson",     "thomas",     "johnson",    "roberts",  "robinson",
      "thompson",   "wright",     "walker",     "white",      "edwards",  "hughes",
      "green",      "hall",       "lewis",      "harris",     "clarke",   "patel",
      "jackson",    "wood",       "turner",     "martin",     "cooper",   "hill",
      "ward",       "morris",     "moore",      "clark",      "lee",      "king",
      "baker",      "harrison",   "morgan",     "allen",      "james",    "scott",
      "phillips",   "watson",     "davis",      "parker",     "price",    "bennett",
      "young",      "griffiths",  "mitchell",   "kelly",      "cook",     "carter",
      "richardson", "bailey",     "collins",    "bell",       "shaw",     "murphy",
      "miller",     "cox",        "richards",   "khan",       "marshall", "anderson",
      "simpson",    "ellis",      "adams",      "singh",      "begum",    "wilkinson",
      "foster",     "chapman",    "powell",     "webb",       "rogers",   "gray",
      "mason",      "ali",        "hunt",       "hussain",    "campbell", "matthews",
      "owen",       "palmer",     "holmes",     "mills",      "barnes",   "knight",
      "lloyd",      "butler",     "russell",    "barker",     "fisher",   "stevens",
      "jenkins",    "murray",     "dixon",      "harvey",     "graham",   "pearson",
      "ahmed",      "fletcher",   "walsh",      "kaur",       "gibson",   "howard",
      "andrews",    "stewart",    "elliott",    "reynolds",   "saunders", "payne",
      "fox",        "ford",       "pearce",     "day",        "brooks",   "west",
      "lawrence",   "cole",       "atkinson",   "bradley",    "spencer",  "gill",
      "dawson",     "ball",       "burton",     "o'brien",    "watts",    "rose",
      "booth",      "perry",      "ryan",       "grant",      "wells",    "armstrong",
      "francis",    "rees",       "hayes",      "hart",       "hudson",   "newman",
      "barrett",    "webster",    "hunter",     "gregory",    "carr",     "lowe",
      "page",       "marsh",      "riley",      "dunn",       "woods",    "parsons",
      "berry",      "stone",      "reid",       "holland",    "hawkins",  "harding",
      "porter",     "robertson",  "newton",     "oliver",     "reed",     "kennedy",
      "williamson", "bird",       "gardner",    "shah",       "dean",     "lane",
      "cooke",      "bates",      "henderson",  "parry",      "burgess",  "bishop",
      "walton",     "burns",      "nicholson",  "shepherd",   "ross",     "cross",
      "long",       "freeman",    "warren",     "nicholls",   "hamilton", "byrne",
      "sutton",     "mcdonald",   "yates",      "hodgson",    "robson",   "curtis",
      "hopkins",    "o'connor",   "harper",     "coleman",    "watkins",  "moss",
      "mccarthy",   "chambers",   "o'neill",    "griffin",    "sharp",    "hardy",
      "wheeler",    "potter",     "osborne",    "johnston",   "gordon",   "doyle",
      "wallace",    "george",     "jordan",     "hutchinson", "rowe",     "burke",
      "may",        "pritchard",  "gilbert",    "willis",     "higgins",  "read",
      "miles",      "stevenson",  "stephenson", "hammond",    "arnold",   "buckley",
      "walters",    "hewitt",     "barber",     "nelson",     "slater",   "austin",
      "sullivan",   "whitehead",  "mann",       "frost",      "lambert",  "stephens",
      "blake",      "akhtar",     "lynch",      "goodwin",    "barton",   "woodward",
      "thomson",    "cunningham", "quinn",      "barnett",    "baxter",   "bibi",
      "clayton",    "nash",       "greenwood",  "jennings",   "holt",     "kemp",
      "poole",      "gallagher",  "bond",       "stokes",     "tucker",   "davidson",
      "fowler",     "heath",      "norman",     "middleton",  "lawson",   "banks",
      "french",     "stanley",    "jarvis",     "gibbs",      "ferguson", "hayward",
      "carroll",    "douglas",    "dickinson",  "todd",       "barlow",   "peters",
      "lucas",      "knowles",    "hartley",    "miah",       "simmons",  "morton",
      "alexander",  "field",      "morrison",   "norris",     "townsend", "preston",
      "hancock",    "thornton",   "baldwin",    "burrows",    "briggs",   "storey",
      "pugh",       "vaughan"};
  return kValues;
}

std::span<const std::string_view> SurnameStarts() {
  static constexpr std::string_view kValues[] = {
      "ash",  "brad",  "brook", "chad", "clay", "cross", "dal",   "dun",  "elm",  "fair", "farn",
      "gold", "green", "hal",   "hart", "hay",  "holl",  "kings", "lang", "lock", "mar",  "mill",
      "nor",  "oak",   "pem",   "red",  "rich", "rock",  "ross",  "sand", "shel", "stan", "stock",
      "sum",  "thorn", "top",   "wal",  "wes",  "whit",  "wick",  "win",  "wood", "yard", "bel",
      "bram", "cal",   "dar",   "ever", "fen",  "glen",  "har",   "ing",  "kel",  "lind", "mor",
      "pen",  "quen",  "ral",   "sel",  "tal",  "ver",   "ald",   "bur",  "cran"};
  return kValues;
}

std::span<const std::string_view> SurnameEnds() {
  static constexpr std::string_view kValues[] = {
      "ton",   "ley",  "worth", "field", "ford",   "by",     "well",    "wood",  "ham",
      "stead", "more", "dale",  "shaw",  "brook",  "cliffe", "bury",    "croft", "gate",
      "land",  "man",  "son",   "er",    "ridge",  "well",   "thwaite", "burn",  "wick",
      "hurst", "low",  "combe", "den",   "ington", "ers",    "all",     "ell"};
  return kValues;
}

std::span<const std::string_view> StreetNames() {
  static constexpr std::string_view kValues[] = {
      "high",   "station", "church", "park",     "victoria",    "green",     "manor",   "mill",
      "school", "queens",  "kings",  "new",      "grange",      "albert",    "windsor", "north",
      "south",  "west",    "east",   "chapel",   "springfield", "alexandra", "york",    "richmond",
      "london", "stanley", "hill",   "elm",      "oak",         "ash",       "beech",   "cedar",
      "willow", "maple",   "birch",  "chestnut", "holly",       "meadow",    "orchard", "brook",
      "river",  "bridge",  "castle", "abbey",    "priory",      "forest",    "heath",   "moor",
      "rose",   "lime",    "poplar"};
  return kValues;
}

std::span<const std::string_view> StreetKinds() {
  static constexpr std::string_view kValues[] = {"street",  "road",    "avenue",   "lane",  "close",
                                                 "drive",   "way",     "crescent", "place", "grove",
                                                 "gardens", "terrace", "court",    "view"};
  return kValues;
}

std::span<const std::string_view> EmailDomains() {
  static constexpr std::string_view kValues[] = {
      "example.com",     "example.org",       "example.net",         "mail.example.co.uk",
      "post.example.uk", "inbox.example.com", "webmail.example.org", "example.co.uk"};
  return kValues;
}

std::span<const std::string_view> PostcodeAreas() {
  static constexpr std::string_view kValues[] = {
      "AB", "AL", "B",  "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "CA", "CB", "CF", "CH",
      "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY",
      "E",  "EC", "EH", "EN", "EX", "FK", "FY", "G",  "GL", "GU", "HA", "HD", "HG", "HP", "HR",
      "HS", "HU", "HX", "IG", "IP", "IV", "KA", "KT", "KW", "KY", "L",  "LA", "LD", "LE", "LL",
      "LN", "LS", "LU", "M",  "ME", "MK", "ML", "N",  "NE", "NG", "NN", "NP", "NR", "NW", "OL",
      "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S",  "SA", "SE", "SG", "SK",
      "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ",
      "TR", "TS", "TW", "UB", "W",  "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO"};
  return kValues;
}

}  // namespace vigil::linkage::testing
