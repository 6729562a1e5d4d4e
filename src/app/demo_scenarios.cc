#include "app/demo_scenarios.h"

#include <utility>

namespace vigil::app::demo {
namespace {

using Words = std::string_view;

constexpr Words kStalking[] = {"stalking"};
constexpr Words kStalkingAndComms[] = {"stalking", "improper_use_of_network"};

constexpr Words kFormerPartners[] = {"an ex-partner", "a former partner of three years",
                                     "an ex-boyfriend", "an ex-girlfriend", "an ex-husband"};
constexpr Words kCurrentPartners[] = {"a current partner", "a partner they live with"};
constexpr Words kAcquaintances[] = {"a former colleague", "an acquaintance from the gym",
                                    "a customer from the victim's workplace",
                                    "someone the victim met once at a party"};
constexpr Words kNeighbours[] = {"a neighbour", "a neighbour two doors down"};
constexpr Words kStrangers[] = {"a man the victim does not know",
                                "a woman the victim does not know",
                                "someone the victim knows only from social media"};
constexpr Words kAnyone[] = {"an ex-partner", "a former colleague", "an acquaintance",
                             "someone known only online"};

constexpr Words kFixatedBehaviours[] = {"following",          "turning_up",
                                        "contacting",         "loitering",
                                        "watching_or_spying", "contacting_third_parties",
                                        "tracking_device",    "unwanted_gifts"};
constexpr Words kContactBehaviours[] = {"contacting", "turning_up", "contacting_third_parties",
                                        "unwanted_gifts"};
constexpr Words kOnlineBehaviours[] = {"contacting", "publishing_material",
                                       "threatening_to_share_intimate_images", "impersonation",
                                       "monitoring_electronic_communications"};
constexpr Words kDamageBehaviours[] = {"damaging_property", "interfering_with_property",
                                       "loitering", "watching_or_spying"};
constexpr Words kThreatBehaviours[] = {"threats_of_violence", "following", "turning_up",
                                       "contacting", "violence"};
constexpr Words kControlBehaviours[] = {"controlling_or_coercive",
                                        "monitoring_electronic_communications", "tracking_device",
                                        "threats_of_violence"};
constexpr Words kNeighbourBehaviours[] = {"contacting", "turning_up", "damaging_property"};
constexpr Words kBreachBehaviours[] = {"contacting", "turning_up", "loitering"};
constexpr Words kConcernBehaviours[] = {"loitering", "watching_or_spying", "unwanted_gifts"};

constexpr Words kInPersonChannels[] = {"in_person", "in_person", "text_message", "phone_call"};
constexpr Words kMixedChannels[] = {"text_message", "phone_call", "social_media",   "in_person",
                                    "email",        "letter",     "via_third_party"};
constexpr Words kOnlineChannels[] = {"social_media", "social_media", "email", "text_message"};
constexpr Words kDoorstepChannels[] = {"in_person"};

constexpr Words kExPartnerStalking[] = {
    "The victim ended a relationship with {relationship} about {weeks} weeks ago. Since then the "
    "suspect has sent around {count} messages, turned up {place} and waited in a car on the "
    "street. The victim is frightened to leave the house alone and has changed the route to work.",
    "The victim reports that {relationship} will not accept that the relationship is over. The "
    "suspect has called repeatedly from withheld numbers, contacted the victim's mother and been "
    "seen {place} on several evenings. The victim believes the suspect knows their movements.",
    "The victim attended the front counter to report {relationship}. Over the last {weeks} weeks "
    "the suspect has followed the victim home, left notes on the car and sent about {count} "
    "messages. The victim has started sleeping at a friend's address."};
constexpr Words kHiddenHarassment[] = {
    "Recorded as harassment. The victim reports {relationship} has sent around {count} unwanted "
    "messages and turned up {place} twice in the past fortnight despite being asked to stop. The "
    "victim says it has been going on for {weeks} weeks and is affecting their sleep.",
    "The victim says {relationship} keeps contacting friends and colleagues to ask where the "
    "victim is. The suspect was seen {place}. The victim describes feeling watched and anxious."};
constexpr Words kHiddenMaliciousCommunications[] = {
    "The victim reports receiving about {count} abusive messages from accounts believed to belong "
    "to {relationship}. New accounts appear each time one is blocked. The messages mention where "
    "the victim works and what they were wearing that day.",
    "The victim reports that {relationship} has posted private photographs and threatened to send "
    "more to the victim's employer. The conduct has lasted about {weeks} weeks."};
constexpr Words kHiddenCriminalDamage[] = {
    "The victim's car tyres were slashed overnight {place}. This is the fourth incident of damage "
    "in {weeks} weeks, and the victim believes {relationship} is responsible because of messages "
    "received afterwards saying \"you know why\".",
    "Paint was thrown over the victim's front door. The victim reports that {relationship} has "
    "been seen {place} on several occasions and has sent about {count} messages since the "
    "relationship ended."};
constexpr Words kFearOfViolence[] = {
    "The victim reports that {relationship} has threatened to hurt them if they do not reply. The "
    "suspect was waiting {place} and followed the victim to the bus stop. The victim is "
    "frightened that the suspect will use violence.",
    "After {weeks} weeks of unwanted contact, {relationship} sent a message describing the "
    "victim's front door and saying they would \"sort it\". The victim fears for their safety and "
    "that of their children."};
constexpr Words kCoerciveControl[] = {
    "The victim discloses that {relationship} checks their phone, controls their money and has "
    "put a tracking app on their mobile. The suspect turns up {place} if the victim is late home.",
    "The victim reports {weeks} weeks of controlling behaviour by {relationship}, including "
    "monitoring messages and threatening to leave with the children."};
constexpr Words kNeighbourDispute[] = {
    "The victim reports an ongoing dispute with {relationship} about parking. The suspect has "
    "knocked on the door shouting on several occasions and kicked the victim's bins over.",
    "The victim says {relationship} has shouted abuse across the garden fence and put notes "
    "through the door over the past {weeks} weeks."};
constexpr Words kOnlineAbuse[] = {
    "The victim reports about {count} abusive comments on their social media posts from "
    "{relationship}. Some comments mention the victim's home town.",
    "The victim has received repeated menacing messages through a messaging app from "
    "{relationship} over {weeks} weeks."};
constexpr Words kBreachOfOrder[] = {
    "The suspect, {relationship}, is subject to a restraining order not to contact the victim. "
    "The victim reports that the suspect sent a message and was seen {place} yesterday.",
    "A Stalking Protection Order prohibits {relationship} from contacting the victim. The victim "
    "reports {count} missed calls from a new number and a card left on the doorstep."};
constexpr Words kConcern[] = {
    "The victim reports a car parked {place} on several evenings, with someone watching the "
    "house. No offence is disclosed at present; recorded for intelligence.",
    "The victim has received flowers at work from an unknown sender with a note that says \"I "
    "see you\". Recorded as a non-crime incident pending enquiries."};
constexpr Words kStrangerFixation[] = {
    "The victim reports that {relationship} has approached them at work repeatedly, sent gifts "
    "and left {count} messages. The suspect appears fixated and has been seen {place}.",
    "Over {weeks} weeks {relationship} has followed the victim on the way to the station and "
    "sent unwanted gifts to their home address. The victim is in serious alarm and distress."};

constexpr Scenario kScenarios[] = {
    {"ex_partner_stalking",
     22,
     "stalking",
     {},
     kFormerPartners,
     kFixatedBehaviours,
     kInPersonChannels,
     kExPartnerStalking,
     true},
    {"hidden_stalking_harassment", 14, "harassment", kStalking, kFormerPartners, kContactBehaviours,
     kMixedChannels, kHiddenHarassment, true},
    {"hidden_stalking_malicious_communications", 9, "malicious_communications", kStalkingAndComms,
     kAnyone, kOnlineBehaviours, kOnlineChannels, kHiddenMaliciousCommunications, false},
    {"hidden_stalking_criminal_damage", 7, "criminal_damage", kStalking, kFormerPartners,
     kDamageBehaviours, kDoorstepChannels, kHiddenCriminalDamage, false},
    {"stalking_fear_of_violence",
     6,
     "stalking_fear_of_violence",
     {},
     kFormerPartners,
     kThreatBehaviours,
     kInPersonChannels,
     kFearOfViolence,
     true},
    {"coercive_control", 8, "controlling_coercive_behaviour", kStalking, kCurrentPartners,
     kControlBehaviours, kMixedChannels, kCoerciveControl, true},
    {"neighbour_harassment",
     9,
     "harassment",
     {},
     kNeighbours,
     kNeighbourBehaviours,
     kDoorstepChannels,
     kNeighbourDispute,
     true},
    {"online_abuse",
     8,
     "improper_use_of_network",
     {},
     kStrangers,
     kOnlineBehaviours,
     kOnlineChannels,
     kOnlineAbuse,
     false},
    {"breach_of_order", 5, "breach_of_order", kStalking, kFormerPartners, kBreachBehaviours,
     kMixedChannels, kBreachOfOrder, true},
    {"non_crime_concern",
     6,
     "non_crime_incident",
     {},
     kStrangers,
     kConcernBehaviours,
     kDoorstepChannels,
     kConcern,
     false},
    {"stranger_fixation",
     6,
     "stalking_serious_alarm_distress",
     {},
     kAcquaintances,
     kFixatedBehaviours,
     kMixedChannels,
     kStrangerFixation,
     false},
};

constexpr std::pair<Words, Words> kSummaries[] = {
    {"following", "Suspect followed the victim on foot for about ten minutes."},
    {"following", "Victim saw the suspect behind them twice within half an hour."},
    {"contacting", "Victim received a run of text messages between midnight and 3am."},
    {"contacting", "Suspect rang the victim's mobile repeatedly from a withheld number."},
    {"publishing_material", "Suspect posted photographs of the victim on a public account."},
    {"monitoring_electronic_communications",
     "Victim found their email had been accessed from an unknown device."},
    {"loitering", "Suspect was seen sitting in a parked car for about an hour."},
    {"interfering_with_property", "Victim's post had been opened and left on the doorstep."},
    {"watching_or_spying", "A witness saw the suspect photographing the victim."},
    {"unwanted_gifts", "Flowers and an unsigned card were left for the victim."},
    {"turning_up", "Suspect turned up uninvited and asked people nearby where the victim was."},
    {"turning_up", "Suspect approached the victim late in the evening and refused to leave."},
    {"threats_of_violence", "Suspect sent a message saying the victim would \"regret it\"."},
    {"violence", "Suspect grabbed the victim's arm; minor bruising."},
    {"sexual_violence", "Victim disclosed an unwanted sexual touching by the suspect."},
    {"damaging_property", "Victim's car wing mirror was smashed."},
    {"contacting_third_parties",
     "Suspect messaged the victim's sister asking where the victim was living."},
    {"recruiting_others",
     "A friend of the suspect asked the victim's colleagues about the victim's shifts."},
    {"tracking_device", "A tracking device was found under the rear bumper of the victim's car."},
    {"impersonation",
     "A social media account in the victim's name was created and used to message friends."},
    {"controlling_or_coercive",
     "Suspect took the victim's bank card and told them they could not go out."},
    {"threatening_to_share_intimate_images",
     "Suspect threatened to send intimate photographs to the victim's family."},
};

constexpr Words kPlaces[] = {"outside the victim's home",
                             "outside the victim's workplace",
                             "at the victim's gym",
                             "in the supermarket car park",
                             "at the school gates",
                             "at the railway station",
                             "at the bus stop near the victim's home",
                             "outside a friend's house where the victim was staying"};

constexpr TaskTemplate kTaskTemplates[] = {
    {"Preserve CCTV from the area before it is overwritten (usually 28 days)", false},
    {"Refer the victim to an independent stalking advocate (ISAC)", false},
    {"Take a full statement from the victim, including a victim personal statement", false},
    {"Obtain a download of the victim's phone with consent", false},
    {"Complete the stalking screening questions and risk assessment", false},
    {"Run checks on the suspect's vehicle and any previous orders", false},
    {"Consider applying for an interim Stalking Protection Order", false},
    {"Supervisor review of the investigation plan and risk level", true},
    {"Supervisor review before the case is closed", true},
};

constexpr Words kNotes[] = {
    "Spoke to the victim by phone. They confirmed the suspect has made no further contact since "
    "Friday and they are staying with family for now.",
    "Safeguarding: the victim has been given a personal alarm and the address has a marker for an "
    "urgent response.",
    "Suspect interviewed under caution; gave a no comment interview. Released under investigation.",
    "Checked the other reports for this victim: the same suspect is named in each, so they have "
    "been "
    "put together in this case as one course of conduct.",
    "Supervisor review: risk is high. Prioritise the CCTV and the phone download this week.",
    "Victim has been referred to the local stalking advocacy service and accepted support.",
};

constexpr Words kClosureReasons[] = {
    "Suspect charged with stalking and remanded; file passed to the CPS.",
    "Stalking Protection Order granted at the magistrates' court; case closed after supervisor "
    "review.",
    "No further action: the victim did not wish to support a prosecution; safeguarding in place.",
    "Suspect cautioned after admitting the harassment; victim content with the outcome.",
};

}  // namespace

std::span<const Scenario> Scenarios() { return kScenarios; }

std::string_view OccasionSummary(std::string_view behaviour, std::size_t variant) {
  std::size_t matches = 0;
  for (const auto& [id, text] : kSummaries) {
    if (id == behaviour) ++matches;
  }
  if (matches == 0) return "Further unwanted conduct reported by the victim.";
  std::size_t wanted = variant % matches;
  for (const auto& [id, text] : kSummaries) {
    if (id != behaviour) continue;
    if (wanted == 0) return text;
    --wanted;
  }
  return "";
}

std::span<const std::string_view> PlaceDescriptions() { return kPlaces; }
std::span<const TaskTemplate> TaskTemplates() { return kTaskTemplates; }
std::span<const std::string_view> NoteTexts() { return kNotes; }
std::span<const std::string_view> ClosureReasons() { return kClosureReasons; }

std::string FillTemplate(std::string_view text, std::string_view relationship, int count,
                         std::string_view place, int weeks) {
  std::string out;
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t open = text.find('{', position);
    std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out.append(text.substr(position));
      break;
    }
    out.append(text.substr(position, open - position));
    std::string_view key = text.substr(open + 1, close - open - 1);
    if (key == "relationship") {
      out.append(relationship);
    } else if (key == "count") {
      out.append(std::to_string(count));
    } else if (key == "place") {
      out.append(place);
    } else if (key == "weeks") {
      out.append(std::to_string(weeks));
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    position = close + 1;
  }
  return out;
}

}  // namespace vigil::app::demo
