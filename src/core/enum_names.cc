#include "core/enum_names.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

namespace dialer {
namespace core {
namespace {

// Every enum here numbers its values 0..N-1, so a name table indexed by the
// value is the single source for both directions.
template <typename Enum, size_t N>
std::string_view NameOf(Enum value,
                        const std::array<std::string_view, N>& names) {
  const auto index = static_cast<std::underlying_type_t<Enum>>(value);
  if (index < 0 || static_cast<size_t>(index) >= N) return kInvalidEnumName;
  return names[static_cast<size_t>(index)];
}

template <typename Enum, size_t N>
std::optional<Enum> ValueOf(std::string_view name,
                            const std::array<std::string_view, N>& names) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

constexpr std::array<std::string_view, 3> kDialModeNames = {"power", "parallel",
                                                            "predictive"};
constexpr std::array<std::string_view, 7> kAgentStateNames = {
    "logged_out", "ready", "preview", "dialing", "on_call", "wrap_up", "break"};
constexpr std::array<std::string_view, 8> kCallStateNames = {
    "dialing",   "ringing", "answered",   "connecting",
    "connected", "machine", "abandoning", "ended"};
constexpr std::array<std::string_view, 7> kAmdResultNames = {
    "human",
    "machine_start",
    "machine_end_beep",
    "machine_end_silence",
    "machine_end_other",
    "fax",
    "unknown"};
constexpr std::array<std::string_view, 5> kCallEndStatusNames = {
    "completed", "busy", "no_answer", "failed", "canceled"};
constexpr std::array<std::string_view, 3> kAmdModeNames = {
    "off", "detect", "detect_message_end"};
constexpr std::array<std::string_view, 5> kParticipantRoleNames = {
    "agent", "listen", "whisper", "barge", "takeover"};
constexpr std::array<std::string_view, 7> kProviderEventTypeNames = {
    "ringing",   "answered", "amd",          "bridged",
    "completed", "failed",   "playback_done"};
constexpr std::array<std::string_view, 2> kWrapUpModeNames = {"auto", "manual"};
constexpr std::array<std::string_view, 3> kAlertSeverityNames = {
    "info", "warning", "critical"};
constexpr std::array<std::string_view, 4> kLogLevelNames = {"debug", "info",
                                                            "warning", "error"};

// A new enumerator must get a name: these fail to compile otherwise.
static_assert(static_cast<size_t>(DialMode::kPredictive) + 1 ==
              kDialModeNames.size());
static_assert(static_cast<size_t>(AgentState::kBreak) + 1 ==
              kAgentStateNames.size());
static_assert(static_cast<size_t>(CallState::kEnded) + 1 ==
              kCallStateNames.size());
static_assert(static_cast<size_t>(AmdResult::kUnknown) + 1 ==
              kAmdResultNames.size());
static_assert(static_cast<size_t>(CallEndStatus::kCanceled) + 1 ==
              kCallEndStatusNames.size());
static_assert(static_cast<size_t>(AmdMode::kDetectMessageEnd) + 1 ==
              kAmdModeNames.size());
static_assert(static_cast<size_t>(ParticipantRole::kTakeover) + 1 ==
              kParticipantRoleNames.size());
static_assert(static_cast<size_t>(ProviderEventType::kPlaybackDone) + 1 ==
              kProviderEventTypeNames.size());
static_assert(static_cast<size_t>(WrapUpConfig::Mode::kManual) + 1 ==
              kWrapUpModeNames.size());
static_assert(static_cast<size_t>(AlertSeverity::kCritical) + 1 ==
              kAlertSeverityNames.size());
static_assert(static_cast<size_t>(LogLevel::kError) + 1 ==
              kLogLevelNames.size());

}  // namespace

std::optional<DialMode> ParseDialMode(std::string_view name) {
  return ValueOf<DialMode>(name, kDialModeNames);
}
std::optional<AgentState> ParseAgentState(std::string_view name) {
  return ValueOf<AgentState>(name, kAgentStateNames);
}
std::optional<CallState> ParseCallState(std::string_view name) {
  return ValueOf<CallState>(name, kCallStateNames);
}
std::optional<AmdResult> ParseAmdResult(std::string_view name) {
  return ValueOf<AmdResult>(name, kAmdResultNames);
}
std::optional<CallEndStatus> ParseCallEndStatus(std::string_view name) {
  return ValueOf<CallEndStatus>(name, kCallEndStatusNames);
}
std::optional<AmdMode> ParseAmdMode(std::string_view name) {
  return ValueOf<AmdMode>(name, kAmdModeNames);
}
std::optional<ParticipantRole> ParseParticipantRole(std::string_view name) {
  return ValueOf<ParticipantRole>(name, kParticipantRoleNames);
}
std::optional<ProviderEventType> ParseProviderEventType(std::string_view name) {
  return ValueOf<ProviderEventType>(name, kProviderEventTypeNames);
}

std::string_view WrapUpModeName(WrapUpConfig::Mode mode) {
  return NameOf(mode, kWrapUpModeNames);
}
std::optional<WrapUpConfig::Mode> ParseWrapUpMode(std::string_view name) {
  return ValueOf<WrapUpConfig::Mode>(name, kWrapUpModeNames);
}

std::string_view AlertSeverityName(AlertSeverity severity) {
  return NameOf(severity, kAlertSeverityNames);
}
std::optional<AlertSeverity> ParseAlertSeverity(std::string_view name) {
  return ValueOf<AlertSeverity>(name, kAlertSeverityNames);
}

std::string_view LogLevelName(LogLevel level) {
  return NameOf(level, kLogLevelNames);
}
std::optional<LogLevel> ParseLogLevel(std::string_view name) {
  return ValueOf<LogLevel>(name, kLogLevelNames);
}

}  // namespace core

inline namespace v1 {

std::string_view ToString(DialMode mode) {
  return core::NameOf(mode, core::kDialModeNames);
}
std::string_view ToString(AgentState state) {
  return core::NameOf(state, core::kAgentStateNames);
}
std::string_view ToString(CallState state) {
  return core::NameOf(state, core::kCallStateNames);
}
std::string_view ToString(AmdResult result) {
  return core::NameOf(result, core::kAmdResultNames);
}
std::string_view ToString(CallEndStatus status) {
  return core::NameOf(status, core::kCallEndStatusNames);
}
std::string_view ToString(AmdMode mode) {
  return core::NameOf(mode, core::kAmdModeNames);
}
std::string_view ToString(ParticipantRole role) {
  return core::NameOf(role, core::kParticipantRoleNames);
}
std::string_view ToString(ProviderEventType type) {
  return core::NameOf(type, core::kProviderEventTypeNames);
}

}  // namespace v1
}  // namespace dialer
