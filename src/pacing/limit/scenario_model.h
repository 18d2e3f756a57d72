// Maps a simulation scenario (docs/scenario.md) onto the Markov models of
// the physical limit, so the benchmark can print it beside each scenario:
// screening_limit.h for the engine's default connect-on-pick-up flow,
// markov_limit.h for the verdict-first flow.
//
// The caller (tools/dialer/limit_figures.h) reduces the scenario to the
// figures below; this file owns the mapping, documented in docs/pacing.md.
//
// Verdict-first (ToMarkovModel):
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
// Connect-on-pick-up (ToScreeningModel): a pick-up is bridged at once to a
// free agent, so
//   p      = live share, u = machine share (both picked up in time);
//   m      = mean dial-to-pick-up (no detector wait before the bridge);
//   h      = mean bridge + talk + wrap-up (the agent is held from the
//            bridge command); the report credits talk + wrap-up only, so
//            ScreeningOccupancy scales E[b]/N by (talk + wrap) / h;
//   d      = mean bridge + detector latency: the simulated agent recognises
//            a machine one detector latency after the bridge completes and
//            drops the voicemail, or without voicemail drop hangs up on
//            it (HangupMachine): no wrap-up either way;
//   g      = detector latency + E[min(2 s - bridge delay, patience)]: a
//            person who finds no agent free is offered to one at the
//            verdict and waits up to the 2-second rule after it;
//   fp     = detector false positives, hung up on only when no agent is
//            free; not counted against the cap (the optimistic side: the
//            issue holds the pacer to the pacing-only rate when they are
//            high, and they are a small share of abandons in this flow);
//   alpha  = abandon_limit.
//
// Pure functions; thread-safe.
#ifndef DIALER_PACING_LIMIT_SCENARIO_MODEL_H_
#define DIALER_PACING_LIMIT_SCENARIO_MODEL_H_

#include "pacing/limit/markov_limit.h"
#include "pacing/limit/screening_limit.h"

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
  // Connect-on-pick-up only.
  double machine_share = 0;  // like live_share, for machines
  double bridge_s = 0;       // mean bridge delay
  // The campaign's flow (CampaignConfig::connect_on_pickup).
  bool connect_on_pickup = true;
};

MarkovModel ToMarkovModel(const ScenarioFigures& f);
ScreeningModel ToScreeningModel(const ScenarioFigures& f);

// The report's occupancy (talk + wrap-up over logged-in time) when a share
// `held` of the agents' time is spent on live calls in ToScreeningModel.
double ScreeningOccupancy(const ScenarioFigures& f, double held);

// Seconds of conversation per logged-in agent hour at `occupancy`.
double TalkSecondsPerAgentHour(const ScenarioFigures& f, double occupancy);

}  // namespace dialer::pacing

#endif  // DIALER_PACING_LIMIT_SCENARIO_MODEL_H_
