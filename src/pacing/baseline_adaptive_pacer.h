// `baseline-adaptive`: VICIdial's adaptive drop-rate controller
// (AST_VDadapt.pl 2.14 + AST_VDauto_dial.pl), re-implemented faithfully from
// /work/shared/docs/pacing-baselines.md with its default parameters. It is
// the reference users know; do not tune it.
//
// Cadences, all driven by the `now` of Decide() (review_at asks for them):
//   every 1 s    sample (ready agents, logged-in agents incl. wrap/break,
//                live calls waiting); keep the last 15;
//   every 60 s   refresh the drop statistics: today's dials, human answers
//                and drops (reset at local midnight) and the last minute's
//                dials and drops;
//   every 15 s   level update: D = mean(ready) - mean(waiting) + diff_target,
//                x = D / mean(logged-in), y = x(1-k) if x<0 else x(1+k)
//                with k = intensity/100, L = round3(L(1+y)) capped at
//                max_level and floored at 1; halved when the last minute had
//                > 20 dials and > 50% of them dropped; over the daily cap
//                (> 50 dials today and drops/human answers > cap%) the
//                method's brake (HARD_LIMIT 1.0, AVERAGE /2, TAPERED by the
//                HHMM time left);
//   every 2.5 s  placement: dialable = ready + talking (wrap and breaks
//                excluded), to_place = round(L x dialable) - (calls not yet
//                connected + talking); available-only tally:
//                round(L x ready) - calls not yet connected.
// Between placement ticks Decide() returns 0 dials. Mapping: VICIdial's
// READY/DONE = ready, QUEUE/INCALL = on call, PAUSED = wrap-up or break;
// LIVE = a live answer waiting (CallStage::kLiveWaiting); a DROP is what the
// engine reports as abandoned (its 2-second rule, not VICIdial's 5 s).
// The product's compliance override (snapshot_counts.h) applies on top.
//
// Thread-compatible (see pacer.h).
#ifndef DIALER_PACING_BASELINE_ADAPTIVE_PACER_H_
#define DIALER_PACING_BASELINE_ADAPTIVE_PACER_H_

#include <cstdint>
#include <deque>

#include "absl/time/civil_time.h"
#include "pacing/pacer.h"

namespace dialer::pacing {

class BaselineAdaptivePacer final : public Pacer {
 public:
  static constexpr int kSamples = 15;

  // REQUIRES: options.Validate() is OK.
  explicit BaselineAdaptivePacer(const PacerOptions& options);

  std::string_view name() const override { return "baseline-adaptive"; }
  Plan Decide(const Snapshot& snapshot) override;

  void OnDialPlaced(absl::Time t) override;
  void OnLiveAnswerConnected(absl::Time t, absl::Duration wait) override;
  void OnLiveAnswerAbandoned(absl::Time t, absl::Duration wait) override;

  // The current dial level (lines per dialable agent), for tests and logs.
  double level() const { return level_; }

 private:
  struct Sample {
    int ready;
    int total;
    int waiting;
  };
  void RollDay(absl::Time t);
  void RefreshDropStats(absl::Time now);
  void UpdateLevel(absl::Time now);

  AdaptiveBaselineOptions options_;
  absl::TimeZone zone_;
  double level_;
  std::deque<Sample> samples_;

  bool started_ = false;
  absl::Time next_sample_;
  absl::Time last_drop_update_;
  absl::Time last_level_update_;
  absl::Time next_placement_;

  absl::CivilDay day_;
  int64_t calls_today_ = 0;
  int64_t answers_today_ = 0;
  int64_t drops_today_ = 0;
  std::deque<absl::Time> dials_last_minute_;
  std::deque<absl::Time> drops_last_minute_;

  // As of the last drop-statistics refresh.
  int64_t stat_calls_today_ = 0;
  double stat_drop_pct_today_ = 0;
  int64_t stat_calls_1min_ = 0;
  double stat_drop_pct_1min_ = 0;
};

}  // namespace dialer::pacing

#endif  // DIALER_PACING_BASELINE_ADAPTIVE_PACER_H_
