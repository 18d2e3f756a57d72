// The scenario figures of the physical limit (docs/pacing.md "Scenario
// mapping"): what `dialer limit` and the pacing matrix
// (benchmarks/pacing/matrix/) hand to pacing::ToScreeningModel and
// pacing::ToMarkovModel - for the whole day with every agent (stationary),
// and per stretch of the day's staffing (the breaks). Header-only so both
// programs compile the same code without a library of their own.
#ifndef DIALER_TOOLS_DIALER_LIMIT_FIGURES_H_
#define DIALER_TOOLS_DIALER_LIMIT_FIGURES_H_

#include <algorithm>
#include <cmath>
#include <vector>

#include "dialer/config.h"
#include "dialer/simulator.h"
#include "pacing/limit/scenario_model.h"
#include "sim/agent_breaks.h"
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

// The figures that do not depend on the time of day; the shares are left
// at 0, `in_time` receives P(pick-up within the ring limit).
inline pacing::ScenarioFigures LimitFiguresWithoutShares(const Scenario& s,
                                                         double& in_time) {
  pacing::ScenarioFigures f;
  f.agents = s.agents.count;
  f.detector_false_positive = s.amd.human_as_machine;
  f.detector_latency_s = sim::Mean(s.amd.latency_s);
  f.talk_s = sim::Mean(s.talk_s);
  f.wrap_s = sim::Mean(s.agents.wrap_s);
  f.abandon_limit = s.campaign.abandon_limit;
  f.bridge_s = sim::Mean(s.bridge_delay_s);
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
  in_time = static_cast<double>(picked_up) / kLimitDraws;
  f.ring_to_pickup_s = picked_up > 0 ? ring_sum / picked_up : 0;
  f.grace_s = grace_sum / kLimitDraws;
  return f;
}

// The day minute by minute: the live and machine probabilities the
// simulator uses at each minute's middle (human_by_hour interpolated).
struct MinuteShares {
  std::vector<double> human;
  std::vector<double> machine;
};

inline MinuteShares SharesByMinute(const Scenario& s) {
  const double start_hour = s.start.hour() + s.start.minute() / 60.0;
  const int minutes = std::max(1, static_cast<int>(s.duration_s / 60));
  MinuteShares out;
  for (int i = 0; i < minutes; ++i) {
    const double hour = std::fmod(start_hour + (i + 0.5) / 60.0, 24.0);
    const double p = sim::HumanProbabilityAt(s.outcomes, hour);
    out.human.push_back(p);
    out.machine.push_back(sim::MachineProbabilityFor(s.outcomes, p));
  }
  return out;
}

// The stationary figures: every agent all day, the live and machine shares
// averaged over the day minute by minute.
inline pacing::ScenarioFigures LimitFigures(const Scenario& s) {
  double in_time = 0;
  pacing::ScenarioFigures f = LimitFiguresWithoutShares(s, in_time);
  const MinuteShares shares = SharesByMinute(s);
  double human = 0, machine = 0;
  for (size_t i = 0; i < shares.human.size(); ++i) {
    human += shares.human[i];
    machine += shares.machine[i];
  }
  const double minutes = static_cast<double>(shares.human.size());
  f.live_share = human / minutes * in_time;
  f.machine_share = machine / minutes * in_time;
  return f;
}

// The figures of the agents at work over part of the day: the segments of
// the staffing profile (sim::StaffingProfile) with `figures.agents` agents,
// merged. `duration_s` is their total length; the live and machine shares
// are averaged over their minutes (a minute belongs to the segment its
// middle falls in; segments too short to hold a minute's middle use the
// probability at their own middle).
struct StaffedFigures {
  pacing::ScenarioFigures figures;
  double duration_s = 0;
};

// In order of first appearance over the day; stretches with nobody at work
// are left out (they add nothing to the report's occupancy). Without
// breaks: one group whose figures are LimitFigures(s), bit for bit.
inline std::vector<StaffedFigures> LimitFiguresByStaffing(
    const Scenario& s, const std::vector<sim::StaffingSegment>& profile) {
  double in_time = 0;
  const pacing::ScenarioFigures base = LimitFiguresWithoutShares(s, in_time);
  const MinuteShares shares = SharesByMinute(s);
  const double start_hour = s.start.hour() + s.start.minute() / 60.0;

  struct Group {
    int agents = 0;
    double duration_s = 0;
    double human = 0, machine = 0, minutes = 0;
    // Segments holding no minute's middle: probability x seconds.
    double human_s = 0, machine_s = 0, short_s = 0;
  };
  std::vector<Group> groups;
  auto group_of = [&](int agents) -> Group& {
    for (Group& g : groups) {
      if (g.agents == agents) return g;
    }
    groups.push_back(Group{agents});
    return groups.back();
  };
  size_t minute = 0;
  for (size_t k = 0; k < profile.size(); ++k) {
    const sim::StaffingSegment& seg = profile[k];
    const double end = seg.start_s + seg.length_s;
    const bool last = k + 1 == profile.size();
    Group* g = seg.agents > 0 ? &group_of(seg.agents) : nullptr;
    if (g != nullptr) g->duration_s += seg.length_s;
    bool any = false;
    for (; minute < shares.human.size() &&
           ((minute + 0.5) * 60 < end || last);
         ++minute) {
      any = true;
      if (g == nullptr) continue;
      g->human += shares.human[minute];
      g->machine += shares.machine[minute];
      g->minutes += 1;
    }
    if (!any && g != nullptr) {
      const double mid_s = seg.start_s + seg.length_s / 2;
      const double p = sim::HumanProbabilityAt(
          s.outcomes, std::fmod(start_hour + mid_s / 3600, 24.0));
      g->human_s += p * seg.length_s;
      g->machine_s += sim::MachineProbabilityFor(s.outcomes, p) * seg.length_s;
      g->short_s += seg.length_s;
    }
  }
  std::vector<StaffedFigures> out;
  for (const Group& g : groups) {
    StaffedFigures sf;
    sf.figures = base;
    sf.figures.agents = g.agents;
    sf.duration_s = g.duration_s;
    if (g.short_s == 0) {
      sf.figures.live_share = g.human / g.minutes * in_time;
      sf.figures.machine_share = g.machine / g.minutes * in_time;
    } else {
      const double seconds = 60 * g.minutes + g.short_s;
      sf.figures.live_share = (60 * g.human + g.human_s) / seconds * in_time;
      sf.figures.machine_share =
          (60 * g.machine + g.machine_s) / seconds * in_time;
    }
    out.push_back(sf);
  }
  return out;
}

}  // namespace dialer::tools

#endif  // DIALER_TOOLS_DIALER_LIMIT_FIGURES_H_
