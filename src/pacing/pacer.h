// How many calls a campaign should place now: the interface between the
// engine and every pacing strategy (power, parallel, predictive and the two
// baselines of docs/pacing.md).
//
// The engine keeps one Pacer per campaign. It reports what happens to the
// campaign's calls and agents through the On*() observers, as it happens, and
// asks Decide() for a Plan on every relevant event (an agent becomes ready, a
// call resolves, ...) and again at the Plan's `review_at`. The pacer decides
// only *how many* calls to place; the engine picks the contacts, bridges live
// answers, enforces the 2-second rule and the calling-law gates.
//
// Pure: a pacer never reads a clock, a provider or a store. Time is the
// argument of each call; results depend only on the calls made, so the same
// sequence of calls gives the same decisions (no random numbers).
//
// Example (engine side):
//   PacerOptions options;
//   options.abandon_limit = campaign.abandon_limit;
//   auto pacer = MakePacer("predictive", options);
//   if (!pacer.ok()) return pacer.status();
//   ...
//   (*pacer)->OnDialResolved(now, {DialOutcome::kHuman, dialed_at,
//                                  ring_time, verdict_latency});
//   Plan plan = (*pacer)->Decide(snapshot);
//   PlaceCalls(plan.dials_to_place_now);
//   ScheduleReview(plan.review_at);
//
// Thread-safety: not thread-safe; call from the engine's strand.
#ifndef DIALER_PACING_PACER_H_
#define DIALER_PACING_PACER_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "compliance/abandon_tracker.h"

namespace dialer::pacing {

// What a logged-in agent is doing, as far as pacing cares.
enum class AgentActivity : int32_t {
  kReady = 0,   // idle and ready for a connect
  kOnCall = 1,  // talking (or being bridged)
  kWrapUp = 2,  // after-call work
  kBreak = 3,   // paused; not available and not expected back soon
};

struct AgentView {
  AgentActivity activity = AgentActivity::kReady;
  absl::Duration in_state = absl::ZeroDuration();  // time in `activity`
  // Power mode: a call has already been placed for this agent.
  bool has_call_in_flight = false;
  // A break (or the end of the shift) is requested: taken as soon as the
  // call or wrap-up in progress ends, so this agent will not free up for
  // the campaign.
  bool leaving = false;
  // On a call bridged at pick-up (connect-on-pick-up) that nobody has yet
  // confirmed as a person: the agent is screening it - a machine gives the
  // agent back once recognised. `in_state` then runs from the pick-up.
  bool screening = false;
};

// Where a call that is not connected to an agent yet stands.
enum class CallStage : int32_t {
  kRinging = 0,         // placed, not picked up
  kAwaitingVerdict = 1, // picked up; the machine detector has not decided
  kLiveWaiting = 2,     // a live person (detector said human) waits for an agent
};

struct CallView {
  CallStage stage = CallStage::kRinging;
  absl::Duration age = absl::ZeroDuration();       // since the dial
  absl::Duration in_stage = absl::ZeroDuration();  // since entering `stage`
};

// The campaign as the engine sees it at `now`.
struct Snapshot {
  absl::Time now = absl::InfinitePast();
  // Logged-in agents only.
  std::vector<AgentView> agents;
  // Calls placed and not yet connected, machine-handled or ended.
  std::vector<CallView> calls;
  // The compliance module's rolling 30-day abandon rate and state.
  double abandon_rate_30d = 0;
  compliance::AbandonState abandon_state = compliance::AbandonState::kNormal;
  // How many more abandons (with no more live answers) keep the 30-day rate
  // below the stop level (compliance::AbandonTracker::AbandonsUntilStop):
  // small while the window holds few live answers - a fresh campaign's
  // first abandon stops it - however low the rate. Default: no constraint.
  int64_t abandons_until_stop = std::numeric_limits<int64_t>::max();
};

struct Plan {
  int dials_to_place_now = 0;  // >= 0
  // Ask again no later than this, even if nothing happens. > now.
  absl::Time review_at = absl::InfiniteFuture();
};

// How a dial ended, as the engine learned it (the detector's verdict, not the
// ground truth: a person taken for a machine is reported as kMachine).
enum class DialOutcome : int32_t {
  kHuman = 0,     // detector said human; the call needs an agent
  kMachine = 1,   // answering machine or fax
  kNoAnswer = 2,  // rang until the ring timeout
  kBusy = 3,
  kFailed = 4,    // the network could not place it
};

// One dial's outcome, reported once, when it resolves.
struct DialResolution {
  DialOutcome outcome = DialOutcome::kNoAnswer;
  absl::Time dialed_at;
  // Dial to pick-up (or to the busy/failed/no-answer signal).
  absl::Duration ring_time;
  // Pick-up to the detector's verdict; zero when the detector did not decide
  // the call: it never ran (power mode) or an agent on the line decided
  // first. Never the agent's time: the pacer forecasts when a picked-up call
  // needs an agent by this.
  absl::Duration verdict_latency;
};

// The adaptive baseline's campaign settings (VICIdial's field names in
// comments; defaults are VICIdial's, see docs/pacing.md).
struct AdaptiveBaselineOptions {
  enum class Method : int32_t {
    kHardLimit = 0,  // ADAPT_HARD_LIMIT: level 1.0 while over the daily cap
    kTapered = 1,    // ADAPT_TAPERED
    kAverage = 2,    // ADAPT_AVERAGE: halve while over the daily cap
  };
  Method method = Method::kHardLimit;
  double start_level = 1.0;       // auto_dial_level, >= 1
  double max_level = 3.0;         // adaptive_maximum_level, >= 1
  double dropped_percentage = 3;  // adaptive_dropped_percentage (daily cap)
  int intensity = 0;              // adaptive_intensity, -40..40
  int diff_target = 0;            // adaptive_dl_diff_target, -40..40
  int latest_server_time = 2100;  // adaptive_latest_server_time, HHMM
  bool available_only = false;    // available_only_ratio_tally
};

// Options every pacer understands. Validate() names the first bad field.
struct PacerOptions {
  // The legal cap on abandoned / live-answered calls (FCC: 3%).
  double abandon_limit = 0.03;
  // What the predictive pacer aims for, total, including the detector's
  // false positives; below `abandon_limit` to leave room for chance.
  // 0 means 0.8 * abandon_limit.
  double abandon_target = 0;
  // Share of live people the detector is expected to take for machines
  // (each is an abandon under the FCC rule that the engine cannot see). The
  // predictive pacer subtracts it from its budget.
  double detector_false_positive_rate = 0;
  // Parallel mode: calls per ready agent (1-10).
  int lines_per_agent = 1;
  // Local time of the call center (time-of-day estimates, the adaptive
  // baseline's daily reset at midnight).
  absl::TimeZone time_zone = absl::UTCTimeZone();
  // baseline-adaptive only.
  AdaptiveBaselineOptions adaptive;

  [[nodiscard]] absl::Status Validate() const;
  // abandon_target, or its default when 0.
  double EffectiveTarget() const;
};

class Pacer {
 public:
  Pacer() = default;
  Pacer(const Pacer&) = delete;
  Pacer& operator=(const Pacer&) = delete;
  virtual ~Pacer() = default;

  // The name MakePacer() knows it by.
  virtual std::string_view name() const = 0;

  // How many calls to place now and when to ask again. REQUIRES: snapshot
  // times never go backwards between calls.
  virtual Plan Decide(const Snapshot& snapshot) = 0;

  // Observations, in the order they happen. Default: ignored.
  virtual void OnDialPlaced(absl::Time /*t*/) {}
  virtual void OnDialResolved(absl::Time /*t*/,
                              const DialResolution& /*dial*/) {}
  // A live answer reached an agent `wait` after the detector's verdict.
  virtual void OnLiveAnswerConnected(absl::Time /*t*/,
                                     absl::Duration /*wait*/) {}
  // A live answer was abandoned (no agent in time, or the person hung up).
  virtual void OnLiveAnswerAbandoned(absl::Time /*t*/,
                                     absl::Duration /*wait*/) {}
  virtual void OnTalkEnded(absl::Time /*t*/, absl::Duration /*talk*/) {}
  // A call reported as a live answer (OnDialResolved kHuman: the detector's
  // verdict) was a machine after all: the agent it reached dropped a
  // voicemail. It needed an agent like a person, but it is not a live
  // answer in the abandon rate.
  virtual void OnLiveAnswerWasMachine(absl::Time /*t*/) {}
  // An agent who screened a call bridged at pick-up found a machine and is
  // ready again `held` after the pick-up (voicemail dropped).
  virtual void OnScreeningEnded(absl::Time /*t*/, absl::Duration /*held*/) {}
  virtual void OnWrapEnded(absl::Time /*t*/, absl::Duration /*wrap*/) {}
};

// "power", "parallel", "predictive", "baseline-ratio", "baseline-adaptive".
// InvalidArgument naming the pacer or the option when either is bad.
[[nodiscard]] absl::StatusOr<std::unique_ptr<Pacer>> MakePacer(
    std::string_view name, const PacerOptions& options);

// The names MakePacer() accepts, in the order above.
std::vector<std::string_view> PacerNames();

}  // namespace dialer::pacing

#endif  // DIALER_PACING_PACER_H_
