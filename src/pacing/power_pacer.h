// Power (progressive) dialing: one call per ready agent who has none in
// flight. Never abandons in principle: the agent is waiting before the dial.
//
// Thread-compatible (see pacer.h).
#ifndef DIALER_PACING_POWER_PACER_H_
#define DIALER_PACING_POWER_PACER_H_

#include "pacing/pacer.h"

namespace dialer::pacing {

class PowerPacer final : public Pacer {
 public:
  std::string_view name() const override { return "power"; }
  // Reviews every second even without events.
  Plan Decide(const Snapshot& snapshot) override;
};

}  // namespace dialer::pacing

#endif  // DIALER_PACING_POWER_PACER_H_
