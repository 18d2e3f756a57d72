#include "pacing/baseline_ratio_pacer.h"

#include <algorithm>
#include <cmath>

#include "pacing/snapshot_counts.h"

namespace dialer::pacing {

BaselineRatioPacer::BaselineRatioPacer(const PacerOptions& options)
    : target_(options.EffectiveTarget()),
      outcomes_(DialOutcomeEstimator::Prior{}, /*half_life_dials=*/100,
                options.time_zone) {}

double BaselineRatioPacer::Lines(int ready, double live_share, double target) {
  return ready / (live_share * (1 - target));
}

Plan BaselineRatioPacer::Decide(const Snapshot& snapshot) {
  const SnapshotCounts c = CountSnapshot(snapshot);
  const double lines =
      outcomes_.count() < kWarmupDials
          ? kWarmupLines * c.ready
          : Lines(c.ready, std::max(outcomes_.LiveShare(), 1e-3), target_);
  const int wanted = std::max(
      0, static_cast<int>(std::lround(lines)) - c.calls_in_flight);
  return Plan{ApplyAbandonState(snapshot.abandon_state, c, wanted),
              snapshot.now + absl::Seconds(1)};
}

void BaselineRatioPacer::OnDialResolved(absl::Time t,
                                        const DialResolution& dial) {
  outcomes_.Record(t, dial.outcome);
}

}  // namespace dialer::pacing
