// The telephony provider: how the engine places, cancels, bridges and hangs
// up calls, and how the results come back. The engine has no telephony of
// its own; the host plugs in Twilio, its own switch, or the simulator.
//
// Commands are asynchronous: a returned OK status only means "accepted";
// what happened arrives later as ProviderEvents through the listener the
// engine installed with SetListener(). Events may arrive late, twice or out
// of order; the engine tolerates that, so a provider need not deduplicate.
//
// Thread-safety: the engine calls a provider from its strand only (one
// thread at a time). A provider may call the listener from any thread.
#ifndef DIALER_TELEPHONY_H_
#define DIALER_TELEPHONY_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "dialer/export.h"
#include "dialer/types.h"

namespace dialer {
inline namespace v1 {

// One outbound call to place.
struct DialRequest {
  CallId call_id = 0;      // reported back in every event of this call
  std::string to;          // E.164
  std::string caller_id;   // E.164, a number the account owns
  absl::Duration ring_timeout = absl::Seconds(25);  // never below 15 s
  AmdMode amd = AmdMode::kOff;
  // When not empty, the call joins this conference as soon as it is
  // answered (power mode: the agent is already listening there).
  std::string conference;
};

// An error the provider reports for a call (a Twilio error code, a SIP
// status, ...). `code` is the provider's own number; 0 when it has none.
struct ProviderError {
  int code = 0;
  std::string message;
};

enum class ProviderEventType : int32_t {
  kRinging = 0,
  kAnswered = 1,    // picked up (by a person or a machine)
  kAmd = 2,         // detector verdict in `amd`
  kBridged = 3,     // the call joined the conference given to Bridge()
  kCompleted = 4,   // the call is over: `status`, `duration`
  kFailed = 5,      // could not be placed or broke: `error`
  kPlaybackDone = 6,  // a PlayAndHangup message finished playing
};
DIALER_EXPORT std::string_view ToString(ProviderEventType type);

struct ProviderEvent {
  ProviderEventType type = ProviderEventType::kRinging;
  CallId call_id = 0;
  // When the provider observed it (may be earlier than delivery).
  absl::Time at = absl::InfinitePast();
  AmdResult amd = AmdResult::kUnknown;            // kAmd
  CallEndStatus status = CallEndStatus::kCompleted;  // kCompleted
  absl::Duration duration = absl::ZeroDuration();    // kCompleted: talk time
  ProviderError error;                               // kFailed
};

// Implemented by the engine. Thread-safe: may be called from any thread,
// including from inside a provider command (the event is then handled after
// the command returns).
class DIALER_EXPORT ProviderEventListener {
 public:
  virtual ~ProviderEventListener();
  virtual void OnProviderEvent(const ProviderEvent& event) = 0;
};

class DIALER_EXPORT TelephonyProvider {
 public:
  TelephonyProvider() = default;
  TelephonyProvider(const TelephonyProvider&) = delete;
  TelephonyProvider& operator=(const TelephonyProvider&) = delete;
  virtual ~TelephonyProvider();

  // Installs where events go; the engine passes nullptr when it shuts down,
  // after which the provider must not call the old listener again.
  virtual void SetListener(ProviderEventListener* listener) = 0;

  // Places a call. Returns InvalidArgument for a request the provider can
  // never place (malformed number), Unavailable when it cannot right now.
  virtual absl::Status PlaceCall(const DialRequest& request) = 0;

  // Cancels a call that has not been answered. A call answered in the
  // meantime is reported as answered; the engine then decides.
  virtual absl::Status CancelCall(CallId call) = 0;

  // Hangs up an answered call.
  virtual absl::Status Hangup(CallId call) = 0;

  // Moves an answered call into `conference` (where an agent waits).
  virtual absl::Status Bridge(CallId call, std::string_view conference) = 0;

  // Plays `audio` (a URL or a name the provider knows) to an answered call,
  // then hangs up. With `after_beep`, playback waits for the end of a
  // machine greeting so a voicemail is not truncated.
  virtual absl::Status PlayAndHangup(CallId call, std::string_view audio,
                                     bool after_beep) = 0;

  // Adds or changes a participant of an agent's conference: agent legs and
  // manager monitoring (listen, whisper, barge, takeover).
  virtual absl::Status SetParticipant(std::string_view /*conference*/,
                                      std::string_view /*participant*/,
                                      ParticipantRole /*role*/) {
    return absl::UnimplementedError("SetParticipant is not supported");
  }
};

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_TELEPHONY_H_
