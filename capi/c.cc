// Version, errors, memory and the struct initializers of the C ABI.
#include <cstdlib>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"
#include "capi/c_guard.h"
#include "core/absl_view.h"
#include "dialer/c.h"
#include "dialer/c_provider.h"
#include "dialer/version.h"

namespace dialer::capi {
namespace {

struct LastError {
  dialer_status code = DIALER_OK;
  std::string message;
};

LastError& ThreadError() {
  thread_local LastError error;
  return error;
}

// Fills a host-sized struct with `defaults`: the bytes the library knows, and
// zeros past them when the host's struct is newer than the library.
template <typename T>
dialer_status InitSized(T* p, size_t size, const T& defaults,
                        std::string_view name) {
  return Guard([&]() -> absl::Status {
    if (p == nullptr) return NotNull(p, name);
    if (size < sizeof(T)) {
      return absl::InvalidArgumentError(
          absl::StrCat(AbslView(name), ": struct_size ", size,
                       " is smaller than the first version (", sizeof(T), ")"));
    }
    std::memset(static_cast<void*>(p), 0, size);
    std::memcpy(static_cast<void*>(p), &defaults, sizeof(T));
    p->struct_size = static_cast<uint32_t>(size);
    return absl::OkStatus();
  });
}

}  // namespace

dialer_status Record(const absl::Status& status) {
  LastError& e = ThreadError();
  e.code = static_cast<dialer_status>(status.code());
  if (status.ok()) {
    e.message.clear();
  } else {
    e.message.assign(status.message().data(), status.message().size());
  }
  return e.code;
}

absl::Status NotNull(const void* p, std::string_view name) {
  if (p != nullptr) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(AbslView(name), " must not be NULL"));
}

char* CopyOut(std::string_view s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out == nullptr) throw std::bad_alloc();
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

absl::Status ReadSized(const void* in, size_t min_size, size_t size_of_t,
                       void* out, std::string_view name) {
  if (in == nullptr) return NotNull(in, name);
  uint32_t size = 0;
  std::memcpy(&size, in, sizeof size);
  if (size < min_size) {
    return absl::InvalidArgumentError(absl::StrCat(
        AbslView(name), ": struct_size ", size,
        " is smaller than the first version (", min_size,
        "); initialize it with its _INIT macro or _init function"));
  }
  std::memcpy(out, in, size < size_of_t ? size : size_of_t);
  return absl::OkStatus();
}

}  // namespace dialer::capi

using dialer::capi::Guard;
using dialer::capi::InitSized;

extern "C" {

void dialer_version(int* major, int* minor, int* patch) {
  if (major != nullptr) *major = DIALER_VERSION_MAJOR;
  if (minor != nullptr) *minor = DIALER_VERSION_MINOR;
  if (patch != nullptr) *patch = DIALER_VERSION_PATCH;
}

const char* dialer_version_string(void) { return DIALER_VERSION_STRING; }

const char* dialer_last_error_message(void) {
  return dialer::capi::ThreadError().message.c_str();
}

dialer_status dialer_last_error_code(void) {
  return dialer::capi::ThreadError().code;
}

const char* dialer_status_name(dialer_status status) {
  static const char* const kNames[] = {
      "OK",       "CANCELLED",         "UNKNOWN",   "INVALID_ARGUMENT",
      "DEADLINE_EXCEEDED",    "NOT_FOUND", "ALREADY_EXISTS",
      "PERMISSION_DENIED",    "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
      "ABORTED",  "OUT_OF_RANGE",      "UNIMPLEMENTED", "INTERNAL",
      "UNAVAILABLE",          "DATA_LOSS", "UNAUTHENTICATED"};
  if (status < 0 || status > DIALER_UNAUTHENTICATED) return "UNKNOWN";
  return kNames[status];
}

void dialer_free(void* ptr) { std::free(ptr); }

dialer_status dialer_engine_options_init(dialer_engine_options* options,
                                         size_t struct_size) {
  return InitSized(options, struct_size,
                   dialer_engine_options DIALER_ENGINE_OPTIONS_INIT,
                   "options");
}

dialer_status dialer_provider_event_init(dialer_provider_event* event,
                                         size_t struct_size) {
  return InitSized(event, struct_size,
                   dialer_provider_event DIALER_PROVIDER_EVENT_INIT, "event");
}

dialer_status dialer_sim_options_init(dialer_sim_options* options,
                                      size_t struct_size) {
  return InitSized(options, struct_size,
                   dialer_sim_options DIALER_SIM_OPTIONS_INIT, "options");
}

dialer_status dialer_provider_init(dialer_provider* provider,
                                   size_t struct_size) {
  return InitSized(provider, struct_size, dialer_provider DIALER_PROVIDER_INIT,
                   "provider");
}

dialer_status dialer_store_init(dialer_store* store, size_t struct_size) {
  return InitSized(store, struct_size, dialer_store DIALER_STORE_INIT, "store");
}

dialer_status dialer_clock_init(dialer_clock* clock, size_t struct_size) {
  return InitSized(clock, struct_size, dialer_clock DIALER_CLOCK_INIT, "clock");
}

dialer_status dialer_buffer_set(dialer_buffer* buffer, const char* data,
                                size_t len) {
  return Guard([&]() -> absl::Status {
    if (buffer == nullptr) return dialer::capi::NotNull(buffer, "buffer");
    if (data == nullptr && len != 0) return dialer::capi::NotNull(data, "data");
    buffer->data.assign(data == nullptr ? "" : data, len);
    buffer->set = true;
    return absl::OkStatus();
  });
}

}  // extern "C"
