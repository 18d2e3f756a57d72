#include "capi/json_codec.h"

#include <string>

#include <boost/json.hpp>

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
  c.custom_dispositions.push_back(
      {"demo_booked", "Demo booked", true, absl::ZeroDuration(), {"date"}});
  const std::string text = Serialize(CampaignToJson(c));
  auto back = CampaignFromJson(*ParseJson(text, "t"), "$");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(Serialize(CampaignToJson(*back)), text);
  EXPECT_EQ(back->auto_advance_delay, absl::Milliseconds(1500));
  EXPECT_EQ(back->custom_dispositions.at(0).required_fields.at(0), "date");
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
