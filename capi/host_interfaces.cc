#include "capi/host_interfaces.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "capi/c_guard.h"
#include "capi/json_codec.h"
#include "core/absl_view.h"

namespace dialer::capi {
namespace {

// The host's status as an absl::Status, with the message it wrote (if any).
absl::Status FromHost(dialer_status code, const dialer_buffer& message,
                      std::string_view what) {
  if (code == DIALER_OK) return absl::OkStatus();
  if (code < 0 || code > DIALER_UNAUTHENTICATED) code = DIALER_UNKNOWN;
  std::string text = message.set && !message.data.empty()
                         ? message.data
                         : absl::StrCat("host ", AbslView(what), " returned ",
                                        dialer_status_name(code));
  return absl::Status(static_cast<absl::StatusCode>(code), text);
}

absl::Status Missing(std::string_view vtable, std::string_view fn) {
  return absl::InvalidArgumentError(absl::StrCat(
      AbslView(vtable), ".", AbslView(fn), " is required but NULL"));
}

}  // namespace

absl::Status ValidateProvider(const dialer_provider& p) {
  if (p.place_call == nullptr) return Missing("provider", "place_call");
  if (p.cancel_call == nullptr) return Missing("provider", "cancel_call");
  if (p.hangup == nullptr) return Missing("provider", "hangup");
  if (p.bridge == nullptr) return Missing("provider", "bridge");
  if (p.play_and_hangup == nullptr) return Missing("provider", "play_and_hangup");
  return absl::OkStatus();
}

absl::Status ValidateStore(const dialer_store& s) {
  if (s.add_contacts == nullptr) return Missing("store", "add_contacts");
  if (s.get_contact == nullptr) return Missing("store", "get_contact");
  if (s.commit == nullptr) return Missing("store", "commit");
  if (s.attempts_since == nullptr) return Missing("store", "attempts_since");
  if (s.internal_dnc == nullptr) return Missing("store", "internal_dnc");
  return absl::OkStatus();
}

absl::Status ValidateClock(const dialer_clock& c) {
  if (c.now_us == nullptr) return Missing("clock", "now_us");
  if (c.schedule_at == nullptr) return Missing("clock", "schedule_at");
  return absl::OkStatus();
}

// ---- HostProvider ----------------------------------------------------------

HostProvider::~HostProvider() {
  if (v_.destroy != nullptr) v_.destroy(v_.user_data);
}

void HostProvider::SetListener(ProviderEventListener* listener) {
  listener_.store(listener, std::memory_order_release);
}

// No lock is held while the listener waits for the engine's strand: the
// strand may itself be detaching the listener.
void HostProvider::Push(const ProviderEvent& event) {
  ProviderEventListener* listener = listener_.load(std::memory_order_acquire);
  if (listener != nullptr) listener->OnProviderEvent(event);
}

absl::Status HostProvider::PlaceCall(const DialRequest& request) {
  dialer_dial_request r;
  r.struct_size = sizeof r;
  r.call_id = request.call_id;
  r.to = request.to.c_str();
  r.caller_id = request.caller_id.c_str();
  r.ring_timeout_us = absl::ToInt64Microseconds(request.ring_timeout);
  r.amd_mode = static_cast<int32_t>(request.amd);
  r.conference = request.conference.c_str();
  dialer_buffer error;
  return FromHost(v_.place_call(v_.user_data, &r, &error), error,
                  "provider.place_call");
}

absl::Status HostProvider::CancelCall(CallId call) {
  dialer_buffer error;
  return FromHost(v_.cancel_call(v_.user_data, call, &error), error,
                  "provider.cancel_call");
}

absl::Status HostProvider::Hangup(CallId call) {
  dialer_buffer error;
  return FromHost(v_.hangup(v_.user_data, call, &error), error,
                  "provider.hangup");
}

absl::Status HostProvider::Bridge(CallId call, std::string_view conference) {
  const std::string c(conference);
  dialer_buffer error;
  return FromHost(v_.bridge(v_.user_data, call, c.c_str(), &error), error,
                  "provider.bridge");
}

absl::Status HostProvider::PlayAndHangup(CallId call, std::string_view audio,
                                         bool after_beep) {
  const std::string a(audio);
  dialer_buffer error;
  return FromHost(
      v_.play_and_hangup(v_.user_data, call, a.c_str(), after_beep, &error),
      error, "provider.play_and_hangup");
}

absl::Status HostProvider::SetParticipant(std::string_view conference,
                                          std::string_view participant,
                                          ParticipantRole role) {
  if (v_.struct_size < offsetof(dialer_provider, set_participant) +
                           sizeof(v_.set_participant) ||
      v_.set_participant == nullptr) {
    return TelephonyProvider::SetParticipant(conference, participant, role);
  }
  const std::string c(conference), p(participant);
  dialer_buffer error;
  return FromHost(v_.set_participant(v_.user_data, c.c_str(), p.c_str(),
                                     static_cast<int32_t>(role), &error),
                  error, "provider.set_participant");
}

// ---- HostStore ---------------------------------------------------------------

HostStore::~HostStore() {
  if (v_.destroy != nullptr) v_.destroy(v_.user_data);
}

absl::StatusOr<std::vector<ContactId>> HostStore::AddContacts(
    const std::vector<Contact>& contacts) {
  const std::string in = Serialize(ContactsToJson(contacts));
  dialer_buffer out;
  absl::Status st = FromHost(
      v_.add_contacts(v_.user_data, in.c_str(), in.size(), &out), out,
      "store.add_contacts");
  if (!st.ok()) return st;
  absl::StatusOr<std::vector<ContactId>> ids = ContactIdsFromJson(out.data);
  if (ids.ok() && ids->size() != contacts.size()) {
    return absl::InternalError(absl::StrCat(
        "store.add_contacts returned ", ids->size(), " ids for ",
        contacts.size(), " contacts"));
  }
  return ids;
}

absl::StatusOr<Contact> HostStore::GetContact(ContactId id) {
  dialer_buffer out;
  absl::Status st = FromHost(v_.get_contact(v_.user_data, id, &out), out,
                             "store.get_contact");
  if (!st.ok()) return st;
  absl::StatusOr<boost::json::value> v = ParseJson(out.data, "store.get_contact");
  if (!v.ok()) return v.status();
  return ContactFromJson(*v, "$");
}

absl::Status HostStore::Commit(const WriteBatch& batch) {
  const std::string in = Serialize(WriteBatchToJson(batch));
  dialer_buffer out;
  return FromHost(v_.commit(v_.user_data, in.c_str(), in.size(), &out), out,
                  "store.commit");
}

absl::StatusOr<std::vector<AttemptStarted>> HostStore::AttemptsSince(
    ContactId id, absl::Time since) {
  dialer_buffer out;
  const int64_t since_us =
      since == absl::InfinitePast() ? DIALER_TIME_UNKNOWN : absl::ToUnixMicros(since);
  absl::Status st = FromHost(
      v_.attempts_since(v_.user_data, id, since_us, &out), out,
      "store.attempts_since");
  if (!st.ok()) return st;
  return AttemptsFromJson(out.data);
}

absl::StatusOr<std::vector<DncEntry>> HostStore::InternalDnc() {
  dialer_buffer out;
  absl::Status st = FromHost(v_.internal_dnc(v_.user_data, &out), out,
                             "store.internal_dnc");
  if (!st.ok()) return st;
  return DncEntriesFromJson(out.data);
}

// ---- HostClock -----------------------------------------------------------------

HostClock::~HostClock() {
  if (v_.destroy != nullptr) v_.destroy(v_.user_data);
}

absl::Time HostClock::Now() {
  return absl::FromUnixMicros(v_.now_us(v_.user_data));
}

TimerId HostClock::ScheduleAt(absl::Time when, absl::AnyInvocable<void()> fn) {
  TimerId id;
  {
    absl::MutexLock lock(&mu_);
    id = next_id_++;
    timers_.emplace(id, std::move(fn));
  }
  const int64_t when_us = when == absl::InfinitePast()
                              ? DIALER_TIME_UNKNOWN
                              : absl::ToUnixMicros(when);
  v_.schedule_at(v_.user_data, when_us, id);
  return id;
}

bool HostClock::Cancel(TimerId id) {
  {
    absl::MutexLock lock(&mu_);
    if (timers_.erase(id) == 0) return false;
  }
  if (v_.cancel != nullptr) v_.cancel(v_.user_data, id);
  return true;
}

absl::Status HostClock::Fire(TimerId id) {
  absl::AnyInvocable<void()> fn;
  {
    absl::MutexLock lock(&mu_);
    auto it = timers_.find(id);
    if (it == timers_.end()) {
      return absl::NotFoundError(
          absl::StrCat("timer ", id, " was canceled or has already run"));
    }
    fn = std::move(it->second);
    timers_.erase(it);
  }
  fn();
  return absl::OkStatus();
}

// ---- JsonEventSink ----------------------------------------------------------------

void JsonEventSink::Emit(const std::string& json) {
  if (fn_ != nullptr) fn_(user_data_, json.c_str(), json.size());
}
void JsonEventSink::OnAgentState(const AgentStateEvent& event) {
  Emit(Serialize(AgentStateEventToJson(event)));
}
void JsonEventSink::OnScreenPop(const ScreenPop& pop) {
  Emit(Serialize(ScreenPopToJson(pop)));
}
void JsonEventSink::OnCallEvent(const CallEvent& event) {
  Emit(Serialize(CallEventToJson(event)));
}
void JsonEventSink::OnAlert(const Alert& alert) {
  Emit(Serialize(AlertToJson(alert)));
}
void JsonEventSink::OnLog(LogLevel level, std::string_view message) {
  Emit(Serialize(LogToJson(level, message)));
}

}  // namespace dialer::capi
