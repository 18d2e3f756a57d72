// A contact: the person the dialer calls, with the fields an agent sees on
// the screen pop and the fields compliance needs to place them in time and
// law (phone numbers, state, ZIP, time zone).
//
// A plain value: copyable, no behaviour. Immutable once shared.
#ifndef DIALER_CONTACT_H_
#define DIALER_CONTACT_H_

#include <map>
#include <string>
#include <vector>

#include "dialer/types.h"

namespace dialer {
inline namespace v1 {

struct Contact {
  // Assigned by the Store when the contact is added; 0 before that.
  ContactId id = 0;
  // The host's own identifier (CRM id), carried through untouched.
  std::string external_id;

  std::string first_name;
  std::string last_name;
  std::string company;
  std::string title;
  std::string email;

  // Primary number in E.164 ("+12125550100"), then alternates in the order
  // they should be tried when the primary turns out wrong or dead.
  std::string phone;
  std::vector<std::string> alternate_phones;

  // Where the person is, for calling windows: USPS state code ("NY"), ZIP,
  // and an explicit IANA zone ("America/New_York") when the host knows it.
  // All optional; compliance falls back to the area code and then to the most
  // restrictive answer.
  std::string state;
  std::string zip;
  std::string time_zone;

  // Agent this contact is reserved for; empty for the campaign's shared queue.
  std::string assigned_agent;
  // High-value or recently engaged: dialed before retries and fresh contacts.
  bool hot = false;

  // Shown on the screen pop.
  std::string talk_track;
  std::string last_interaction;
  // Any other host fields (industry, deal value, LinkedIn URL, ...).
  std::map<std::string, std::string> fields;
};

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_CONTACT_H_
