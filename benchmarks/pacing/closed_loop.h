// A small closed-loop simulation for pacing benchmarks: N agents, dials with
// lognormal ring times, live/machine/no-answer/busy outcomes, a detector
// latency, lognormal talk and wrap-up, the 2-second rule with a bridge delay
// and exponential patience. It drives a Pacer exactly as the engine does
// (observations as they happen, Decide on every event and at review_at) and
// reports occupancy and the abandon rate. Not the product simulator
// (src/sim/): a fast, self-contained harness to compare pacers and to check
// them against the Markov limit without the engine.
#ifndef DIALER_BENCHMARKS_PACING_CLOSED_LOOP_H_
#define DIALER_BENCHMARKS_PACING_CLOSED_LOOP_H_

#include <cstdint>

#include "pacing/pacer.h"

namespace dialer::pacing::bench {

struct LoopConfig {
  int agents = 20;
  double hours = 4;
  double human = 0.12;
  double machine = 0.30;
  double busy_or_failed = 0.05;
  double human_as_machine = 0.01;
  double ring_mean_s = 11, ring_cv = 0.45, no_answer_after_s = 25;
  double latency_mean_s = 2.2, latency_cv = 0.3;
  double talk_mean_s = 150, talk_cv = 1.0;
  double wrap_mean_s = 30, wrap_cv = 0.5;
  double patience_mean_s = 4;
  double bridge_s = 0.4;
  // From this hour on, `human` is multiplied by human_factor_after.
  double change_at_hour = 1e9;
  double human_factor_after = 1;
  uint64_t seed = 1;
};

struct LoopResult {
  int64_t dials = 0;
  int64_t live = 0;       // live people (ground truth)
  int64_t abandoned = 0;  // incl. detector false positives
  int64_t detector_abandons = 0;
  double occupancy = 0;  // (talk + wrap) / agent time
  double talk_s_per_agent_hour = 0;
  double abandon_rate = 0;
  double pacing_abandon_rate = 0;
};

LoopResult RunClosedLoop(Pacer& pacer, const LoopConfig& config);

}  // namespace dialer::pacing::bench

#endif  // DIALER_BENCHMARKS_PACING_CLOSED_LOOP_H_
