// C++ adapters over the vtables of dialer/c_provider.h, so the engine sees a
// host's provider, store and clock as its ordinary interfaces, and an
// EventSink that hands every event to the host as JSON.
//
// Each adapter owns the host's user_data from construction: its destructor
// calls the vtable's destroy exactly once.
//
// Thread-safety: as the interfaces they implement (telephony.h, store.h,
// clock.h, events.h). HostClock's timer table is guarded by a mutex.
#ifndef DIALER_CAPI_HOST_INTERFACES_H_
#define DIALER_CAPI_HOST_INTERFACES_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"
#include "dialer/c.h"
#include "dialer/c_provider.h"
#include "dialer/clock.h"
#include "dialer/events.h"
#include "dialer/store.h"
#include "dialer/telephony.h"

namespace dialer::capi {

// Checks the required functions of each vtable; names the first one missing.
absl::Status ValidateProvider(const dialer_provider& p);
absl::Status ValidateStore(const dialer_store& s);
absl::Status ValidateClock(const dialer_clock& c);

class HostProvider final : public TelephonyProvider {
 public:
  explicit HostProvider(const dialer_provider& vtable) : v_(vtable) {}
  ~HostProvider() override;

  void SetListener(ProviderEventListener* listener) override;
  // Hands `event` to the engine's listener; dropped when none is installed.
  // REQUIRES: not concurrent with the engine's destruction.
  void Push(const ProviderEvent& event);

  absl::Status PlaceCall(const DialRequest& request) override;
  absl::Status CancelCall(CallId call) override;
  absl::Status Hangup(CallId call) override;
  absl::Status Bridge(CallId call, std::string_view conference) override;
  absl::Status PlayAndHangup(CallId call, std::string_view audio,
                             bool after_beep) override;
  absl::Status SetParticipant(std::string_view conference,
                              std::string_view participant,
                              ParticipantRole role) override;

 private:
  dialer_provider v_;
  std::atomic<ProviderEventListener*> listener_{nullptr};
};

class HostStore final : public Store {
 public:
  explicit HostStore(const dialer_store& vtable) : v_(vtable) {}
  ~HostStore() override;

  absl::StatusOr<std::vector<ContactId>> AddContacts(
      const std::vector<Contact>& contacts) override;
  absl::StatusOr<Contact> GetContact(ContactId id) override;
  absl::Status Commit(const WriteBatch& batch) override;
  absl::StatusOr<std::vector<AttemptStarted>> AttemptsSince(
      ContactId id, absl::Time since) override;
  absl::StatusOr<std::vector<DncEntry>> InternalDnc() override;

 private:
  dialer_store v_;
};

class HostClock final : public Clock {
 public:
  explicit HostClock(const dialer_clock& vtable) : v_(vtable) {}
  ~HostClock() override;

  absl::Time Now() override;
  TimerId ScheduleAt(absl::Time when, absl::AnyInvocable<void()> fn) override;
  bool Cancel(TimerId id) override;

  // Runs timer `id` if it is still pending; NotFound otherwise.
  absl::Status Fire(TimerId id);

 private:
  dialer_clock v_;
  absl::Mutex mu_;
  TimerId next_id_ ABSL_GUARDED_BY(mu_) = 1;
  std::map<TimerId, absl::AnyInvocable<void()>> timers_ ABSL_GUARDED_BY(mu_);
};

// Serializes every event and calls the host's function.
class JsonEventSink final : public EventSink {
 public:
  JsonEventSink(dialer_event_fn fn, void* user_data)
      : fn_(fn), user_data_(user_data) {}
  void OnAgentState(const AgentStateEvent& event) override;
  void OnScreenPop(const ScreenPop& pop) override;
  void OnCallEvent(const CallEvent& event) override;
  void OnAlert(const Alert& alert) override;
  void OnLog(LogLevel level, std::string_view message) override;

 private:
  void Emit(const std::string& json);
  dialer_event_fn fn_;
  void* user_data_;
};

}  // namespace dialer::capi

#endif  // DIALER_CAPI_HOST_INTERFACES_H_
