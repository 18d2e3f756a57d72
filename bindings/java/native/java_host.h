// What Java cannot do through the C ABI alone: implement the telephony
// provider and receive engine events (both are C function pointers), and
// drive a manual clock. SWIG wraps this header with directors
// (bindings/swig/dialer.i): Java subclasses NativeProvider and
// NativeEventListener (dialer.Engine does, over the idiomatic
// dialer.TelephonyProvider and dialer.EventListener), and java_engine_new
// fills a dialer_engine_options whose vtable and callback call them.
//
// Ownership: the Java objects outlive the engine (dialer.Engine keeps them
// and deletes them after dialer_engine_free). Threads: the directors run on
// the engine's strand, whatever thread holds it; SWIG attaches a native
// thread to the JVM for the call.
#ifndef DIALER_BINDINGS_JAVA_NATIVE_JAVA_HOST_H_
#define DIALER_BINDINGS_JAVA_NATIVE_JAVA_HOST_H_

#include <cstdint>

#include "dialer/c.h"
#include "dialer/c_provider.h"
#include "manual_clock.h"

namespace dialer_java {

// The provider vtable as a class. Each method returns DIALER_OK ("accepted")
// or a status, and may describe a failure with dialer_buffer_set(error, ...).
class NativeProvider {
 public:
  virtual ~NativeProvider() {}
  virtual int32_t placeCall(const dialer_dial_request* request,
                            dialer_buffer* error) = 0;
  virtual int32_t cancelCall(int64_t callId, dialer_buffer* error) = 0;
  virtual int32_t hangup(int64_t callId, dialer_buffer* error) = 0;
  virtual int32_t bridge(int64_t callId, const char* conference,
                         dialer_buffer* error) = 0;
  virtual int32_t playAndHangup(int64_t callId, const char* audio,
                                bool afterBeep, dialer_buffer* error) = 0;
  virtual int32_t setParticipant(const char* conference,
                                 const char* participant, int32_t role,
                                 dialer_buffer* error) = 0;
};

// Receives every engine event as its JSON object (docs/c-api.md "Events").
class NativeEventListener {
 public:
  virtual ~NativeEventListener() {}
  virtual void onEvent(const char* eventJson) = 0;
};

// A clock the host moves (bindings/common/manual_clock.h): now() stays put
// until advanceTo(), which fires the engine's due timers in (deadline,
// scheduling) order on the calling thread. Thread-safe.
class ManualClock {
 public:
  explicit ManualClock(int64_t startUs) : clock_(startUs) {}
  int64_t now() { return clock_.Now(); }
  // Fires every timer due at or before untilUs, then sets the time to
  // untilUs (never backwards). Returns the number of timers that ran; -1
  // (with the thread's last error set) when the engine refused one.
  int32_t advanceTo(dialer_engine* engine, int64_t untilUs);

#ifndef SWIG
  dialer_clock VTable() { return clock_.VTable(); }

 private:
  dialer_bindings::ManualClock clock_;
#endif
};

// dialer_engine_new with `provider` and `listener` (may be NULL: events are
// dropped) behind the C vtable and callback, and `clock` (NULL: the system
// clock). Returns NULL on failure, with dialer_last_error_code() and
// dialer_last_error_message() set.
dialer_engine* java_engine_new(const char* configJson, NativeProvider* provider,
                               NativeEventListener* listener, ManualClock* clock);

// dialer_engine_push_provider_event with the event's error message (a
// borrowed string the struct cannot keep from Java).
dialer_status java_push_provider_event(dialer_engine* engine,
                                       dialer_provider_event* event,
                                       const char* errorMessage);

// sizeof the C structs, for their _init functions from Java.
size_t provider_event_size();
size_t sim_options_size();

}  // namespace dialer_java

#endif  // DIALER_BINDINGS_JAVA_NATIVE_JAVA_HOST_H_
