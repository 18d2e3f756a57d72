// The dialer engine: decides whom to call, when, from which caller ID and on
// how many lines; connects answered calls to agents; asks the compliance
// gate before every dial; and reports what happened.
//
// The host plugs in a Clock, a TelephonyProvider, a Store and an EventSink
// (EngineEnv) and drives agents through this facade.
//
// Example:
//   dialer::MemoryStore store;
//   MyProvider provider;
//   MySink sink;
//   auto engine = dialer::Engine::Create(
//       {}, {&dialer::Clock::System(), &provider, &store, &sink});
//   if (!engine.ok()) return engine.status();
//   dialer::CampaignConfig campaign;
//   campaign.id = "q3-outbound";
//   campaign.caller_ids = {"+12125550100"};
//   (*engine)->AddCampaign(campaign);
//   (*engine)->AddContacts("q3-outbound", contacts);
//   (*engine)->Login("alice", "q3-outbound");
//   (*engine)->Ready("alice");  // power dialing starts
//
// Thread-safe: every call is serialized on the engine's strand, the single
// logical thread that owns all engine state (timers and provider events go
// through it too). A call from outside the strand waits for it and runs
// there; a call from inside a callback (EventSink, a provider command) runs
// at once. The engine never blocks on I/O other than Store writes.
#ifndef DIALER_ENGINE_H_
#define DIALER_ENGINE_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "dialer/clock.h"
#include "dialer/config.h"
#include "dialer/contact.h"
#include "dialer/events.h"
#include "dialer/export.h"
#include "dialer/import.h"
#include "dialer/store.h"
#include "dialer/telephony.h"
#include "dialer/types.h"

namespace dialer {
inline namespace v1 {

// The pluggable interfaces. Non-owning: each must outlive the engine.
struct EngineEnv {
  Clock* clock = nullptr;
  TelephonyProvider* provider = nullptr;
  Store* store = nullptr;
  EventSink* sink = nullptr;  // optional
};

// The agent's disposition of a call.
struct DispositionInput {
  // A standard code ("connected", "meeting_booked", "callback", "voicemail",
  // "no_answer", "busy", "wrong_number", "gatekeeper", "not_interested",
  // "dnc", "bad_data") or one of the campaign's custom codes.
  std::string code;
  std::string notes;
  std::map<std::string, std::string> fields;
  // REQUIRES for "callback": when to call back.
  absl::Time callback_at = absl::InfinitePast();
};

// Counters of one campaign since the engine started.
struct CampaignStats {
  int64_t dials = 0;
  int64_t answers = 0;        // picked up (person or machine)
  int64_t human_answers = 0;  // as the engine saw them (after the detector)
  int64_t machine_answers = 0;
  int64_t connects = 0;       // live answers bridged to an agent in time
  int64_t abandoned = 0;      // the engine's own count (FCC definition)
  int64_t voicemails_dropped = 0;
  int64_t no_answers = 0;
  int64_t busy = 0;
  int64_t failed = 0;
  int64_t blocked_by_compliance = 0;  // gate said no at dial time
  absl::Duration talk_time = absl::ZeroDuration();
  absl::Duration wrap_time = absl::ZeroDuration();
  int64_t contacts_remaining = 0;  // still to be dialed (due now or later)
  std::map<AgentState, int> agents_by_state;
};

struct AgentSnapshot {
  std::string agent_id;
  std::string campaign_id;
  AgentState state = AgentState::kLoggedOut;
  absl::Time since;  // when it entered `state`
  CallId call_id = 0;
  ContactId contact_id = 0;
};

class DIALER_EXPORT Engine {
 public:
  // Builds an engine. Returns InvalidArgument when a required interface of
  // `env` is missing. The engine installs itself as the provider's listener.
  static absl::StatusOr<std::unique_ptr<Engine>> Create(
      const EngineOptions& options, const EngineEnv& env);

  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  // Cancels the engine's timers and detaches from the provider. Calls still
  // in flight are not hung up (the host owns the telephony side).
  virtual ~Engine();

  // ---- Campaigns and contacts -------------------------------------------

  // Returns InvalidArgument for a config that fails Validate(),
  // AlreadyExists for a campaign id in use.
  virtual absl::Status AddCampaign(const CampaignConfig& config) = 0;

  // Stores `contacts` and queues them for dialing in `campaign_id`.
  // Returns NotFound for an unknown campaign, InvalidArgument (naming the
  // index and field) when a contact has no phone; then nothing is added.
  // Trusts its input: numbers are taken as given (E.164 expected), nothing
  // is deduplicated or scrubbed. ImportContacts is the validating path.
  virtual absl::StatusOr<std::vector<ContactId>> AddContacts(
      std::string_view campaign_id, std::vector<Contact> contacts) = 0;

  // Reads a CSV contact list from `csv` to its end, runs it through the
  // ingest pipeline (see dialer/import.h) and adds the accepted contacts to
  // `campaign_id` exactly as AddContacts does (stored, queued by calling
  // window). Rows are deduplicated within the file and against every
  // contact the engine holds (any campaign), by phone and by email, and
  // scrubbed against the engine's do-not-call lists (national, state,
  // internal). The report accounts for every row.
  //
  // All or nothing: a file that cannot be read (I/O error, binary data, no
  // header row, a mapping naming a missing column, no phone column while
  // phone is required) fails before anything is written, and a failed
  // store write adds nothing. Errors: NotFound for an unknown campaign,
  // InvalidArgument for bad options or an unreadable file (naming the
  // problem), Aborted when another caller added a contact with an accepted
  // row's phone or email, or listed one of its numbers as do-not-call,
  // while the file was being read (nothing added; retrying is safe), and
  // the Store's error when the write fails.
  //
  // Threading: parsing and normalising run on the calling thread, outside
  // the engine's strand, so a large file does not stall dialing; each
  // row's duplicate and do-not-call look-ups take the strand briefly, and
  // the final check and the insert take it once. `progress` (may be empty)
  // is called on the calling thread with the data rows and bytes read so
  // far, every options.progress_every_rows rows and once at the end.
  virtual absl::StatusOr<ImportReport> ImportContacts(
      std::string_view campaign_id, std::istream& csv,
      const ImportOptions& options,
      std::function<void(int64_t rows, int64_t bytes)> progress = {}) = 0;

  // The same pipeline for records from an API or a form: record i is
  // reported as line i + 1, and each record is mapped by its own names
  // (options.column_mapping applies where a name is present). Same errors
  // and guarantees as ImportContacts.
  virtual absl::StatusOr<ImportReport> ImportRecords(
      std::string_view campaign_id, const std::vector<ImportRecord>& records,
      const ImportOptions& options) = 0;

  // ---- Agents -------------------------------------------------------------

  // Logs an agent into a campaign (state: break until Ready).
  virtual absl::Status Login(std::string_view agent_id,
                             std::string_view campaign_id) = 0;
  // Makes the agent available: the next contact is previewed or dialed
  // after the campaign's auto-advance delay. From wrap-up, REQUIRES the
  // call to be dispositioned (FailedPrecondition otherwise).
  virtual absl::Status Ready(std::string_view agent_id) = 0;
  // Pauses an agent. While a call is ringing or live (or in wrap-up) the
  // break is taken as soon as that call is finished and dispositioned.
  virtual absl::Status Break(std::string_view agent_id,
                             std::string_view reason) = 0;
  // Logs the agent out. A ringing call of theirs is canceled; a live one
  // must be finished first (FailedPrecondition).
  virtual absl::Status Logout(std::string_view agent_id) = 0;

  // Preview sub-mode: dial the previewed contact now / skip it.
  virtual absl::Status DialNow(std::string_view agent_id) = 0;
  virtual absl::Status SkipContact(std::string_view agent_id) = 0;

  // Ends the agent's current call (cancels it while ringing).
  virtual absl::Status Hangup(std::string_view agent_id) = 0;
  // Leaves the pre-recorded voicemail on the machine the agent is listening
  // to (after the beep), dispositions the call "voicemail" and frees the
  // agent for the next call with no wrap-up.
  virtual absl::Status DropVoicemail(std::string_view agent_id) = 0;
  // The agent hears an answering machine and leaves no message (the
  // campaign has none, or this attempt should not leave one): hangs up,
  // dispositions the call "machine" (retried by the queue's rules) and
  // frees the agent for the next call with no wrap-up. Without it an agent
  // who hangs up on a machine spends a wrap-up on it.
  virtual absl::Status HangupMachine(std::string_view agent_id) = 0;

  // Records the agent's disposition of the call in wrap-up (or of the call
  // just ended) and applies its automation (retry, callback, DNC, ...).
  // Returns InvalidArgument for an unknown code or a missing required field
  // ("callback" needs callback_at in the future), FailedPrecondition when
  // the agent has no call to disposition.
  virtual absl::Status Disposition(std::string_view agent_id,
                                   const DispositionInput& input) = 0;

  // Attaches a note to the contact of the agent's current or last call.
  virtual absl::Status AddNote(std::string_view agent_id,
                               std::string_view text) = 0;

  // ---- Compliance ---------------------------------------------------------

  // Adds a number to the internal do-not-call list. Effective immediately in
  // every campaign (a ringing call to it is not canceled) and kept.
  virtual absl::Status AddToDoNotCall(std::string_view phone_e164,
                                      std::string_view source) = 0;

  // ---- Observing ----------------------------------------------------------

  virtual absl::StatusOr<CampaignStats> GetCampaignStats(
      std::string_view campaign_id) = 0;
  virtual absl::StatusOr<AgentSnapshot> GetAgent(std::string_view agent_id) = 0;

  // ---- Provider events ----------------------------------------------------

  // Applies one provider event. The engine's provider listener calls this;
  // hosts whose provider pushes events another way may call it directly.
  // Duplicates are ignored (OK); an event that is impossible for the call's
  // state (an answer after the call ended) returns FailedPrecondition, is
  // logged, and changes nothing; an unknown call returns NotFound.
  virtual absl::Status HandleProviderEvent(const ProviderEvent& event) = 0;

 protected:
  Engine() = default;
};

// The library's version as "major.minor.patch" (compare with the
// DIALER_VERSION_* macros of dialer/version.h to detect a header mismatch).
DIALER_EXPORT std::string_view Version();

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_ENGINE_H_
