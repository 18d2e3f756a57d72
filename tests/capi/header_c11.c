/* Compiles the C ABI's headers as strict C11 (see tests/capi/CMakeLists.txt:
 * -std=c11 -Wall -Wextra -pedantic -Werror) and checks at compile time that
 * the _INIT macros and the struct sizes agree. */
#include <dialer/c.h>
#include <dialer/c_provider.h>

_Static_assert(sizeof(dialer_status) == 4, "dialer_status is int32_t");
_Static_assert(DIALER_OK == 0, "DIALER_OK is 0");
_Static_assert(DIALER_UNAUTHENTICATED == 16, "codes equal absl::StatusCode");

int header_c11_check(void);

int header_c11_check(void) {
  dialer_engine_options options = DIALER_ENGINE_OPTIONS_INIT;
  dialer_provider_event event = DIALER_PROVIDER_EVENT_INIT;
  dialer_sim_options sim = DIALER_SIM_OPTIONS_INIT;
  dialer_provider provider = DIALER_PROVIDER_INIT;
  dialer_store store = DIALER_STORE_INIT;
  dialer_clock clock = DIALER_CLOCK_INIT;
  return (int)(options.struct_size + event.struct_size + sim.struct_size +
               provider.struct_size + store.struct_size + clock.struct_size);
}
