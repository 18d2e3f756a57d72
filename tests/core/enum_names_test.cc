#include "core/enum_names.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "dialer/types.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::core {
namespace {

// Walks every value 0..last of an enum: each name is snake_case, unique, and
// parses back to the same value; the value past the end is "invalid".
template <typename Enum, typename ToName, typename Parse>
void ExpectRoundTrip(Enum last, ToName to_name, Parse parse) {
  std::set<std::string_view> names;
  const int n = static_cast<int>(last) + 1;
  for (int i = 0; i < n; ++i) {
    const Enum value = static_cast<Enum>(i);
    const std::string_view name = to_name(value);
    EXPECT_NE(name, kInvalidEnumName) << "value " << i;
    EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
    EXPECT_THAT(std::string(name), ::testing::MatchesRegex("[a-z_]+"));
    EXPECT_EQ(parse(name), std::optional<Enum>(value)) << name;
  }
  EXPECT_EQ(to_name(static_cast<Enum>(n)), kInvalidEnumName);
  EXPECT_EQ(to_name(static_cast<Enum>(-1)), kInvalidEnumName);
  EXPECT_EQ(parse(kInvalidEnumName), std::nullopt);
  EXPECT_EQ(parse(""), std::nullopt);
}

TEST(EnumNamesTest, EveryEnumRoundTrips) {
  auto name = [](auto v) { return ToString(v); };
  ExpectRoundTrip(DialMode::kPredictive, name, ParseDialMode);
  ExpectRoundTrip(AgentState::kBreak, name, ParseAgentState);
  ExpectRoundTrip(CallState::kEnded, name, ParseCallState);
  ExpectRoundTrip(AmdResult::kUnknown, name, ParseAmdResult);
  ExpectRoundTrip(CallEndStatus::kCanceled, name, ParseCallEndStatus);
  ExpectRoundTrip(AmdMode::kDetectMessageEnd, name, ParseAmdMode);
  ExpectRoundTrip(ParticipantRole::kTakeover, name, ParseParticipantRole);
  ExpectRoundTrip(ProviderEventType::kPlaybackDone, name,
                  ParseProviderEventType);
  ExpectRoundTrip(WrapUpConfig::Mode::kManual, WrapUpModeName, ParseWrapUpMode);
  ExpectRoundTrip(AlertSeverity::kCritical, AlertSeverityName,
                  ParseAlertSeverity);
  ExpectRoundTrip(LogLevel::kError, LogLevelName, ParseLogLevel);
}

// The names are a released interface (logs, JSON, C ABI): pin them.
TEST(EnumNamesTest, NamesAreStable) {
  EXPECT_EQ(ToString(DialMode::kPower), "power");
  EXPECT_EQ(ToString(DialMode::kParallel), "parallel");
  EXPECT_EQ(ToString(DialMode::kPredictive), "predictive");
  EXPECT_EQ(ToString(AgentState::kLoggedOut), "logged_out");
  EXPECT_EQ(ToString(AgentState::kOnCall), "on_call");
  EXPECT_EQ(ToString(AgentState::kWrapUp), "wrap_up");
  EXPECT_EQ(ToString(AgentState::kBreak), "break");
  EXPECT_EQ(ToString(CallState::kConnecting), "connecting");
  EXPECT_EQ(ToString(CallState::kAbandoning), "abandoning");
  EXPECT_EQ(ToString(CallState::kEnded), "ended");
  EXPECT_EQ(ToString(AmdResult::kHuman), "human");
  EXPECT_EQ(ToString(AmdResult::kMachineEndBeep), "machine_end_beep");
  EXPECT_EQ(ToString(AmdResult::kMachineEndSilence), "machine_end_silence");
  EXPECT_EQ(ToString(AmdResult::kMachineEndOther), "machine_end_other");
  EXPECT_EQ(ToString(AmdResult::kFax), "fax");
  EXPECT_EQ(ToString(CallEndStatus::kNoAnswer), "no_answer");
  EXPECT_EQ(ToString(CallEndStatus::kCanceled), "canceled");
  EXPECT_EQ(ToString(AmdMode::kDetectMessageEnd), "detect_message_end");
  EXPECT_EQ(ToString(ParticipantRole::kWhisper), "whisper");
  EXPECT_EQ(ToString(ProviderEventType::kAmd), "amd");
  EXPECT_EQ(ToString(ProviderEventType::kPlaybackDone), "playback_done");
  EXPECT_EQ(WrapUpModeName(WrapUpConfig::Mode::kAuto), "auto");
  EXPECT_EQ(AlertSeverityName(AlertSeverity::kWarning), "warning");
  EXPECT_EQ(LogLevelName(LogLevel::kDebug), "debug");
}

TEST(EnumNamesTest, ParsersAreExact) {
  EXPECT_EQ(ParseDialMode("Power"), std::nullopt);
  EXPECT_EQ(ParseDialMode(" power"), std::nullopt);
  EXPECT_EQ(ParseDialMode("power "), std::nullopt);
  EXPECT_EQ(ParseAgentState("logged-out"), std::nullopt);
  EXPECT_EQ(ParseAmdResult("machine"), std::nullopt);
  EXPECT_EQ(ParseCallEndStatus("no_answer"), CallEndStatus::kNoAnswer);
}

}  // namespace
}  // namespace dialer::core
