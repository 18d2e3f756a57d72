// The one compliance gate: may this contact be dialed now, for this campaign?
//
// Gate::Check() is a pure function of (contact, campaign, counters, time)
// and the Rules it was built with. It evaluates EVERY rule and returns a
// Decision listing every rule that says no, so the audit log shows all of
// them. The engine asks it at dial time for every call; nothing else
// decides.
//
// Rules applied (docs/compliance.md has the sources and reason codes):
//  - calling windows in every candidate zone of the contact (ZoneResolver):
//    federal 08:00-21:00; each applicable state's window for the local
//    weekday (applicable = the NPA's state(s) by area code and the contact's
//    state); `closed` Sundays; the state's holidays where its row bans them;
//    the campaign's stricter window, also in the called party's local time;
//  - manual per-state blackout switches;
//  - DNC: national registry, applicable states' lists, internal list;
//  - attempt caps: the campaign's per-24h cap, the smallest applicable state
//    cap (FL/OK/MD: 3 per 24 h, same subject), the campaign's general rule
//    (N calls per window, cool-off after a conversation);
//  - abandon stop when the campaign dials in parallel or predictive mode;
//  - caller ID: must be one of the campaign's allowed numbers.
//
// Example:
//   absl::StatusOr<Rules> rules = Rules::Default();
//   Gate gate(*rules);
//   Decision d = gate.Check(contact, campaign, counters, now);
//   if (!d.allowed) store.AppendAudit(DecisionToJson(d));
//
// Thread-safety: Check(), WindowKeyOf() and WindowOpensAt() are const and
// may run concurrently from any threads (the C ABI and `dialer gate` may),
// provided nobody mutates the Rules (blackouts, internal DNC) at the same
// time. The engine mutates them on its strand between checks. The only
// memo, local_days.h's zone-day table, is per thread and exact, so answers
// never depend on which thread asks or what it asked before.
#ifndef DIALER_COMPLIANCE_GATE_H_
#define DIALER_COMPLIANCE_GATE_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "compliance/abandon_tracker.h"
#include "compliance/daily_window.h"
#include "compliance/decision.h"
#include "compliance/dnc_lists.h"
#include "compliance/holiday_calendar.h"
#include "compliance/local_days.h"
#include "compliance/state_blackouts.h"
#include "compliance/state_rules.h"
#include "compliance/zone_resolver.h"
#include "dialer/config.h"
#include "dialer/types.h"

namespace dialer::compliance {

// The contact fields compliance needs (same as an imported contact's).
struct GateContact {
  std::string phone_e164;  // "+12125550100"
  std::string state;       // USPS code or empty
  std::string zip;         // accepted, unused (no ZIP data; see ZoneResolver)
  std::string time_zone;   // IANA ID or empty
};

// A rule like Regulation F's 7 calls in 7 days (12 CFR 1006.14(b)(2)): the
// campaign setting itself (dialer/config.h), so the engine passes it as is.
using GeneralCap = ::dialer::CallFrequencyCap;

struct GateCampaign {
  std::string id;
  std::string subject;  // what the 24 h state caps count "calls on"
  // The campaign's own window per weekday, local time of the called party.
  WeeklyWindows window = {DailyWindow::AllDay(), DailyWindow::AllDay(),
                          DailyWindow::AllDay(), DailyWindow::AllDay(),
                          DailyWindow::AllDay(), DailyWindow::AllDay(),
                          DailyWindow::AllDay()};
  int max_attempts_per_24h = 0;  // 0 = no campaign cap
  GeneralCap general_cap;
  // E.164 numbers the account owns and that route a call back to it.
  absl::flat_hash_set<std::string> allowed_caller_ids;
  std::string caller_id;  // the number chosen for this dial
  // The engine always checks the caller ID. Only a what-if query about the
  // contact alone (`dialer gate` without --campaign) turns this off.
  bool check_caller_id = true;
  AbandonState abandon_state = AbandonState::kNormal;
  DialMode mode = DialMode::kPower;

  // Same window every day.
  void SetDailyWindow(DailyWindow w) { window.fill(w); }
};

// Counts the engine keeps per contact (all the person's numbers) and
// subject, across every caller ID, answered or not.
struct GateCounters {
  int attempts_24h = 0;  // calls in the rolling 24 h before `now`
  // Oldest of those calls, or InfinitePast() when unknown (then retry_at
  // assumes the cap lasts a full 24 h).
  absl::Time oldest_attempt_24h = absl::InfinitePast();
  int attempts_general = 0;  // calls in the general cap's window
  absl::Time oldest_attempt_general = absl::InfinitePast();
  // Last conversation with the person, InfinitePast() if none.
  absl::Time last_conversation = absl::InfinitePast();
};

// Everything the gate consults besides the call itself. Pointers are
// non-owning and must outlive every Gate built on these Rules.
struct Rules {
  const ZoneResolver* resolver = nullptr;    // REQUIRED
  const HolidayCalendar* holidays = nullptr;  // REQUIRED
  StateRules state_rules;
  StateBlackouts blackouts;
  const DncLists* dnc = nullptr;  // null = no DNC lists loaded

  // Embedded data: ZoneResolver::Default(), HolidayCalendar::Default(), the
  // embedded state rules, no blackout, no DNC lists. Errors only if the
  // embedded CSV is malformed.
  [[nodiscard]] static absl::StatusOr<Rules> Default();
};

// What every time rule depends on for a contact: its candidate zones and
// the states whose rules apply. Contacts with equal keys open and close
// together, which is what the queue's window groups rely on.
struct WindowKey {
  ZoneIdSet zones;
  absl::InlinedVector<StateCode, 4> states;  // sorted, unique

  friend bool operator==(const WindowKey& a, const WindowKey& b) {
    return a.zones == b.zones && a.states == b.states;
  }
  template <typename H>
  friend H AbslHashValue(H h, const WindowKey& k) {
    return H::combine(std::move(h), k.zones, k.states);
  }
};

class Gate {
 public:
  // REQUIRES: rules.resolver and rules.holidays are set; `rules` outlives
  // the gate (it is read on every Check, so blackout and DNC changes take
  // effect at once).
  explicit Gate(const Rules& rules);

  // What an allowed Decision carries. A refusal always carries every field
  // (it is what the audit log records).
  enum class Echo {
    kAlways,         // every field, also when allowed (the CLI shows them)
    kRefusalsOnly,   // allowed: only `allowed`, `at` and `retry_at`; the
                     // engine asks per offered contact and audits refusals
  };

  Decision Check(const GateContact& contact, const GateCampaign& campaign,
                 const GateCounters& counters, absl::Time now,
                 Echo echo = Echo::kAlways) const;

  // The window key of a contact (see WindowKey).
  WindowKey WindowKeyOf(const GateContact& contact) const;

  // The time rules alone (federal, state and campaign windows, holidays,
  // Sunday bans) for contacts with this key: `now` when they allow a call
  // now, else the first instant they do, InfiniteFuture() when none within
  // the search horizon. Check() stays the decision for each dial; this is
  // a necessary condition that lets the queue set whole groups aside.
  absl::Time WindowOpensAt(const WindowKey& key, const GateCampaign& campaign,
                           absl::Time now) const;

 private:
  struct Context;
  // Fills the states of `ctx` from the area code and the address.
  void CollectStates(const std::optional<NanpNumber>& number,
                     std::string_view address_state, Context& ctx) const;
  // Fills ctx.windows, ctx.holiday_states and ctx.tzs. REQUIRES: zones,
  // campaign and state_rules set.
  void PrepareWindows(Context& ctx) const;
  bool IsHoliday(const Context& ctx, int64_t day) const;
  uint32_t TimeReasons(const Context& ctx, LocalTime local) const;
  // Instants at which a zone is open: every one of [start, end), and
  // `start` itself (end == start when only that is known, e.g. on a day
  // whose UTC offset changes).
  struct Opening {
    absl::Time start;
    absl::Time end;
  };
  // The first opening of ctx.zones[z] at or after `from` (start ==
  // InfiniteFuture() when none within 31 days); `local` is the zone's wall
  // time at `from`.
  Opening ZoneOpening(const Context& ctx, size_t z, absl::Time from, LocalTime local) const;
  // First instant >= from at which every zone is open. `locals_at_from`, if
  // not empty, holds each zone's wall time at `from` (saves conversions).
  absl::Time NextOpening(const Context& ctx, absl::Time from,
                         std::span<const LocalTime> locals_at_from = {}) const;

  const Rules& rules_;
};

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_GATE_H_
