// Stable snake_case names of the API's enums and their parsers, for JSON
// configs, scenario files, the C ABI and logs.
//
// The public ToString() overloads (types.h, telephony.h) return these names;
// the parsers below are their exact inverses (case-sensitive, no trimming).
// Enums without a public ToString() (WrapUpConfig::Mode, AlertSeverity,
// LogLevel) get a *Name() function here instead.
//
// Every function is pure and thread-safe. A value outside the enum's range
// (an integer cast from the C ABI) is named "invalid"; no parser returns it.
#ifndef DIALER_SRC_CORE_ENUM_NAMES_H_
#define DIALER_SRC_CORE_ENUM_NAMES_H_

#include <optional>
#include <string_view>

#include "dialer/config.h"
#include "dialer/events.h"
#include "dialer/telephony.h"
#include "dialer/types.h"

namespace dialer::core {

// Returned for an enum value that has no name.
inline constexpr std::string_view kInvalidEnumName = "invalid";

// Returns std::nullopt for anything but an exact name.
std::optional<DialMode> ParseDialMode(std::string_view name);
std::optional<AgentState> ParseAgentState(std::string_view name);
std::optional<CallState> ParseCallState(std::string_view name);
std::optional<AmdResult> ParseAmdResult(std::string_view name);
std::optional<CallEndStatus> ParseCallEndStatus(std::string_view name);
std::optional<AmdMode> ParseAmdMode(std::string_view name);
std::optional<ParticipantRole> ParseParticipantRole(std::string_view name);
std::optional<ProviderEventType> ParseProviderEventType(std::string_view name);

// "auto", "manual".
std::string_view WrapUpModeName(WrapUpConfig::Mode mode);
std::optional<WrapUpConfig::Mode> ParseWrapUpMode(std::string_view name);

// "info", "warning", "critical".
std::string_view AlertSeverityName(AlertSeverity severity);
std::optional<AlertSeverity> ParseAlertSeverity(std::string_view name);

// "debug", "info", "warning", "error".
std::string_view LogLevelName(LogLevel level);
std::optional<LogLevel> ParseLogLevel(std::string_view name);

}  // namespace dialer::core

#endif  // DIALER_SRC_CORE_ENUM_NAMES_H_
