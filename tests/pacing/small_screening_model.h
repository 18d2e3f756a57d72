// A small screening model the limit tests share: a few agents, the
// default day's answer and machine shares, quick to solve exactly.
#ifndef DIALER_TESTS_PACING_SMALL_SCREENING_MODEL_H_
#define DIALER_TESTS_PACING_SMALL_SCREENING_MODEL_H_

#include "pacing/limit/screening_limit.h"

namespace dialer::pacing::testing {

inline ScreeningModel SmallScreeningModel(int agents) {
  ScreeningModel m;
  m.agents = agents;
  m.live_probability = 0.12;
  m.machine_probability = 0.3;
  m.service_mean_s = 180;
  m.ring_mean_s = 15;
  m.screen_mean_s = 2.6;
  m.grace_mean_s = 2;
  m.abandon_cap = 0.03;
  // Explicit truncations: the screening and verdict-first models' defaults
  // differ.
  m.ringing_cap = 60;
  m.waiting_cap = 8;
  return m;
}

}  // namespace dialer::pacing::testing

#endif  // DIALER_TESTS_PACING_SMALL_SCREENING_MODEL_H_
