// Parallel dialing: a fixed number of lines per ready agent, pooled over the
// campaign: calls in flight are topped up to lines_per_agent x ready agents.
// The compliance override of snapshot_counts.h applies (throttle halves the
// lines beyond power, stop falls back to power).
//
// Thread-compatible (see pacer.h).
#ifndef DIALER_PACING_PARALLEL_PACER_H_
#define DIALER_PACING_PARALLEL_PACER_H_

#include "pacing/pacer.h"

namespace dialer::pacing {

class ParallelPacer final : public Pacer {
 public:
  // REQUIRES: 1 <= lines_per_agent <= 10.
  explicit ParallelPacer(int lines_per_agent)
      : lines_per_agent_(lines_per_agent) {}

  std::string_view name() const override { return "parallel"; }
  Plan Decide(const Snapshot& snapshot) override;

 private:
  int lines_per_agent_;
};

}  // namespace dialer::pacing

#endif  // DIALER_PACING_PARALLEL_PACER_H_
