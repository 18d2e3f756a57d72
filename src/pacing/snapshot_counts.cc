#include "pacing/snapshot_counts.h"

#include <algorithm>

namespace dialer::pacing {

SnapshotCounts CountSnapshot(const Snapshot& s) {
  SnapshotCounts c;
  for (const AgentView& a : s.agents) {
    ++c.logged_in;
    switch (a.activity) {
      case AgentActivity::kReady:
        ++c.ready;
        if (!a.has_call_in_flight) ++c.ready_without_call;
        break;
      case AgentActivity::kOnCall: ++c.on_call; break;
      case AgentActivity::kWrapUp: ++c.wrap_up; break;
      case AgentActivity::kBreak: ++c.on_break; break;
    }
  }
  for (const CallView& call : s.calls) {
    switch (call.stage) {
      case CallStage::kRinging: ++c.ringing; break;
      case CallStage::kAwaitingVerdict: ++c.awaiting_verdict; break;
      case CallStage::kLiveWaiting: ++c.live_waiting; break;
    }
  }
  c.calls_in_flight = c.ringing + c.awaiting_verdict + c.live_waiting;
  return c;
}

int PowerDials(const SnapshotCounts& c) { return c.ready_without_call; }

int ApplyAbandonState(compliance::AbandonState state, const SnapshotCounts& c,
                      int proposed) {
  const int power = PowerDials(c);
  switch (state) {
    case compliance::AbandonState::kStop:
      return power;
    case compliance::AbandonState::kThrottle:
      return proposed <= power ? proposed : power + (proposed - power) / 2;
    default:
      return proposed;
  }
}

}  // namespace dialer::pacing
