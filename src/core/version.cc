#include "dialer/version.h"

#include <string_view>

#include "dialer/engine.h"

namespace dialer {
inline namespace v1 {

std::string_view Version() { return DIALER_VERSION_STRING; }

}  // namespace v1
}  // namespace dialer
