// The C side of java_host.h: trampolines from the C vtable and callback to
// the SWIG directors, and the manual clock. scripts/check_binding_coverage.py
// reads the `// C: dialer_...` comments (functions Java reaches only here).
#include "java_host.h"

#include <exception>
#include <string>

namespace dialer_java {
namespace {

NativeProvider* ProviderOf(void* user_data) {
  return static_cast<NativeProvider*>(user_data);
}

// Runs a director call; a C++ exception (SWIG's DirectorException when the
// Java side threw past dialer.Engine's adapter) becomes DIALER_INTERNAL with
// its message, since nothing may throw into the engine through C.
template <typename Call>
dialer_status Trampoline(dialer_buffer* error, Call&& call) noexcept {
  try {
    return call();
  } catch (const std::exception& e) {
    std::string message = std::string("java provider: ") + e.what();
    dialer_buffer_set(error, message.data(), message.size());
  } catch (...) {
    static const char kMessage[] = "java provider: unknown exception";
    dialer_buffer_set(error, kMessage, sizeof kMessage - 1);
  }
  return DIALER_INTERNAL;
}

dialer_provider ProviderVTable(NativeProvider* p) {
  dialer_provider v = DIALER_PROVIDER_INIT;
  v.user_data = p;
  v.place_call = [](void* ud, const dialer_dial_request* r, dialer_buffer* e) {
    return Trampoline(e, [&] { return ProviderOf(ud)->placeCall(r, e); });
  };
  v.cancel_call = [](void* ud, int64_t call, dialer_buffer* e) {
    return Trampoline(e, [&] { return ProviderOf(ud)->cancelCall(call, e); });
  };
  v.hangup = [](void* ud, int64_t call, dialer_buffer* e) {
    return Trampoline(e, [&] { return ProviderOf(ud)->hangup(call, e); });
  };
  v.bridge = [](void* ud, int64_t call, const char* conference,
                dialer_buffer* e) {
    return Trampoline(
        e, [&] { return ProviderOf(ud)->bridge(call, conference, e); });
  };
  v.play_and_hangup = [](void* ud, int64_t call, const char* audio,
                         bool after_beep, dialer_buffer* e) {
    return Trampoline(e, [&] {
      return ProviderOf(ud)->playAndHangup(call, audio, after_beep, e);
    });
  };
  v.set_participant = [](void* ud, const char* conference,
                         const char* participant, int32_t role,
                         dialer_buffer* e) {
    return Trampoline(e, [&] {
      return ProviderOf(ud)->setParticipant(conference, participant, role, e);
    });
  };
  return v;
}

void OnEvent(void* user_data, const char* json, size_t) {
  try {
    static_cast<NativeEventListener*>(user_data)->onEvent(json);
  } catch (...) {
    // An event listener cannot fail the engine; dialer.Engine's adapter
    // already catches what Java throws.
  }
}

}  // namespace

int32_t ManualClock::advanceTo(dialer_engine* engine, int64_t untilUs) {
  int fired = 0;
  // C: dialer_engine_fire_timer (in dialer_bindings::ManualClock::AdvanceTo)
  if (clock_.AdvanceTo(engine, untilUs, &fired) != DIALER_OK) return -1;
  return fired;
}

dialer_engine* java_engine_new(const char* configJson, NativeProvider* provider,
                               NativeEventListener* listener,
                               ManualClock* clock) {
  dialer_engine_options options = DIALER_ENGINE_OPTIONS_INIT;
  options.config_json = configJson;
  dialer_provider vtable;
  if (provider != nullptr) {
    vtable = ProviderVTable(provider);
    options.provider = &vtable;
  }
  if (listener != nullptr) {
    options.on_event = OnEvent;
    options.event_user_data = listener;
  }
  dialer_clock clock_vtable;
  if (clock != nullptr) {
    clock_vtable = clock->VTable();
    options.clock = &clock_vtable;
  }
  dialer_engine* engine = nullptr;
  // C: dialer_engine_new (a NULL provider fails there, with its message)
  if (dialer_engine_new(&engine, &options) != DIALER_OK) return nullptr;
  return engine;
}

dialer_status java_push_provider_event(dialer_engine* engine,
                                       dialer_provider_event* event,
                                       const char* errorMessage) {
  if (event == nullptr) {
    // C: dialer_engine_push_provider_event (it reports the NULL event)
    return dialer_engine_push_provider_event(engine, event);
  }
  dialer_provider_event copy = *event;
  copy.error_message = errorMessage;
  return dialer_engine_push_provider_event(engine, &copy);
}

size_t provider_event_size() { return sizeof(dialer_provider_event); }
size_t sim_options_size() { return sizeof(dialer_sim_options); }

}  // namespace dialer_java
