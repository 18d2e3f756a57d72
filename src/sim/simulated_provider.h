// The simulated telephone network: a TelephonyProvider whose calls are
// answered by simulated people and answering machines drawn from a scenario,
// on a Clock (the simulator's SimulatedClock, or a ManualClock in tests).
//
// For each PlaceCall it draws the call's ground truth (who answers, when,
// what the detector will say, how patient the person is, how long they will
// talk) from a random stream keyed by the seed, the number and the attempt
// number, so the same contact's n-th attempt has the same fate whichever
// pacer dials it. Events are delivered to the listener from clock callbacks,
// never from inside a command.
//
// The engine never sees the ground truth; the simulator reads it through
// calls() for the report.
//
// Not thread-safe: use from the clock's thread (the simulator is single
// threaded).
#ifndef DIALER_SIM_SIMULATED_PROVIDER_H_
#define DIALER_SIM_SIMULATED_PROVIDER_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "core/id_index.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "dialer/clock.h"
#include "dialer/simulator.h"
#include "dialer/telephony.h"
#include "sim/random.h"

namespace dialer::sim {

// What the network does with a call, drawn at PlaceCall.
enum class Outcome : int32_t {
  kHuman = 0,    // a person picks up
  kMachine = 1,  // an answering machine picks up
  kBusy = 2,
  kFailed = 3,
  kNoAnswer = 4,  // rings until the ring timeout
};
std::string_view ToString(Outcome outcome);

// Fixed traits of the simulated network that the scenario format does not
// describe (docs/simulator.md lists them).
struct NetworkTraits {
  absl::Duration ringing_after = absl::Seconds(2);  // capped by the pick-up
  absl::Duration busy_after = absl::Seconds(4);
  absl::Duration failed_after = absl::Seconds(2);
  // A machine's greeting lasts at least this long from pick-up to the beep
  // (longer when the detector needs longer).
  absl::Duration machine_greeting = absl::Seconds(10);
  // A machine records this long after the beep, then hangs up.
  absl::Duration machine_record_limit = absl::Seconds(60);
  absl::Duration voicemail_message = absl::Seconds(25);  // after_beep playback
  absl::Duration short_message = absl::Seconds(6);       // other playback
};

// Ground truth of one call, as the simulator knows it.
struct CallTruth {
  CallId call_id = 0;
  int64_t contact = -1;  // index given by the contact lookup, -1 if unknown
  std::string phone;
  int attempt = 0;  // 0 for the first call to this number
  absl::Time placed_at;
  Outcome outcome = Outcome::kNoAnswer;
  bool rang_out = false;  // a pick-up drawn later than the ring limit
  bool conference = false;  // joins the agent's conference when answered
  AmdMode amd = AmdMode::kOff;

  // Drawn at placement.
  absl::Duration ring;      // dial to pick-up
  absl::Duration latency;   // pick-up to greeting end / detector decision
  absl::Duration patience;  // silence after the greeting a person accepts
  absl::Duration talk;      // conversation length once connected
  bool detector_errs = false;

  // What happened.
  bool picked_up = false;
  absl::Time answered_at = absl::InfiniteFuture();
  absl::Time greeting_end_at = absl::InfiniteFuture();
  absl::Time beep_at = absl::InfiniteFuture();
  absl::Time connected_at = absl::InfiniteFuture();  // bridged / conference
  bool amd_reported = false;
  bool amd_said_machine = false;
  bool bridge_requested = false;
  bool playback_requested = false;
  bool voicemail_left = false;   // a message played after a machine's beep
  bool person_hung_up = false;   // patience ran out before any connection
  bool canceled = false;         // by CancelCall (or Hangup) before pick-up
  bool ended = false;
  absl::Time ended_at = absl::InfiniteFuture();
  CallEndStatus end_status = CallEndStatus::kCompleted;
};

class SimulatedProvider final : public TelephonyProvider {
 public:
  // Sees every command and every delivered event (the event log).
  class Observer {
   public:
    virtual ~Observer() = default;
    virtual void OnCommand(std::string_view command, CallId call,
                           std::string_view detail,
                           const absl::Status& result) = 0;
    virtual void OnEvent(const ProviderEvent& event) = 0;
  };

  // Maps a dialed number to the simulator's contact index, or -1. Distinct
  // numbers must get distinct indices (a contact index stands for its
  // number: the provider counts attempts per number by it).
  using ContactLookup = std::function<int64_t(std::string_view phone)>;

  // REQUIRES: `scenario` passed ValidateScenario; `scenario` and `clock`
  // outlive the provider. `center` is the zone of human_by_hour's hours.
  SimulatedProvider(const Scenario& scenario, uint64_t seed,
                    absl::TimeZone center, Clock* clock, ContactLookup lookup,
                    NetworkTraits traits = {});
  ~SimulatedProvider() override;

  void set_observer(Observer* observer) { observer_ = observer; }

  void SetListener(ProviderEventListener* listener) override;
  absl::Status PlaceCall(const DialRequest& request) override;
  absl::Status CancelCall(CallId call) override;
  absl::Status Hangup(CallId call) override;
  absl::Status Bridge(CallId call, std::string_view conference) override;
  absl::Status PlayAndHangup(CallId call, std::string_view audio,
                             bool after_beep) override;

  // Calls placed so far; call(i) is the i-th, in placement order.
  size_t call_count() const { return entries_.size(); }
  const CallTruth& call(size_t i) const { return entries_[i].truth; }
  // nullptr for an unknown call.
  const CallTruth* Find(CallId call) const;
  // Calls placed and not yet ended.
  int64_t in_flight() const { return in_flight_; }

 private:
  struct Entry {
    CallTruth truth;
    Rng rng{0};  // draws after placement (bridge delays)
    // Actions scheduled for this call; canceled when it ends.
    absl::InlinedVector<TimerId, 6> timers;
    TimerId patience_timer = 0;
    TimerId machine_timer = 0;
    // The duration the completion event reports (set when the call ends).
    absl::Duration reported_duration;
  };

  Entry* FindEntry(CallId call);
  // The answered, not yet ended call `call`; NotFound or FailedPrecondition
  // (naming the call) otherwise.
  absl::Status FindLive(CallId call, Entry** out);
  // Runs `fn` on the call at `when`, unless the call ends first.
  TimerId At(Entry& e, absl::Time when, void (SimulatedProvider::*fn)(Entry&));
  void Deliver(ProviderEvent event);
  ProviderEvent EventFor(const CallTruth& c, ProviderEventType type) const;
  // Ends the call at Now(): cancels its pending actions and reports
  // `type` (kCompleted or kFailed) from the clock.
  void Finish(Entry& e, CallEndStatus status, absl::Duration duration,
              ProviderEventType type = ProviderEventType::kCompleted);
  // Scheduled actions.
  void Ringing(Entry& e);
  void PickUp(Entry& e);
  void ReportAmd(Entry& e);
  void PersonHangsUp(Entry& e);
  void Bridged(Entry& e);
  void ConversationOver(Entry& e);
  void MachineHangsUp(Entry& e);
  void PlaybackDone(Entry& e);
  void RingOut(Entry& e);
  void BusySignal(Entry& e);
  void NetworkFailure(Entry& e);

  AmdResult Verdict(const CallTruth& c) const;
  absl::Status Record(std::string_view command, CallId call,
                      std::string_view detail, absl::Status result);

  const Scenario& scenario_;
  const uint64_t seed_;
  const absl::TimeZone center_;
  Clock* const clock_;
  const ContactLookup lookup_;
  const NetworkTraits traits_;
  ProviderEventListener* listener_ = nullptr;
  Observer* observer_ = nullptr;

  std::deque<Entry> entries_;  // references stay valid as it grows
  // Position in entries_ by call id. The engine numbers its calls 1, 2, 3,
  // ...: then this is a subtraction, not a hash lookup (see IdIndex).
  IdIndex by_id_;
  // Attempts so far per number: by contact index when the lookup knows the
  // number (dense, and dialed in streams: no cache miss per call, unlike a
  // hash map over every number of the day), else by StableHash(number).
  std::vector<int> attempts_by_contact_;
  absl::flat_hash_map<uint64_t, int> attempts_;
  int64_t in_flight_ = 0;
};

}  // namespace dialer::sim

#endif  // DIALER_SIM_SIMULATED_PROVIDER_H_
