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

double TalkSecondsPerAgentHour(const ScenarioFigures& f, double occupancy) {
  const double service = f.talk_s + f.wrap_s;
  return service > 0 ? 3600 * occupancy * f.talk_s / service : 0;
}

}  // namespace dialer::pacing
