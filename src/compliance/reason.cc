#include "compliance/reason.h"

#include <array>

namespace dialer::compliance {
namespace {

constexpr std::array<std::string_view, kReasonCount> kCodes = {
    "invalid_phone",          "invalid_time_zone",
    "outside_federal_window", "outside_state_window",
    "outside_campaign_window", "state_holiday",
    "sunday_ban",             "state_blackout",
    "dnc_national",           "dnc_state",
    "dnc_internal",           "attempt_cap_campaign",
    "attempt_cap_state",      "attempt_cap_general",
    "conversation_cool_off",  "abandon_stop",
    "caller_id_not_allowed",
};

}  // namespace

std::string_view ReasonCode(Reason reason) {
  const auto i = static_cast<size_t>(reason);
  return i < kCodes.size() ? kCodes[i] : std::string_view("unknown");
}

std::optional<Reason> ReasonFromCode(std::string_view code) {
  for (size_t i = 0; i < kCodes.size(); ++i) {
    if (kCodes[i] == code) return static_cast<Reason>(i);
  }
  return std::nullopt;
}

bool ClearsWithTime(Reason reason) {
  switch (reason) {
    case Reason::kOutsideFederalWindow:
    case Reason::kOutsideStateWindow:
    case Reason::kOutsideCampaignWindow:
    case Reason::kStateHoliday:
    case Reason::kSundayBan:
    case Reason::kAttemptCapCampaign:
    case Reason::kAttemptCapState:
    case Reason::kAttemptCapGeneral:
    case Reason::kConversationCoolOff:
      return true;
    default:
      return false;
  }
}

}  // namespace dialer::compliance
