// Maps a simulation scenario (docs/scenario.md) onto the Markov model of
// markov_limit.h, so the benchmark can print the physical limit beside each
// scenario.
//
// The caller (tools/dialer/limit_command.cc) reduces the scenario to the
// figures below; this file owns the mapping, documented in docs/pacing.md:
//   p      = live share x (1 - detector false positives): live people the
//            detector passes to an agent;
//   m      = mean dial-to-pick-up of calls picked up within the ring limit
//            + mean detector latency (when the agent is needed);
//   h      = mean talk + mean wrap-up;
//   g      = E[min(2 s - bridge delay, patience)] as an exponential mean;
//   alpha  = (abandon_limit - detector false positives) / (1 - false
//            positives): the pacing budget per answer routed to an agent, as
//            the detector's false positives are abandons under the FCC rule
//            whatever the pacer does (0 when they alone exceed the limit).
//
// Pure functions; thread-safe.
#ifndef DIALER_PACING_LIMIT_SCENARIO_MODEL_H_
#define DIALER_PACING_LIMIT_SCENARIO_MODEL_H_

#include "pacing/limit/markov_limit.h"

namespace dialer::pacing {

struct ScenarioFigures {
  int agents = 0;
  // Mean over the scenario's day of P(a live person picks up within the
  // ring limit).
  double live_share = 0;
  double detector_false_positive = 0;  // amd.human_as_machine
  double ring_to_pickup_s = 0;         // among calls picked up in time
  double detector_latency_s = 0;
  double talk_s = 0;
  double wrap_s = 0;
  double grace_s = 0;  // E[min(2 s - bridge delay, patience)]
  double abandon_limit = 0.03;
};

MarkovModel ToMarkovModel(const ScenarioFigures& f);

// Seconds of conversation per logged-in agent hour at `occupancy`.
double TalkSecondsPerAgentHour(const ScenarioFigures& f, double occupancy);

}  // namespace dialer::pacing

#endif  // DIALER_PACING_LIMIT_SCENARIO_MODEL_H_
