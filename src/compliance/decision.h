// The gate's answer for one dial: allowed, or every rule that said no, with
// the inputs that led to it, ready for the audit log.
//
// DecisionToJson() is the stable machine form (one line; field names below
// never change meaning, new fields may be added):
//   {"allowed":false,"reasons":["outside_federal_window"],
//    "zones":["America/New_York"],"local_times":["2026-03-08T07:30:00"],
//    "retry_at":"2026-03-08T12:00:00Z","at":"2026-03-08T11:30:00Z",
//    "inputs":{"phone":"+12125550100","state":"NY","zip":"","time_zone":"",
//      "states":["NY"],"campaign_id":"c1","subject":"solar","caller_id":"+1...",
//      "mode":"predictive","abandon_state":"normal","attempts_24h":0,
//      "attempts_general":0,"last_conversation":null}}
// `retry_at` is null when time alone will not lift the refusal.
// DecisionToText() is one human-readable line for logs and the CLI.
//
// Plain value: safe to copy and to use from any thread.
#ifndef DIALER_COMPLIANCE_DECISION_H_
#define DIALER_COMPLIANCE_DECISION_H_

#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "compliance/abandon_tracker.h"
#include "compliance/reason.h"
#include "dialer/types.h"

namespace dialer::compliance {

struct Decision {
  bool allowed = false;
  // Every rule that says no, in Reason order, each once. (Inlined vectors:
  // a decision is made per dial, and these hold a few elements.)
  absl::InlinedVector<Reason, 8> reasons;
  // Candidate zones of the called party and the local time in each at `at`.
  absl::InlinedVector<std::string, 4> zones;
  absl::InlinedVector<absl::CivilSecond, 4> local_times;
  // Earliest instant at which the time-based rules (windows, holidays,
  // Sunday bans, attempt caps, cool-off) could allow the call: `at` when
  // allowed; InfiniteFuture() when a rule that time does not lift says no
  // (DNC, blackout, caller ID, abandon stop, invalid input) or no window
  // opens within 31 days. An attempt cap whose oldest counted call is
  // unknown is assumed to last a full window.
  absl::Time retry_at = absl::InfiniteFuture();

  // Inputs, echoed for the audit record.
  absl::Time at;
  std::string phone_e164;
  std::string contact_state;
  std::string zip;
  std::string time_zone;
  absl::InlinedVector<std::string, 4> states;  // states whose rules applied, sorted
  std::string campaign_id;
  std::string subject;
  std::string caller_id;
  DialMode mode = DialMode::kPower;
  AbandonState abandon_state = AbandonState::kNormal;
  int attempts_24h = 0;
  int attempts_general = 0;
  absl::Time last_conversation = absl::InfinitePast();

  bool Has(Reason r) const;
};

// Stable names used in the JSON: "power", "parallel", "predictive".
std::string_view DialModeName(DialMode mode);

std::string DecisionToJson(const Decision& decision);
std::string DecisionToText(const Decision& decision);

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_DECISION_H_
