#include "ingest/dnc_checker.h"

#include <optional>

#include "ingest/text_util.h"
#include "core/e164.h"

namespace dialer::ingest {
namespace {

// E.164 has at most 15 digits, so the digits fit a uint64_t exactly.
std::optional<uint64_t> E164Key(std::string_view e164) {
  if (!core::IsE164(e164)) return std::nullopt;
  uint64_t key = 0;
  for (char c : e164.substr(1)) key = key * 10 + static_cast<uint64_t>(c - '0');
  return key;
}

}  // namespace

absl::Status InternalDncList::Add(std::string_view e164) {
  std::optional<uint64_t> key = E164Key(e164);
  if (!key.has_value()) {
    return absl::InvalidArgumentError(
        Cat("DNC list '", name_, "': '", e164,
                     "' is not an E.164 number"));
  }
  numbers_.insert(*key);
  return absl::OkStatus();
}

std::string_view InternalDncList::ListHolding(std::string_view e164,
                                              std::string_view) const {
  std::optional<uint64_t> key = E164Key(e164);
  if (key.has_value() && numbers_.contains(*key)) return name_;
  return {};
}

}  // namespace dialer::ingest
