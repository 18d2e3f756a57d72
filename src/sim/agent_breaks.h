// Who takes the scenario's breaks, and how many agents that leaves at work
// over the day. SimAgents::TakeBreak picks its takers with BreakTakers; the
// physical limit (tools/dialer/limit_figures.h) solves its model over the
// StaffingProfile, so both follow the same seeded rule.
//
// Example:
//   for (const sim::StaffingSegment& s : sim::StaffingProfile(scenario, 42))
//     std::cout << s.start_s << " +" << s.length_s << ": " << s.agents << "\n";
//
// Thread-safety: pure functions, reentrant.
#ifndef DIALER_SIM_AGENT_BREAKS_H_
#define DIALER_SIM_AGENT_BREAKS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "dialer/simulator.h"

namespace dialer::sim {

// The agents (indices into the scenario's agents, 0-based) who take break
// number `break_index` of a run with `seed`: the first llround(fraction x
// agents) of a shuffle seeded by (seed, break stream, break_index), in the
// order SimAgents asks them.
std::vector<size_t> BreakTakers(uint64_t seed, size_t break_index,
                                size_t agents, double fraction);

// A stretch of the day with a constant number of agents at work (logged in
// and not on break).
struct StaffingSegment {
  double start_s = 0;   // since the start of the day
  double length_s = 0;  // > 0
  int agents = 0;
};

// The agents at work over [0, duration_s) of a run of `scenario` with
// `seed`, as consecutive segments (adjacent ones differ in `agents`;
// without breaks, one segment of every agent). It replays SimAgents' rule
// for the breaks' takers with one idealisation: a taker starts the break
// just after `at_s` (the simulated agent finishes the call in progress
// first, which delays the start by up to a call). So, as in the simulator,
// an agent picked by a break while still on an earlier one stays away
// until the later of the two ends; a break that starts the instant another
// ends finds its shared takers still away, so they take both back to back.
std::vector<StaffingSegment> StaffingProfile(const Scenario& scenario,
                                             uint64_t seed);

}  // namespace dialer::sim

#endif  // DIALER_SIM_AGENT_BREAKS_H_
