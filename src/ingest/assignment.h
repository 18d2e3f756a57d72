// Who works each accepted contact: round-robin over a pool of agents, or
// territory rules on any field (state, area code, time zone, ZIP, a custom
// field), each rule handing its contacts round-robin to its own agents or to
// a team.
//
// Rules are tried in order; the first that matches decides. A contact no
// rule matches goes round-robin to `fallback_agents`, or stays unassigned
// (the campaign's shared queue) when that pool is empty. Assignment to a team
// leaves Contact::assigned_agent empty and records the team in
// Contact::fields["team"].
//
// Round-robin is deterministic: the same contacts in the same order get the
// same agents.
//
// Not thread-safe: the round-robin cursors change with every call.
#ifndef DIALER_SRC_INGEST_ASSIGNMENT_H_
#define DIALER_SRC_INGEST_ASSIGNMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "dialer/contact.h"

namespace dialer::ingest {

struct TerritoryRule {
  // "state", "zip", "area_code" (of the primary number, NANP), "time_zone",
  // "company", "title", "email_domain", or any key of Contact::fields.
  std::string field;
  // Values that match, compared ignoring case; a value ending in '*' matches
  // by prefix ("021*"). Empty field values never match.
  std::vector<std::string> values;
  // Exactly one of: agents (round-robin among them) or team.
  std::vector<std::string> agents;
  std::string team;
};

struct AssignmentOptions {
  std::vector<TerritoryRule> rules;
  // Round-robin pool for contacts no rule matches (all contacts when there
  // are no rules). Empty: those contacts stay unassigned.
  std::vector<std::string> fallback_agents;
};

// Parses {"rules": [{"field": "state", "values": ["NY"], "agents": ["ann"]},
// ...], "agents": ["bob", "cy"]}; "agents" at the top is the fallback pool.
[[nodiscard]] absl::StatusOr<AssignmentOptions> ParseAssignmentJson(
    std::string_view json);

class Assigner {
 public:
  // Fails, naming the rule, when a rule has no values, or not exactly one of
  // agents/team.
  [[nodiscard]] static absl::StatusOr<Assigner> Create(AssignmentOptions options);

  // Sets contact->assigned_agent (or fields["team"]).
  void Assign(Contact* contact);

 private:
  explicit Assigner(AssignmentOptions options)
      : options_(std::move(options)), cursors_(options_.rules.size() + 1, 0) {}
  static std::string FieldValue(const Contact& contact, std::string_view field);

  AssignmentOptions options_;
  std::vector<size_t> cursors_;  // per rule, then the fallback pool
};

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_ASSIGNMENT_H_
