#include "pacing/baseline_adaptive_pacer.h"

#include <algorithm>
#include <cmath>

#include "pacing/snapshot_counts.h"

namespace dialer::pacing {
namespace {

constexpr absl::Duration kSamplePeriod = absl::Seconds(1);
constexpr absl::Duration kDropPeriod = absl::Seconds(60);
constexpr absl::Duration kLevelPeriod = absl::Seconds(15);
constexpr absl::Duration kPlacementPeriod = absl::Milliseconds(2500);

// Perl's sprintf("%.3f") / ("%.0f"): round half to even.
double Round3(double x) { return std::nearbyint(x * 1000) / 1000; }

void Prune(std::deque<absl::Time>& times, absl::Time now) {
  while (!times.empty() && times.front() <= now - kDropPeriod) {
    times.pop_front();
  }
}

}  // namespace

BaselineAdaptivePacer::BaselineAdaptivePacer(const PacerOptions& options)
    : options_(options.adaptive),
      zone_(options.time_zone),
      level_(std::max(1.0, options.adaptive.start_level)) {}

void BaselineAdaptivePacer::RollDay(absl::Time t) {
  const absl::CivilDay day = absl::ToCivilDay(t, zone_);
  if (day != day_) {
    day_ = day;
    calls_today_ = answers_today_ = drops_today_ = 0;
  }
}

void BaselineAdaptivePacer::OnDialPlaced(absl::Time t) {
  RollDay(t);
  ++calls_today_;
  dials_last_minute_.push_back(t);
}

void BaselineAdaptivePacer::OnLiveAnswerConnected(absl::Time t,
                                                  absl::Duration) {
  RollDay(t);
  ++answers_today_;
}

void BaselineAdaptivePacer::OnLiveAnswerAbandoned(absl::Time t,
                                                  absl::Duration) {
  // DROP is flagged human_answered: in the denominator too.
  RollDay(t);
  ++answers_today_;
  ++drops_today_;
  drops_last_minute_.push_back(t);
}

void BaselineAdaptivePacer::RefreshDropStats(absl::Time now) {
  RollDay(now);
  Prune(dials_last_minute_, now);
  Prune(drops_last_minute_, now);
  stat_calls_today_ = calls_today_;
  stat_drop_pct_today_ =
      100.0 * drops_today_ / std::max<int64_t>(answers_today_, 1);
  stat_calls_1min_ = static_cast<int64_t>(dials_last_minute_.size());
  stat_drop_pct_1min_ =
      stat_calls_1min_ == 0
          ? 0
          : 100.0 * drops_last_minute_.size() / stat_calls_1min_;
  last_drop_update_ = now;
}

void BaselineAdaptivePacer::UpdateLevel(absl::Time now) {
  double ready = 0, waiting = 0, agents = 0;
  for (const Sample& s : samples_) {
    ready += s.ready;
    waiting += s.waiting;
    agents += s.total;
  }
  const double n = static_cast<double>(samples_.size());
  if (n == 0 || agents / n <= 0) return;  // retried at the next review
  ready /= n;
  waiting /= n;
  agents /= n;
  last_level_update_ = now;

  const double d = ready - waiting + options_.diff_target;
  const double x = d != 0 ? d / agents : 0;
  const double k = options_.intensity / 100.0;
  const double y = x < 0 ? x * std::abs(k - 1) : x * (1 + k);
  double level = Round3(level_ * (1 + y));
  level = std::min(level, options_.max_level);
  if (level < 1) level = 1.0;
  if (stat_calls_1min_ > 20 && stat_drop_pct_1min_ > 50) level /= 2;
  if (stat_calls_today_ > 50 &&
      stat_drop_pct_today_ > options_.dropped_percentage) {
    switch (options_.method) {
      case AdaptiveBaselineOptions::Method::kHardLimit:
        level = 1.0;
        break;
      case AdaptiveBaselineOptions::Method::kAverage:
        level /= 2;
        break;
      case AdaptiveBaselineOptions::Method::kTapered: {
        const absl::CivilMinute local = absl::ToCivilMinute(now, zone_);
        // HHMM arithmetic, not minutes, as in the original.
        const int left = options_.latest_server_time -
                         (local.hour() * 100 + local.minute());
        level = left < 0 ? 1.0 : level * std::min(1.0, left / 1000.0);
        break;
      }
    }
  }
  level_ = std::max(level, 1.0);
}

Plan BaselineAdaptivePacer::Decide(const Snapshot& snapshot) {
  const absl::Time now = snapshot.now;
  const SnapshotCounts c = CountSnapshot(snapshot);
  if (!started_) {
    started_ = true;
    next_sample_ = now;
    next_placement_ = now;
    last_level_update_ = now;
    RefreshDropStats(now);
  }
  if (now >= next_sample_) {
    samples_.push_back(Sample{c.ready, c.logged_in, c.live_waiting});
    if (samples_.size() > kSamples) samples_.pop_front();
    next_sample_ = now + kSamplePeriod;
  }
  if (now - last_drop_update_ >= kDropPeriod) RefreshDropStats(now);
  if (now - last_level_update_ >= kLevelPeriod) UpdateLevel(now);

  int to_place = 0;
  if (now >= next_placement_) {
    next_placement_ = now + kPlacementPeriod;
    const int not_connected = c.calls_in_flight;
    const double goal =
        options_.available_only
            ? std::nearbyint(level_ * c.ready)
            : std::nearbyint(level_ * (c.ready + c.on_call)) - c.on_call;
    to_place = std::max(0, static_cast<int>(goal) - not_connected);
    to_place = ApplyAbandonState(snapshot.abandon_state, c, to_place);
  }
  // next_sample_ is always in the future here; a level update that found
  // no agents is retried with the next sample.
  absl::Time review = next_sample_;
  for (absl::Time t : {next_placement_, last_level_update_ + kLevelPeriod,
                       last_drop_update_ + kDropPeriod}) {
    if (t > now) review = std::min(review, t);
  }
  return Plan{to_place, review};
}

}  // namespace dialer::pacing
