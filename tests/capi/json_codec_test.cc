#include "capi/json_codec.h"

#include <string>

#include <boost/json.hpp>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::capi {
namespace {

using ::testing::HasSubstr;

TEST(JsonCodecTest, CampaignRoundTrips) {
  CampaignConfig c;
  c.id = "q3";
  c.name = "Q3 outbound";
  c.mode = DialMode::kParallel;
  c.lines_per_agent = 3;
  c.auto_advance_delay = absl::Milliseconds(1500);
  c.caller_ids = {"+12125550100", "+13125550100"};
  c.wrap_up.mode = WrapUpConfig::Mode::kManual;
  c.retry.schedule = {absl::Hours(1), absl::Hours(3)};
  c.retry.by_disposition["busy"] = absl::Minutes(10);
  c.pacer = "baseline-adaptive";
  c.detector_false_positive_rate = 0.02;
  c.connect_on_pickup = false;
  c.time_zone = "America/Los_Angeles";
  c.callback_owner_grace = absl::ZeroDuration();
  c.agent_idle_alert_after = absl::Seconds(90);
  c.general_cap = {7, absl::Hours(24 * 7), absl::Hours(24 * 7)};
  c.custom_dispositions.push_back(
      {"demo_booked", "Demo booked", true, absl::ZeroDuration(), {"date"}});
  const std::string text = Serialize(CampaignToJson(c));
  auto back = CampaignFromJson(*ParseJson(text, "t"), "$");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(Serialize(CampaignToJson(*back)), text);
  EXPECT_EQ(back->auto_advance_delay, absl::Milliseconds(1500));
  EXPECT_EQ(back->custom_dispositions.at(0).required_fields.at(0), "date");
  EXPECT_EQ(back->pacer, "baseline-adaptive");
  EXPECT_FALSE(back->connect_on_pickup);
  EXPECT_EQ(back->callback_owner_grace, absl::ZeroDuration());
  EXPECT_EQ(back->general_cap.cool_off_after_conversation, absl::Hours(24 * 7));
}

TEST(JsonCodecTest, CampaignCarriesEveryConfigField) {
  auto c = CampaignFromJson(
      *ParseJson(R"({"id": "q3", "mode": "predictive",
                     "pacer": "baseline-ratio",
                     "detector_false_positive_rate": 0.04,
                     "connect_on_pickup": false,
                     "time_zone": "America/Chicago",
                     "callback_owner_grace_s": 900,
                     "agent_idle_alert_after_s": 120.5,
                     "general_cap": {"count": 7, "window_s": 604800,
                                     "cool_off_after_conversation_s": 604800}})",
                 "t"),
      "$");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->pacer, "baseline-ratio");
  EXPECT_DOUBLE_EQ(c->detector_false_positive_rate, 0.04);
  EXPECT_FALSE(c->connect_on_pickup);
  EXPECT_EQ(c->time_zone, "America/Chicago");
  EXPECT_EQ(c->callback_owner_grace, absl::Minutes(15));
  EXPECT_EQ(c->agent_idle_alert_after, absl::Milliseconds(120500));
  EXPECT_EQ(c->general_cap.count, 7);
  EXPECT_EQ(c->general_cap.window, absl::Hours(24 * 7));
  EXPECT_EQ(c->general_cap.cool_off_after_conversation, absl::Hours(24 * 7));
  EXPECT_TRUE(c->Validate().ok()) << c->Validate();

  // Encoded back, the same document.
  auto back = CampaignFromJson(CampaignToJson(*c), "$");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(Serialize(CampaignToJson(*back)), Serialize(CampaignToJson(*c)));
  EXPECT_EQ(back->general_cap.count, 7);
  EXPECT_EQ(back->time_zone, "America/Chicago");

  // Omitted keys keep the C++ defaults.
  auto defaults = CampaignFromJson(*ParseJson(R"({"id": "d"})", "t"), "$");
  ASSERT_TRUE(defaults.ok()) << defaults.status();
  const CampaignConfig cpp;
  EXPECT_EQ(defaults->pacer, cpp.pacer);
  EXPECT_EQ(defaults->connect_on_pickup, cpp.connect_on_pickup);
  EXPECT_EQ(defaults->time_zone, cpp.time_zone);
  EXPECT_EQ(defaults->callback_owner_grace, cpp.callback_owner_grace);
  EXPECT_EQ(defaults->agent_idle_alert_after, cpp.agent_idle_alert_after);
  EXPECT_EQ(defaults->general_cap.count, cpp.general_cap.count);
  EXPECT_EQ(defaults->general_cap.window, cpp.general_cap.window);
}

TEST(JsonCodecTest, CallbackOwnerGraceNullIsOwnerOnly) {
  auto c = CampaignFromJson(
      *ParseJson(R"({"id": "q3", "callback_owner_grace_s": null})", "t"), "$");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->callback_owner_grace, absl::InfiniteDuration());
  EXPECT_THAT(Serialize(CampaignToJson(*c)),
              HasSubstr(R"("callback_owner_grace_s":null)"));
  auto back = CampaignFromJson(CampaignToJson(*c), "$");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->callback_owner_grace, absl::InfiniteDuration());

  // An infinite idle alert is "never", as 0 is.
  CampaignConfig idle;
  idle.id = "i";
  idle.agent_idle_alert_after = absl::InfiniteDuration();
  EXPECT_THAT(Serialize(CampaignToJson(idle)),
              HasSubstr(R"("agent_idle_alert_after_s":0)"));
}

// Each campaign JSON alone in an engine config is rejected with a message
// holding `message` (the JSON path and what was expected).
struct RejectedCampaign {
  const char* json;
  const char* message;
};

template <size_t N>
void ExpectEachCampaignRejected(const RejectedCampaign (&cases)[N]) {
  for (const RejectedCampaign& c : cases) {
    auto config =
        EngineConfigFromJson(absl::StrCat(R"({"campaigns": [)", c.json, "]}"));
    EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument)
        << c.json;
    EXPECT_THAT(config.status().message(), HasSubstr(c.message)) << c.json;
  }
}

TEST(JsonCodecTest, NewCampaignFieldsRejectWrongTypesNamingThePath) {
  const RejectedCampaign cases[] = {
      {R"({"id": "a", "pacer": 1})", "$.campaigns[0].pacer: expected a string"},
      {R"({"id": "a", "detector_false_positive_rate": "low"})",
       "$.campaigns[0].detector_false_positive_rate: expected a number"},
      {R"({"id": "a", "connect_on_pickup": 1})",
       "$.campaigns[0].connect_on_pickup: expected true or false"},
      {R"({"id": "a", "time_zone": ["UTC"]})",
       "$.campaigns[0].time_zone: expected a string"},
      {R"({"id": "a", "callback_owner_grace_s": "forever"})",
       "$.campaigns[0].callback_owner_grace_s: expected a number"},
      {R"({"id": "a", "callback_owner_grace_s": -1})",
       "$.campaigns[0].callback_owner_grace_s: expected seconds >= 0"},
      {R"({"id": "a", "agent_idle_alert_after_s": true})",
       "$.campaigns[0].agent_idle_alert_after_s: expected a number"},
      {R"({"id": "a", "agent_idle_alert_after_s": 1e300})",
       "$.campaigns[0].agent_idle_alert_after_s: expected seconds >= 0"},
      {R"({"id": "a", "general_cap": 7})",
       "$.campaigns[0].general_cap: expected an object"},
      {R"({"id": "a", "general_cap": {"count": 7.5}})",
       "$.campaigns[0].general_cap.count: expected an integer"},
      {R"({"id": "a", "general_cap": {"window_s": "7d"}})",
       "$.campaigns[0].general_cap.window_s: expected a number"},
      {R"({"id": "a", "general_cap": {"cool_off_after_conversation_s": -5}})",
       "$.campaigns[0].general_cap.cool_off_after_conversation_s: expected "
       "seconds >= 0"},
      {R"({"id": "a", "general_cap": {"count": 7, "window": 604800}})",
       "$.campaigns[0].general_cap.window: unknown key"},
  };
  ExpectEachCampaignRejected(cases);
}

// The retry lists read their seconds like every other duration: a value
// past int64 microseconds would overflow the conversion, not be rejected.
TEST(JsonCodecTest, RetryDurationListsRejectOutOfRangeSeconds) {
  const RejectedCampaign cases[] = {
      {R"({"id": "a", "retry": {"by_disposition_s": {"busy": 1e300}}})",
       "$.campaigns[0].retry.by_disposition_s.busy: expected seconds >= 0"},
      {R"({"id": "a", "retry": {"by_disposition_s": {"busy": -1}}})",
       "$.campaigns[0].retry.by_disposition_s.busy: expected seconds >= 0"},
      {R"({"id": "a", "retry": {"by_disposition_s": {"busy": "1h"}}})",
       "$.campaigns[0].retry.by_disposition_s.busy: expected a number"},
      {R"({"id": "a", "retry": {"schedule_s": [60, 1e19]}})",
       "$.campaigns[0].retry.schedule_s[1]: expected seconds >= 0"},
      {R"({"id": "a", "retry": {"schedule_s": [60, null]}})",
       "$.campaigns[0].retry.schedule_s[1]: expected a number"},
  };
  ExpectEachCampaignRejected(cases);
}

TEST(JsonCodecTest, ContactRoundTrips) {
  Contact c;
  c.id = 7;
  c.first_name = "Ada";
  c.phone = "+12125550123";
  c.alternate_phones = {"+12125550124"};
  c.hot = true;
  c.fields = {{"industry", "fintech"}};
  const std::string text = Serialize(ContactToJson(c));
  auto back = ContactFromJson(*ParseJson(text, "t"), "$");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(Serialize(ContactToJson(*back)), text);
}

TEST(JsonCodecTest, WriteBatchRoundTripsEveryOp) {
  const absl::Time t = absl::FromUnixMicros(1773158400000001);
  WriteBatch b;
  b.Add(AttemptStarted{1, 2, "q3", "alice", "+12125550123", "+12125550100", t});
  AttemptEnded ended;
  ended.call_id = 1;
  ended.status = CallEndStatus::kBusy;
  ended.amd = AmdResult::kMachineEndBeep;
  ended.talk = absl::Seconds(61);
  ended.at = t;
  b.Add(ended);
  DispositionRecord d;
  d.code = "callback";
  d.fields = {{"k", "v"}};
  d.callback_at = t + absl::Hours(1);
  d.at = t;
  b.Add(d);
  b.Add(NoteRecord{2, 1, "alice", "note", t});
  b.Add(DncEntry{"+12125550199", "api", t});
  b.Add(AuditRecord{t, "q3", 2, "+12125550123", "outside_window", "{}"});
  const std::string text = Serialize(WriteBatchToJson(b));
  auto back = WriteBatchFromJson(text);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(Serialize(WriteBatchToJson(*back)), text);
  EXPECT_EQ(std::get<AttemptEnded>(back->ops[1]).amd, AmdResult::kMachineEndBeep);
}

TEST(JsonCodecTest, EngineConfigRoundTrips) {
  EngineConfig config;
  config.options.stuck_call_timeout = absl::Hours(2);
  config.campaigns.emplace_back().id = "a";
  const std::string text = Serialize(EngineConfigToJson(config));
  auto back = EngineConfigFromJson(text);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(Serialize(EngineConfigToJson(*back)), text);
}

TEST(JsonCodecTest, DispositionRoundTrips) {
  DispositionInput d;
  d.code = "callback";
  d.notes = "call Tuesday";
  d.fields = {{"a", "b"}};
  d.callback_at = absl::FromUnixMicros(5);
  const std::string text = Serialize(DispositionToJson(d));
  auto back = DispositionFromJson(text);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(Serialize(DispositionToJson(*back)), text);
}

TEST(JsonCodecTest, ErrorsNameTheJsonPath) {
  auto unknown = EngineConfigFromJson(R"({"campaigns": [{"id": "a", "colour": 1}]})");
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(unknown.status().message(), HasSubstr("$.campaigns[0].colour: unknown key"));

  auto mode = EngineConfigFromJson(R"({"campaigns": [{"id": "a", "mode": "turbo"}]})");
  EXPECT_THAT(mode.status().message(),
              HasSubstr("$.campaigns[0].mode: expected one of power|parallel|predictive"));

  auto type = WriteBatchFromJson(R"({"ops": [{"op": "note", "call_id": "x"}]})");
  EXPECT_THAT(type.status().message(), HasSubstr("$.ops[0].call_id: expected an integer"));

  auto syntax = EngineConfigFromJson("{\n  \"engine\": ,\n}");
  EXPECT_THAT(syntax.status().message(), HasSubstr("line 2"));

  auto negative = EngineConfigFromJson(R"({"engine": {"stuck_call_timeout_s": -1}})");
  EXPECT_THAT(negative.status().message(), HasSubstr("$.engine.stuck_call_timeout_s"));
}

TEST(JsonCodecTest, EventsCarryTypeAndTime) {
  CallEvent e;
  e.call_id = 3;
  e.state = CallState::kConnected;
  e.at = absl::FromUnixMicros(42);
  EXPECT_EQ(Serialize(CallEventToJson(e)),
            R"({"type":"call","call_id":3,"campaign_id":"","contact_id":0,)"
            R"("agent_id":"","phone":"","state":"connected","detail":"","at_us":42})");
  EXPECT_EQ(Serialize(LogToJson(LogLevel::kWarning, "x")),
            R"({"type":"log","level":"warning","message":"x"})");
}

TEST(JsonCodecTest, ImportOptionsAreChecked) {
  auto ok = ImportOptionsFromJson(
      R"({"duplicates": "merge", "delimiter": ";",
          "mapping": {"Mobile": "phone", "Notes": "custom:memo", "Fax": "ignore"},
          "assignment": {"rules": [{"field": "state", "values": ["NY"],
                                    "agents": ["ann"]}],
                         "agents": ["bob"]}})");
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->delimiter, ';');
  EXPECT_EQ(ok->duplicates, ImportOptions::Duplicates::kMerge);
  EXPECT_THAT(ok->column_mapping,
              ::testing::UnorderedElementsAre(
                  std::pair<std::string, std::string>("Mobile", "phone"),
                  std::pair<std::string, std::string>("Notes", "custom:memo"),
                  std::pair<std::string, std::string>("Fax", "ignore")));
  ASSERT_EQ(ok->territory_rules.size(), 1u);
  EXPECT_EQ(ok->territory_rules[0].field, "state");
  EXPECT_THAT(ok->territory_rules[0].agents, ::testing::ElementsAre("ann"));
  EXPECT_THAT(ok->round_robin_agents, ::testing::ElementsAre("bob"));
  auto bad = ImportOptionsFromJson(R"({"duplicates": "keep"})");
  EXPECT_THAT(bad.status().message(), HasSubstr("$.duplicates"));
  auto bad_mapping = ImportOptionsFromJson(R"({"mapping": {"Mobile": "fax"}})");
  EXPECT_THAT(bad_mapping.status().message(), HasSubstr("$.mapping"));
}

TEST(JsonCodecTest, ImportReportKeepsTheAbiShape) {
  ImportReport r;
  r.rows = 2;
  r.accepted = 1;
  r.rejected = 1;
  r.stages = {2, 1, 1, 1};
  r.bytes = 40;
  r.encoding = "utf-8";
  r.issues.push_back({3, "Phone", "rejected", "invalid_phone", "x", "bad"});
  r.contact_ids = {7};
  EXPECT_EQ(Serialize(ImportReportToJson(r)),
            R"({"counts":{"rows":2,"parsed":2,"validated":1,"unique":1,"dnc_clear":1,)"
            R"("accepted":1,"rejected":1,"duplicates":0,"duplicates_in_file":0,)"
            R"("duplicates_existing":0,"merged":0,"dnc":0,"warnings":0,"blank_lines":0},)"
            R"("encoding":"utf-8","bytes":40,"issues":[{"line":3,"column":"Phone",)"
            R"("outcome":"rejected","reason":"invalid_phone","value":"x","detail":"bad"}],)"
            R"("contact_ids":[7]})");
}

}  // namespace
}  // namespace dialer::capi
