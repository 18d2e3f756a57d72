#include "pacing/limit/scenario_model.h"

#include <algorithm>

namespace dialer::pacing {

MarkovModel ToMarkovModel(const ScenarioFigures& f) {
  MarkovModel m;
  const double fp = std::clamp(f.detector_false_positive, 0.0, 0.999);
  m.agents = f.agents;
  m.live_probability = f.live_share * (1 - fp);
  m.ring_mean_s = f.ring_to_pickup_s + f.detector_latency_s;
  m.service_mean_s = f.talk_s + f.wrap_s;
  m.grace_mean_s = std::max(0.0, f.grace_s);
  m.abandon_cap = std::max(0.0, (f.abandon_limit - fp) / (1 - fp));
  return m;
}

ScreeningModel ToScreeningModel(const ScenarioFigures& f) {
  ScreeningModel m;
  m.agents = f.agents;
  m.live_probability = f.live_share;
  m.machine_probability = f.machine_share;
  m.ring_mean_s = f.ring_to_pickup_s;
  m.service_mean_s = f.bridge_s + f.talk_s + f.wrap_s;
  m.screen_mean_s = f.bridge_s + f.detector_latency_s;
  m.grace_mean_s = f.detector_latency_s + std::max(0.0, f.grace_s);
  m.false_positive = std::clamp(f.detector_false_positive, 0.0, 0.999);
  m.count_false_positives = false;
  m.abandon_cap = f.abandon_limit;
  return m;
}

double ScreeningOccupancy(const ScenarioFigures& f, double held) {
  const double hold = f.bridge_s + f.talk_s + f.wrap_s;
  return hold > 0 ? held * (f.talk_s + f.wrap_s) / hold : 0;
}

double TalkSecondsPerAgentHour(const ScenarioFigures& f, double occupancy) {
  const double service = f.talk_s + f.wrap_s;
  return service > 0 ? 3600 * occupancy * f.talk_s / service : 0;
}

}  // namespace dialer::pacing
