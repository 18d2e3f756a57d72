// Head counts of a Snapshot, and the two rules every multi-line pacer shares:
// what power dialing would place, and how the compliance module's abandon
// state overrides a pacer's proposal.
//
// Pure functions; thread-compatible.
#ifndef DIALER_PACING_SNAPSHOT_COUNTS_H_
#define DIALER_PACING_SNAPSHOT_COUNTS_H_

#include "pacing/pacer.h"

namespace dialer::pacing {

struct SnapshotCounts {
  int logged_in = 0;
  int ready = 0;
  int ready_without_call = 0;  // ready and no call placed for them (power)
  int on_call = 0;
  int wrap_up = 0;
  int on_break = 0;
  int ringing = 0;
  int awaiting_verdict = 0;
  int live_waiting = 0;
  int calls_in_flight = 0;  // ringing + awaiting_verdict + live_waiting
};

SnapshotCounts CountSnapshot(const Snapshot& s);

// Power dialing: one call per ready agent who has none in flight.
int PowerDials(const SnapshotCounts& c);

// The compliance override for pacers that dial more than power:
//   kStop      -> PowerDials (no abandon is possible when every call has
//                 its agent waiting);
//   kThrottle  -> the excess over PowerDials is halved (rounded down);
//   otherwise  -> `proposed`.
// REQUIRES: proposed >= 0.
int ApplyAbandonState(compliance::AbandonState state, const SnapshotCounts& c,
                      int proposed);

}  // namespace dialer::pacing

#endif  // DIALER_PACING_SNAPSHOT_COUNTS_H_
