// A recorded simulated day, as the engine saw it from outside: every input
// that entered it (provider events, facade calls made from outside its
// strand: setup, the simulated agents' actions, the simulator's queries),
// each with its simulated time, in order, interleaved with the firings of
// the engine's own timers and the count of the simulator's own clock
// callbacks between them; and, to check a replay against, the commands the
// engine gave its provider with the provider's answers.
//
// Made by RecordSimulation (sim/replay_recorder.h), consumed by Replayer
// (sim/replayer.h). Plain data; docs/simulator.md ("Replay") describes the
// guarantee.
#ifndef DIALER_SIM_REPLAY_RECORDING_H_
#define DIALER_SIM_REPLAY_RECORDING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "dialer/config.h"
#include "dialer/contact.h"
#include "dialer/engine.h"
#include "dialer/import.h"
#include "dialer/telephony.h"

namespace dialer::sim {

// One facade call made from outside the engine's strand, with what the
// engine answered. Heavy arguments sit in the Recording's side tables,
// named by `payload`.
struct FacadeCall {
  enum class Kind : uint8_t {
    kAddCampaign,     // payload: campaigns
    kAddContacts,     // a = campaign; payload: contact_lists
    kImportContacts,  // a = campaign; payload: imports
    kImportRecords,   // a = campaign; payload: imports
    kLogin,           // a = agent, b = campaign
    kReady,           // a = agent
    kBreak,           // a = agent, b = reason
    kLogout,          // a = agent
    kDialNow,         // a = agent
    kSkipContact,     // a = agent
    kHangup,          // a = agent
    kDropVoicemail,   // a = agent
    kHangupMachine,   // a = agent
    kDisposition,     // a = agent; payload: dispositions
    kAddNote,         // a = agent, b = text
    kAddToDoNotCall,  // a = phone, b = source
    kGetCampaignStats,  // a = campaign; checked: dials
    kGetAgent,          // a = agent; checked: state, call
    kHandleProviderEvent,  // payload: provider_events
  };
  Kind kind = Kind::kReady;
  std::string a;
  std::string b;
  uint32_t payload = 0;
  // What the engine returned.
  absl::Status status;
  // For the queries: the fields checked (see Kind), so that a replay whose
  // engine state differs is caught where it is first read.
  int64_t checked = 0;
  int64_t checked2 = 0;
};

// One command the engine gave the provider, with the provider's answer.
struct ProviderCommand {
  enum class Kind : uint8_t {
    kPlaceCall,       // request
    kCancelCall,
    kHangup,
    kBridge,          // text = conference
    kPlayAndHangup,   // text = audio, after_beep
    kSetParticipant,  // text = conference, request.to = participant, role
  };
  Kind kind = Kind::kPlaceCall;
  CallId call = 0;
  absl::Time at;
  DialRequest request;
  std::string text;
  bool after_beep = false;
  ParticipantRole role = ParticipantRole::kAgent;
  absl::Status status;
};

struct ImportInput {
  std::string csv;  // kImportContacts
  std::vector<ImportRecord> records;  // kImportRecords
  ImportOptions options;
  absl::Status status;
  int64_t accepted = 0;  // ImportReport::accepted, checked
};

// One entry of the day, in the order it happened.
struct ReplayStep {
  enum class Kind : uint8_t {
    kWorldEvents,    // `index` clock callbacks of the simulator's own
    kEngineTimer,    // one engine timer ran, due at `at`
    kProviderEvent,  // provider_events[index] delivered at `at`
    kFacadeCall,     // calls[index] made at `at`
  };
  Kind kind = Kind::kWorldEvents;
  uint32_t index = 0;
  absl::Time at;
};

struct Recording {
  absl::Time start;  // the clock's time when the engine was created
  EngineOptions engine_options;
  // Clock callbacks of the whole day: engine timers plus the simulator's
  // own (what SimReport::events counts).
  int64_t events = 0;
  std::vector<ReplayStep> steps;
  std::vector<ProviderEvent> provider_events;
  std::vector<FacadeCall> calls;
  std::vector<ProviderCommand> commands;
  // Side tables of FacadeCall::payload.
  std::vector<CampaignConfig> campaigns;
  std::vector<std::vector<Contact>> contact_lists;
  std::vector<std::vector<ContactId>> contact_ids;  // AddContacts' answers
  std::vector<ImportInput> imports;
  std::vector<DispositionInput> dispositions;
};

// "login(agent-001, sim)": a call for error messages.
std::string Describe(const Recording& recording, const FacadeCall& call);
// "place_call(call 17, to +12125550100, caller_id ..., ...)".
std::string Describe(const ProviderCommand& command);

}  // namespace dialer::sim

#endif  // DIALER_SIM_REPLAY_RECORDING_H_
