#include "pacing/power_pacer.h"

#include "pacing/snapshot_counts.h"

namespace dialer::pacing {

Plan PowerPacer::Decide(const Snapshot& snapshot) {
  return Plan{PowerDials(CountSnapshot(snapshot)),
              snapshot.now + absl::Seconds(1)};
}

}  // namespace dialer::pacing
