// Out-of-line destructors of the pluggable interfaces: each vtable (and its
// typeinfo) is then emitted in this one translation unit instead of in every
// file that includes the header.
#include "dialer/clock.h"
#include "dialer/events.h"
#include "dialer/store.h"
#include "dialer/telephony.h"

namespace dialer {
inline namespace v1 {

Clock::~Clock() = default;
ProviderEventListener::~ProviderEventListener() = default;
TelephonyProvider::~TelephonyProvider() = default;
Store::~Store() = default;
EventSink::~EventSink() = default;

}  // namespace v1
}  // namespace dialer
