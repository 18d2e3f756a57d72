// Which provider events a call in a given state may take, as a pure
// function. Providers deliver late, twice and out of order; this table is
// what keeps that from corrupting a call: a repeat is a duplicate, old news
// is stale, and what cannot have happened is rejected.
#ifndef DIALER_ENGINE_CALL_STATE_MACHINE_H_
#define DIALER_ENGINE_CALL_STATE_MACHINE_H_

#include <cstdint>
#include <string_view>

#include "dialer/telephony.h"
#include "dialer/types.h"

namespace dialer::engine {

enum class Verdict {
  kApply,      // a real transition: act on it
  kDuplicate,  // this event type was already applied to the call
  kStale,      // consistent with what is known, but superseded: ignore
  kReject,     // contradicts what is known: ignore, report
};
std::string_view ToString(Verdict verdict);

// What the state machine knows about a call besides its state.
struct CallFacts {
  CallState state = CallState::kDialing;
  uint32_t seen = 0;       // bit per ProviderEventType already applied
  bool answered = false;   // an answer (or detector verdict) was applied
};

constexpr uint32_t Bit(ProviderEventType type) {
  return 1u << static_cast<uint32_t>(type);
}

// Classifies `type` for a call described by `facts`. Pure and total.
Verdict Classify(const CallFacts& facts, ProviderEventType type);

// True iff the engine itself may move a call from `from` to `to` (commands:
// bridge, voicemail drop, abandon, hang-up). Used to assert invariants.
bool IsEngineTransition(CallState from, CallState to);

// True iff an agent may go from `from` to `to`.
bool IsAgentTransition(AgentState from, AgentState to);

}  // namespace dialer::engine

#endif  // DIALER_ENGINE_CALL_STATE_MACHINE_H_
