#include "pacing/parallel_pacer.h"

#include <algorithm>

#include "pacing/snapshot_counts.h"

namespace dialer::pacing {

Plan ParallelPacer::Decide(const Snapshot& snapshot) {
  const SnapshotCounts c = CountSnapshot(snapshot);
  const int wanted =
      std::max(0, lines_per_agent_ * c.ready - c.calls_in_flight);
  return Plan{ApplyAbandonState(snapshot.abandon_state, c, wanted),
              snapshot.now + absl::Seconds(1)};
}

}  // namespace dialer::pacing
