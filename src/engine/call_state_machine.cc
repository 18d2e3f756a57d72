#include "engine/call_state_machine.h"

namespace dialer::engine {

std::string_view ToString(Verdict verdict) {
  switch (verdict) {
    case Verdict::kApply: return "apply";
    case Verdict::kDuplicate: return "duplicate";
    case Verdict::kStale: return "stale";
    case Verdict::kReject: return "reject";
  }
  return "unknown";
}

namespace {

bool BeforeAnswer(CallState s) {
  return s == CallState::kDialing || s == CallState::kRinging;
}

}  // namespace

Verdict Classify(const CallFacts& facts, ProviderEventType type) {
  if (facts.seen & Bit(type)) return Verdict::kDuplicate;
  const CallState s = facts.state;
  const bool ended = s == CallState::kEnded;
  switch (type) {
    case ProviderEventType::kRinging:
      return s == CallState::kDialing ? Verdict::kApply : Verdict::kStale;
    case ProviderEventType::kAnswered:
    case ProviderEventType::kAmd:
      if (BeforeAnswer(s)) return Verdict::kApply;
      if (ended) return facts.answered ? Verdict::kStale : Verdict::kReject;
      // The answer was already inferred (a verdict came first, or power
      // mode connected at pick-up): the detector's word is still news.
      if (type == ProviderEventType::kAmd) return Verdict::kApply;
      return Verdict::kStale;
    case ProviderEventType::kBridged:
      if (s == CallState::kConnecting) return Verdict::kApply;
      // The person hung up while the bridge was under way.
      if (ended) return Verdict::kStale;
      return Verdict::kReject;
    case ProviderEventType::kCompleted:
    case ProviderEventType::kFailed:
      // A call the engine already closed (a guard timer, the other end
      // event) only learns its final figures.
      return ended ? Verdict::kStale : Verdict::kApply;
    case ProviderEventType::kPlaybackDone:
      if (s == CallState::kMachine || s == CallState::kAbandoning) {
        return Verdict::kApply;
      }
      return ended ? Verdict::kStale : Verdict::kReject;
  }
  return Verdict::kReject;
}

bool IsEngineTransition(CallState from, CallState to) {
  if (from == CallState::kEnded) return false;
  if (to == CallState::kEnded) return true;
  switch (from) {
    case CallState::kDialing:
    case CallState::kRinging:
      return to == CallState::kRinging || to == CallState::kAnswered ||
             to == CallState::kConnected;
    case CallState::kAnswered:
      return to == CallState::kConnecting || to == CallState::kConnected ||
             to == CallState::kMachine || to == CallState::kAbandoning;
    case CallState::kConnecting:
      return to == CallState::kConnected || to == CallState::kAbandoning;
    case CallState::kConnected:
      return to == CallState::kMachine;  // power mode: agent drops voicemail
    case CallState::kMachine:
    case CallState::kAbandoning:
    case CallState::kEnded:
      return false;
  }
  return false;
}

bool IsAgentTransition(AgentState from, AgentState to) {
  using S = AgentState;
  if (from == to) return false;
  switch (from) {
    case S::kLoggedOut:
      return to == S::kBreak;
    case S::kReady:
      return to == S::kPreview || to == S::kDialing || to == S::kOnCall ||
             to == S::kBreak || to == S::kLoggedOut;
    case S::kPreview:
      return to == S::kDialing || to == S::kReady || to == S::kBreak ||
             to == S::kLoggedOut;
    case S::kDialing:
      return to == S::kOnCall || to == S::kReady || to == S::kBreak ||
             to == S::kLoggedOut;
    case S::kOnCall:
      return to == S::kWrapUp || to == S::kReady || to == S::kBreak;
    case S::kWrapUp:
      return to == S::kReady || to == S::kBreak;
    case S::kBreak:
      return to == S::kReady || to == S::kLoggedOut;
  }
  return false;
}

}  // namespace dialer::engine
