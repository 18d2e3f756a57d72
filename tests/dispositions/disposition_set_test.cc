#include "dispositions/disposition_set.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/disposition_codes.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::dispositions {
namespace {

using ::testing::HasSubstr;

const absl::Time kNow = absl::FromUnixSeconds(1773147600);

CampaignConfig CampaignWithCustom() {
  CampaignConfig c;
  c.id = "c";
  c.custom_dispositions.push_back(
      {"demo_scheduled", "Demo on the calendar", true, absl::ZeroDuration(),
       {"calendar_link"}});
  return c;
}

TEST(DispositionSetTest, StandardSetOfTheDomainBriefIsSelectable) {
  DispositionSet set(CampaignConfig{});
  for (const char* code :
       {"connected", "meeting_booked", "callback", "voicemail", "no_answer",
        "busy", "wrong_number", "gatekeeper", "not_interested", "dnc",
        "bad_data"}) {
    const Definition* d = set.Find(code);
    ASSERT_NE(d, nullptr) << code;
    EXPECT_TRUE(d->agent_selectable) << code;
  }
}

TEST(DispositionSetTest, AutomationFollowsTheBrief) {
  DispositionSet set(CampaignConfig{});
  EXPECT_EQ(set.Find("dnc")->automation, Automation::kDoNotCall);
  EXPECT_EQ(set.Find("callback")->automation, Automation::kCallback);
  EXPECT_EQ(set.Find("wrong_number")->automation, Automation::kTryAlternate);
  EXPECT_EQ(set.Find("bad_data")->automation, Automation::kTryAlternate);
  EXPECT_EQ(set.Find("not_interested")->automation, Automation::kTerminal);
  EXPECT_EQ(set.Find("busy")->automation, Automation::kRetry);
}

TEST(DispositionSetTest, SystemCodesAreNotAgentSelectable) {
  DispositionSet set(CampaignConfig{});
  DispositionInput in;
  in.code = "abandoned";
  auto r = set.Validate(in, kNow);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("'abandoned'"));
}

TEST(DispositionSetTest, UnknownCodeListsTheAcceptedOnes) {
  DispositionSet set(CampaignWithCustom());
  DispositionInput in;
  in.code = "sold";
  auto r = set.Validate(in, kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("demo_scheduled"));
  EXPECT_THAT(r.status().message(), HasSubstr("meeting_booked"));
}

TEST(DispositionSetTest, CallbackNeedsAFutureTime) {
  DispositionSet set(CampaignConfig{});
  DispositionInput in;
  in.code = "callback";
  EXPECT_THAT(set.Validate(in, kNow).status().message(),
              HasSubstr("requires callback_at"));
  in.callback_at = kNow - absl::Minutes(1);
  EXPECT_THAT(set.Validate(in, kNow).status().message(),
              HasSubstr("not in the future"));
  in.callback_at = kNow + absl::Hours(2);
  EXPECT_TRUE(set.Validate(in, kNow).ok());
}

TEST(DispositionSetTest, CustomRequiredFieldsAreEnforced) {
  DispositionSet set(CampaignWithCustom());
  DispositionInput in;
  in.code = "demo_scheduled";
  EXPECT_THAT(set.Validate(in, kNow).status().message(),
              HasSubstr("requires field 'calendar_link'"));
  in.fields["calendar_link"] = "https://cal.example/x";
  auto r = set.Validate(in, kNow);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->automation, Automation::kTerminal);
}

}  // namespace
}  // namespace dialer::dispositions

namespace dialer::dispositions {
namespace {

// core's config validation keeps custom codes off these names; the two
// lists must describe the same codes.
TEST(DispositionSetTest, DefinitionsMatchTheCodesConfigValidationReserves) {
  std::vector<std::string> defined;
  for (const Definition& d : StandardDefinitions()) {
    defined.push_back(d.code);
    EXPECT_EQ(d.agent_selectable, core::IsStandardDispositionCode(d.code))
        << d.code;
  }
  size_t reserved = core::kStandardDispositionCodes.size() +
                    core::kSystemDispositionCodes.size();
  // "skipped" is reserved for preview skips, which are not dispositions.
  EXPECT_EQ(defined.size() + 1, reserved);
  for (std::string_view code : core::kSystemDispositionCodes) {
    if (code == "skipped") continue;
    EXPECT_NE(std::find(defined.begin(), defined.end(), code), defined.end())
        << code;
  }
}

}  // namespace
}  // namespace dialer::dispositions
