// Identifiers and small value types shared by every part of the dialer API.
//
// Everything here is a plain value: cheap to copy, no behaviour beyond naming.
// `ToString()` returns the stable snake_case name used in logs, JSON and the
// C ABI; those names never change once released.
//
// Immutable values: safe to use from any thread.
#ifndef DIALER_TYPES_H_
#define DIALER_TYPES_H_

#include <cstdint>
#include <string_view>

#include "dialer/export.h"

namespace dialer {
inline namespace v1 {

// Store-assigned identifier of a contact. 0 is never a valid id.
using ContactId = int64_t;

// Engine-assigned identifier of one call attempt. Unique for the engine's
// lifetime and never reused; the provider reports events against it.
// 0 is never a valid id.
using CallId = int64_t;

// How a campaign decides how many calls to have in flight.
enum class DialMode : int32_t {
  kPower = 0,       // one call per ready agent, agent listening from the start
  kParallel = 1,    // a fixed number of lines per ready agent
  kPredictive = 2,  // lines computed from the campaign's observed statistics
};

// What an agent is doing, as the engine sees it.
enum class AgentState : int32_t {
  kLoggedOut = 0,
  kReady = 1,    // waiting for the next contact (auto-advance pending)
  kPreview = 2,  // looking at the next contact before it is dialed
  kDialing = 3,  // a call for this agent is ringing
  kOnCall = 4,   // talking to a prospect (or listening to a greeting)
  kWrapUp = 5,   // call ended; dispositioning and notes
  kBreak = 6,    // paused by the agent or a manager
};

// Life cycle of one call attempt. kEnded is terminal.
enum class CallState : int32_t {
  kDialing = 0,     // PlaceCall issued, nothing heard yet
  kRinging = 1,     // the far end is ringing
  kAnswered = 2,    // picked up; the detector has not decided yet
  kConnecting = 3,  // bridge to an agent commanded
  kConnected = 4,   // an agent is talking to the prospect
  kMachine = 5,     // an answering machine; voicemail drop or hang-up pending
  kAbandoning = 6,  // no agent in time: identification message, then hang-up
  kEnded = 7,
};

// Verdict of the provider's answering-machine detector (asynchronous AMD).
enum class AmdResult : int32_t {
  kHuman = 0,
  kMachineStart = 1,       // a machine greeting started (not yet at the beep)
  kMachineEndBeep = 2,     // greeting ended with a beep: safe to drop a message
  kMachineEndSilence = 3,  // greeting ended with silence
  kMachineEndOther = 4,    // greeting ended some other way
  kFax = 5,
  kUnknown = 6,  // the detector could not decide
};

// How a call finished, from the network's point of view.
enum class CallEndStatus : int32_t {
  kCompleted = 0,  // answered and later hung up (by either side)
  kBusy = 1,
  kNoAnswer = 2,  // rang until the ring timeout
  kFailed = 3,    // the network or provider could not place it
  kCanceled = 4,  // canceled by the engine before answer
};

// Answering-machine detection requested when placing a call.
enum class AmdMode : int32_t {
  kOff = 0,
  kDetect = 1,            // report human / machine_start as soon as known
  kDetectMessageEnd = 2,  // additionally report when the greeting ends
};

// Role of a participant in an agent's conference (manager features).
enum class ParticipantRole : int32_t {
  kAgent = 0,
  kListen = 1,    // muted monitor: hears both sides, heard by nobody
  kWhisper = 2,   // heard by the agent only (coach)
  kBarge = 3,     // heard by everyone
  kTakeover = 4,  // replaces the agent, who is muted
};

DIALER_EXPORT std::string_view ToString(DialMode mode);
DIALER_EXPORT std::string_view ToString(AgentState state);
DIALER_EXPORT std::string_view ToString(CallState state);
DIALER_EXPORT std::string_view ToString(AmdResult result);
DIALER_EXPORT std::string_view ToString(CallEndStatus status);
DIALER_EXPORT std::string_view ToString(AmdMode mode);
DIALER_EXPORT std::string_view ToString(ParticipantRole role);

// True iff the detector's verdict means "not a live person".
constexpr bool IsMachine(AmdResult r) {
  return r == AmdResult::kMachineStart || r == AmdResult::kMachineEndBeep ||
         r == AmdResult::kMachineEndSilence ||
         r == AmdResult::kMachineEndOther || r == AmdResult::kFax;
}

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_TYPES_H_
