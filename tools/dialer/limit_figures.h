// The scenario figures of the physical limit (docs/pacing.md "Scenario
// mapping"): what `dialer limit` and the pacing matrix
// (benchmarks/pacing/matrix/) hand to pacing::ToMarkovModel. Header-only so
// both programs compile the same code without a library of their own.
#ifndef DIALER_TOOLS_DIALER_LIMIT_FIGURES_H_
#define DIALER_TOOLS_DIALER_LIMIT_FIGURES_H_

#include <algorithm>
#include <cmath>

#include "dialer/config.h"
#include "dialer/simulator.h"
#include "pacing/limit/scenario_model.h"
#include "sim/distribution.h"
#include "sim/random.h"
#include "sim/scenario_validation.h"

namespace dialer::tools {

// Expectations over whole distributions (a ring time truncated at the
// no-answer limit, min(grace, patience)) are taken over this many
// deterministic draws of the simulator's own generator.
inline constexpr int kLimitDraws = 200000;
inline constexpr double kLimitTwoSecondRule = 2.0;
// The limit is solved up to this many agents (the state space grows fast).
inline constexpr int kLimitMaxAgents = 50;

inline pacing::ScenarioFigures LimitFigures(const Scenario& s) {
  pacing::ScenarioFigures f;
  f.agents = s.agents.count;
  f.detector_false_positive = s.amd.human_as_machine;
  f.detector_latency_s = sim::Mean(s.amd.latency_s);
  f.talk_s = sim::Mean(s.talk_s);
  f.wrap_s = sim::Mean(s.agents.wrap_s);
  f.abandon_limit = s.campaign.abandon_limit;
  f.bridge_s = sim::Mean(s.bridge_delay_s);
  f.voicemail_drop = s.campaign.voicemail_drop;
  // The simulator leaves the engine's default flow (docs/scenario.md has no
  // key for it).
  f.connect_on_pickup = CampaignConfig{}.connect_on_pickup;

  sim::Rng rng(sim::StreamSeed({s.seed, 0x6c696d6974}));  // "limit"
  int picked_up = 0;
  double ring_sum = 0, grace_sum = 0;
  for (int i = 0; i < kLimitDraws; ++i) {
    const double ring = sim::Sample(s.ring_to_answer_s, rng);
    if (ring <= s.no_answer_after_s) {
      ++picked_up;
      ring_sum += ring;
    }
    const double bridge = sim::Sample(s.bridge_delay_s, rng);
    const double patience = sim::Sample(s.patience_s, rng);
    grace_sum +=
        std::max(0.0, std::min(kLimitTwoSecondRule - bridge, patience));
  }
  const double in_time = static_cast<double>(picked_up) / kLimitDraws;
  f.ring_to_pickup_s = picked_up > 0 ? ring_sum / picked_up : 0;
  f.grace_s = grace_sum / kLimitDraws;

  // The live and machine shares averaged over the day, minute by minute.
  const double start_hour = s.start.hour() + s.start.minute() / 60.0;
  const int minutes = std::max(1, static_cast<int>(s.duration_s / 60));
  double human = 0, machine = 0;
  for (int i = 0; i < minutes; ++i) {
    const double hour = std::fmod(start_hour + (i + 0.5) / 60.0, 24.0);
    const double p = sim::HumanProbabilityAt(s.outcomes, hour);
    human += p;
    machine += sim::MachineProbabilityFor(s.outcomes, p);
  }
  f.live_share = human / minutes * in_time;
  f.machine_share = machine / minutes * in_time;
  return f;
}

}  // namespace dialer::tools

#endif  // DIALER_TOOLS_DIALER_LIMIT_FIGURES_H_
