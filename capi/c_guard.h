// The edge between the C ABI and the C++ library: the per-thread last error,
// the guard every exported function runs its body in, and the helpers that
// copy results out to the host.
//
// Thread-safe: the last error is thread-local.
#ifndef DIALER_CAPI_C_GUARD_H_
#define DIALER_CAPI_C_GUARD_H_

#include <exception>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "dialer/c.h"

namespace dialer::capi {

// Records `status` as this thread's last error ("" and OK for success) and
// returns its code.
dialer_status Record(const absl::Status& status);

// Returns InvalidArgument naming `name` when `p` is NULL.
absl::Status NotNull(const void* p, std::string_view name);

// Runs `body` (returning absl::Status), records its result, and turns any
// exception into DIALER_INTERNAL: nothing throws through the C ABI.
template <typename Body>
dialer_status Guard(Body&& body) noexcept {
  try {
    return Record(body());
  } catch (const std::exception& e) {
    return Record(absl::InternalError(std::string("dialer: exception: ") + e.what()));
  } catch (...) {
    return Record(absl::InternalError("dialer: unknown exception"));
  }
}

// A malloc'ed NUL-terminated copy of `s` for a `char **out`, released with
// dialer_free(). Throws std::bad_alloc when memory runs out (caught by Guard).
char* CopyOut(std::string_view s);

// Reads a struct the host sized: copies min(host size, sizeof(T)) bytes of
// `*in` over `*out` (which holds the defaults). Fails for a size smaller than
// the struct's first version (`min_size`).
absl::Status ReadSized(const void* in, size_t min_size, size_t size_of_t,
                       void* out, std::string_view name);

}  // namespace dialer::capi

// Where a host function writes its result (c_provider.h).
struct dialer_buffer {
  std::string data;
  bool set = false;
};

#endif  // DIALER_CAPI_C_GUARD_H_
