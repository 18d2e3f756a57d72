// The abandon rate of one campaign over a rolling 30 days (47 CFR
// 64.1200(a)(7); TSR 16 CFR 310.4(b)(4)(i)).
//
// FCC definition: a call answered by a live person that is not connected to
// an agent within two seconds of the end of the person's greeting is
// abandoned; the rate is abandoned / live-answered. People the
// answering-machine detector took for machines and hung up on are live
// answers that were abandoned. Machine-answered calls count in neither.
//
// Buckets are UTC days, not the campaign's local days: a campaign dials many
// zones, UTC days have no DST-length surprises, and the window is the
// current UTC day plus the 29 before it (so between 29 and 30 full days of
// calls, the most recent ones always included). The rate is kept
// continuously, not reset at midnight (field failure #4).
//
// States from the rate r (thresholds configurable):
//   kNormal                  r <  approaching (default 2.0%)
//   kApproaching (alert)     approaching <= r < throttle
//   kThrottle (pacer backs off) throttle (2.5%) <= r < stop
//   kStop (no parallel/predictive; power mode only) r >= stop (3.0%)
//
// Example:
//   AbandonTracker t;
//   t.RecordLiveAnswer(now);          // connected in time
//   t.RecordAbandon(now);             // a live answer that was abandoned
//   if (t.State(now) == AbandonState::kStop) { ... fall back to power ... }
//
// Not thread-safe: use from the engine strand.
#ifndef DIALER_COMPLIANCE_ABANDON_TRACKER_H_
#define DIALER_COMPLIANCE_ABANDON_TRACKER_H_

#include <array>
#include <cstdint>
#include <string_view>

#include "absl/time/time.h"

namespace dialer::compliance {

enum class AbandonState : int32_t {
  kNormal = 0,
  kApproaching = 1,  // alert; parallel lines fit the room left (no model)
  kThrottle = 2,     // the pacer must reduce its aggressiveness
  kStop = 3,         // parallel/predictive stop; power mode (cannot abandon)
};

// "normal", "approaching", "throttle", "stop".
std::string_view AbandonStateName(AbandonState state);

struct AbandonThresholds {
  double approaching = 0.020;
  double throttle = 0.025;
  double stop = 0.030;
};

// The thresholds for a campaign whose abandon limit is `limit` (a share,
// 0.03 = 3%): stop at the limit, throttle at 5/6 and alert at 2/3 of it,
// the FCC's 3% giving the defaults above. A limit above 3% (or not a
// number) is treated as 3%: never looser than the rule.
AbandonThresholds ThresholdsForLimit(double limit);

class AbandonTracker {
 public:
  static constexpr int kWindowDays = 30;

  // REQUIRES: 0 <= approaching <= throttle <= stop.
  explicit AbandonTracker(AbandonThresholds thresholds = {});

  // One live-answered call that reached an agent in time.
  void RecordLiveAnswer(absl::Time t);
  // One live-answered call that was abandoned; counts as a live answer too,
  // so call exactly one of the two per live answer. Events older than the
  // window (relative to the newest day seen) are ignored.
  void RecordAbandon(absl::Time t);
  // Takes back one live answer recorded at `t` (and the abandon, when it
  // was recorded with RecordAbandon): a call counted as a person that was a
  // machine. No-op once `t`'s day has left the window.
  void RetractLiveAnswer(absl::Time t, bool abandoned);

  // Abandoned / live answers in the window ending at `now`; 0 when there
  // were no live answers.
  double Rate(absl::Time now) const;
  int64_t LiveAnswers(absl::Time now) const;
  int64_t Abandons(absl::Time now) const;
  AbandonState State(absl::Time now) const;

  // How many more abandons (with no more live answers) keep the rate below
  // the stop level; 0 when already stopped. For pacing margins.
  int64_t AbandonsUntilStop(absl::Time now) const;

  const AbandonThresholds& thresholds() const { return thresholds_; }

 private:
  struct Bucket {
    int64_t day = INT64_MIN;
    int64_t live = 0;
    int64_t abandoned = 0;
  };
  void Record(absl::Time t, bool abandoned);
  template <typename F>
  void ForWindow(absl::Time now, F f) const;

  AbandonThresholds thresholds_;
  std::array<Bucket, kWindowDays> buckets_;
};

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_ABANDON_TRACKER_H_
