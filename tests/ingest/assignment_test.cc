#include "ingest/assignment.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::ingest {
namespace {

using ::testing::HasSubstr;

Contact Make(std::string state, std::string phone) {
  Contact c;
  c.state = std::move(state);
  c.phone = std::move(phone);
  return c;
}

TEST(AssignmentTest, RoundRobinOverThePool) {
  absl::StatusOr<Assigner> a = Assigner::Create({.fallback_agents = {"ann", "bob"}});
  ASSERT_TRUE(a.ok());
  std::vector<std::string> got;
  for (int i = 0; i < 5; ++i) {
    Contact c;
    a->Assign(&c);
    got.push_back(c.assigned_agent);
  }
  EXPECT_THAT(got, ::testing::ElementsAre("ann", "bob", "ann", "bob", "ann"));
}

TEST(AssignmentTest, TerritoryRulesFirstMatchWinsThenFallback) {
  absl::StatusOr<AssignmentOptions> options = ParseAssignmentJson(R"({
    "rules": [
      {"field": "state", "values": ["ny", "NJ"], "agents": ["east1", "east2"]},
      {"field": "area_code", "values": ["415"], "team": "bay"},
      {"field": "industry", "values": ["fin*"], "agents": ["fiona"]}
    ],
    "agents": ["pool"]})");
  ASSERT_TRUE(options.ok()) << options.status();
  absl::StatusOr<Assigner> a = Assigner::Create(*options);
  ASSERT_TRUE(a.ok()) << a.status();

  Contact ny1 = Make("NY", "+12125552368"), nj = Make("NJ", "+12015552368");
  a->Assign(&ny1);
  a->Assign(&nj);
  EXPECT_EQ(ny1.assigned_agent, "east1");
  EXPECT_EQ(nj.assigned_agent, "east2");

  Contact sf = Make("CA", "+14155552368");
  a->Assign(&sf);
  EXPECT_EQ(sf.assigned_agent, "");
  EXPECT_EQ(sf.fields["team"], "bay");

  Contact fin = Make("TX", "+15125552368");
  fin.fields["industry"] = "Financial services";
  a->Assign(&fin);
  EXPECT_EQ(fin.assigned_agent, "fiona");

  Contact other = Make("", "+15125552368");
  a->Assign(&other);
  EXPECT_EQ(other.assigned_agent, "pool");
}

TEST(AssignmentTest, NoPoolLeavesUnassigned) {
  absl::StatusOr<Assigner> a = Assigner::Create({});
  ASSERT_TRUE(a.ok());
  Contact c;
  a->Assign(&c);
  EXPECT_EQ(c.assigned_agent, "");
}

TEST(AssignmentTest, BadRulesAreRefusedNamingTheRule) {
  AssignmentOptions both;
  both.rules.push_back({"state", {"NY"}, {"a"}, "team"});
  EXPECT_THAT(Assigner::Create(both).status().message(),
              HasSubstr("rule 1 (field 'state') needs exactly one of agents or team"));
  AssignmentOptions no_values;
  no_values.rules.push_back({"state", {}, {"a"}, ""});
  EXPECT_THAT(Assigner::Create(no_values).status().message(), HasSubstr("no values"));
  EXPECT_FALSE(ParseAssignmentJson(R"({"rules": 3})").ok());
  EXPECT_FALSE(ParseAssignmentJson(R"({"agents": [1]})").ok());
}

}  // namespace
}  // namespace dialer::ingest
