// Configuration of the engine and of its campaigns. Plain values with
// defaults that are lawful and sensible; Validate() says what is wrong with
// a config, naming the field.
//
// Immutable values: safe to share between threads once built.
#ifndef DIALER_CONFIG_H_
#define DIALER_CONFIG_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "dialer/export.h"
#include "dialer/types.h"

namespace dialer {
inline namespace v1 {

// How an agent gets from a finished call to the next one.
struct WrapUpConfig {
  enum class Mode : int32_t {
    kAuto = 0,    // after the disposition, count down `auto_ready_after`
    kManual = 1,  // after the disposition, wait for the agent's Ready()
  };
  Mode mode = Mode::kAuto;
  absl::Duration auto_ready_after = absl::Seconds(30);
  // Forced maximum from the end of the call (0 = none): the agent is made
  // ready; a missing disposition is recorded as "wrap_up_expired".
  absl::Duration max = absl::ZeroDuration();
};

// A disposition a campaign accepts beyond the standard set.
struct CustomDisposition {
  std::string code;  // snake_case, unique in the campaign
  std::string description;
  bool terminal = false;  // true: the contact is not called again
  // When set, the contact is retried after this delay.
  absl::Duration retry_after = absl::ZeroDuration();
  std::vector<std::string> required_fields;
};

struct RetryRules {
  int max_attempts = 6;
  int max_attempts_per_day = 2;
  absl::Duration min_delay = absl::Hours(1);
  // By automatic disposition code ("busy", "no_answer", "failed",
  // "voicemail", "abandoned"): delay before the next attempt.
  std::map<std::string, absl::Duration> by_disposition = {
      {"busy", absl::Minutes(30)},       {"no_answer", absl::Hours(4)},
      {"failed", absl::Hours(1)},        {"voicemail", absl::Hours(24)},
      {"abandoned", absl::Hours(4)},     {"wrap_up_expired", absl::Hours(4)},
      {"gatekeeper", absl::Hours(24)},
  };
  // Delay before attempt k+2 is schedule[k] (attempt 2 after schedule[0],
  // ...); attempts past the end use the last entry. Used for dispositions
  // without an entry in `by_disposition`; each entry is raised to
  // `min_delay`. Empty: `min_delay` alone.
  std::vector<absl::Duration> schedule;
  // A contact that used up `max_attempts` comes back as a recycled contact
  // this long after its last attempt, with a fresh round of `max_attempts`,
  // at most `max_recycles` times. 0 = never recycle.
  absl::Duration recycle_after = absl::ZeroDuration();
  int max_recycles = 1;
};

// A rule over every call to one person, whatever the outcome, such as
// Regulation F's "7 calls in 7 days" for debt collection (12 CFR
// 1006.14(b)(2)). The compliance gate enforces it at dial time.
struct CallFrequencyCap {
  int count = 0;  // at most this many calls per `window`; 0 = no cap
  absl::Duration window = absl::Hours(24 * 7);  // rolling
  // No call this long after a conversation with the person (0 = none;
  // Regulation F: 7 days). Applies whether or not `count` is set.
  absl::Duration cool_off_after_conversation = absl::ZeroDuration();
};

struct CampaignConfig {
  std::string id;  // REQUIRES: not empty, unique in the engine
  std::string name;
  DialMode mode = DialMode::kPower;
  int lines_per_agent = 1;  // parallel mode: calls per ready agent (1-10)
  // Pacing strategy for predictive mode: "" (the engine's predictive
  // pacer) or a baseline it is measured against ("baseline-ratio",
  // "baseline-adaptive"). Power and parallel modes ignore it.
  std::string pacer;
  // Share of live people the answering-machine detector is expected to
  // take for machines (each is an abandoned call the engine cannot see);
  // the predictive pacer budgets it.
  double detector_false_positive_rate = 0;
  // Parallel and predictive: bridge a pick-up to a free agent at once,
  // before the answering-machine detector decides. The agent hears the
  // greeting (no dead air, no detector false positives) and drops the
  // voicemail with one click on a machine. Off: only calls the detector
  // passes as human reach agents.
  bool connect_on_pickup = true;
  // IANA zone of the call center: time-of-day statistics for pacing.
  std::string time_zone = "America/New_York";

  // Power mode: wait this long before dialing the next contact (1-5 s
  // typical; 0-60 s accepted).
  absl::Duration auto_advance_delay = absl::Seconds(2);
  // Preview sub-mode: show the contact this long before dialing (0 = off).
  // The agent may dial earlier with DialNow() or skip with SkipContact().
  absl::Duration preview = absl::ZeroDuration();

  // Never below 15 s (47 CFR 64.1200(a)(6)); a smaller value is raised.
  absl::Duration ring_timeout = absl::Seconds(25);
  // The campaign's abandon-rate limit over 30 days (at most the FCC's 3%).
  // The predictive pacer aims under it, and the engine's tracker stops
  // parallel and predictive dialing (power-mode fallback) at it, throttles
  // at 5/6 of it and alerts at 2/3 of it: 2.0%, 2.5% and 3.0% for 3%;
  // 1.33%, 1.67% and 2% for 2%.
  double abandon_limit = 0.03;

  // A callback is reserved for the agent who promised it. From its due
  // time it waits this long for that agent (logged in, on another call, on
  // a break or logged out), then any agent of the campaign may dial it:
  // a promise to call at 2 pm is kept by someone (VICIdial's USERONLY ->
  // ANYONE). The wait starts when the contact's calling window is open.
  // 0: any agent from the due time (the owner still first if free);
  // absl::InfiniteDuration(): the owner only. Must not be negative.
  // Reservations that are not callbacks (Contact::assigned_agent, import
  // assignment rules) stay with their agent.
  absl::Duration callback_owner_grace = absl::Minutes(5);

  // An agent ready this long without a call (power mode: no dial;
  // parallel and predictive: nothing connected) raises the alert
  // "agent_idle_too_long" once per such spell, saying why nothing is
  // dialled when the engine knows (dialer/events.h). 0 = never.
  absl::Duration agent_idle_alert_after = absl::Minutes(10);

  // Caller IDs the account owns (E.164); the first one is the default.
  std::vector<std::string> caller_ids;
  std::string talk_track;
  // Audio for voicemail drop (empty: hang up on machines) and for the
  // identification-and-opt-out message played before abandoning.
  std::string voicemail_audio;
  std::string safe_harbor_audio = "builtin:safe_harbor";

  WrapUpConfig wrap_up;
  RetryRules retry;
  CallFrequencyCap general_cap;
  std::vector<CustomDisposition> custom_dispositions;

  // Returns InvalidArgument naming the first bad field ("campaign 'x':
  // lines_per_agent is 0, expected 1-10").
  [[nodiscard]] absl::Status Validate() const;
};

struct EngineOptions {
  // Calls whose provider events stop arriving are ended after this long
  // (protects agents from a provider that lost a webhook).
  absl::Duration stuck_call_timeout = absl::Hours(4);
};

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_CONFIG_H_
