// Field failures #6 and #17: the same person called twice (duplicate or late
// provider events, concurrent agents, duplicate imports, a second path
// re-adding the person) and several reps on one list calling the same
// prospect. Driven through the public engine.
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/field_failures/harness.h"

namespace dialer::field {
namespace {

class DoubleDialTest : public ::testing::Test {
 protected:
  DoubleDialTest() : rig_(TuesdayTenNewYork()) {}

  // How many times each number was dialled.
  std::map<std::string, int> DialsPerNumber() {
    std::map<std::string, int> out;
    for (const DialRequest& r : rig_.Dials()) out[r.to]++;
    return out;
  }

  Rig rig_;
};

// #6: a provider (a webhook retried by Twilio, a replayed queue) reports the
// end of a call twice, from several threads, then late and contradictory
// events. The attempt is closed once and the person is retried once, by
// the rules (no answer: 4 h), not at once and not twice.
TEST_F(DoubleDialTest, DuplicateAndLateProviderEventsNeverRedialEarly) {
  rig_.Start();
  rig_.Add({Person("+12127340001", "America/New_York")});
  rig_.LoginReady("alice");
  const CallId call = rig_.provider().LastPlaced();
  ProviderEvent done;
  done.type = E::kCompleted;
  done.call_id = call;
  done.status = CallEndStatus::kNoAnswer;
  std::vector<std::thread> webhooks;
  for (int i = 0; i < 4; ++i) {
    webhooks.emplace_back([&] {
      for (int k = 0; k < 25; ++k) {
        EXPECT_TRUE(rig_.engine().HandleProviderEvent(done).ok());
      }
    });
  }
  for (std::thread& t : webhooks) t.join();
  ProviderEvent failed;
  failed.type = E::kFailed;
  failed.call_id = call;
  EXPECT_TRUE(rig_.engine().HandleProviderEvent(failed).ok());  // stale
  ProviderEvent answered;
  answered.type = E::kAnswered;
  answered.call_id = call;
  EXPECT_FALSE(rig_.engine().HandleProviderEvent(answered).ok());
  EXPECT_EQ(rig_.store().Snapshot().attempts_ended.size(), 1u);
  EXPECT_EQ(rig_.store().Snapshot().dispositions.size(), 1u);
  rig_.clock().Advance(absl::Hours(4) - absl::Seconds(1));
  EXPECT_EQ(rig_.Dials().size(), 1u);
  rig_.clock().Advance(absl::Seconds(2));
  EXPECT_EQ(rig_.Dials().size(), 2u);
}

// #6 / #17: many agents press Ready at the same moment from their own
// threads (clairvoyance#668: concurrent workers, 51 calls to one customer).
// Each person is on at most one line; nobody is dialled twice while a call
// to them is still going.
TEST_F(DoubleDialTest, ConcurrentAgentsNeverDialOnePersonTwice) {
  rig_.Start();
  rig_.Add({Person("+12127340001", "America/New_York"),
            Person("+12127340002", "America/New_York"),
            Person("+12127340003", "America/New_York")});
  std::vector<std::thread> agents;
  for (int i = 0; i < 8; ++i) {
    agents.emplace_back([this, i] {
      const std::string agent = absl::StrCat("agent", i);
      EXPECT_TRUE(rig_.engine().Login(agent, "c1").ok());
      EXPECT_TRUE(rig_.engine().Ready(agent).ok());
    });
  }
  for (std::thread& t : agents) t.join();
  rig_.clock().Advance(absl::Minutes(1));  // calls still ringing
  std::map<std::string, int> per = DialsPerNumber();
  EXPECT_EQ(per.size(), 3u);
  for (const auto& [number, n] : per) EXPECT_EQ(n, 1) << number;
}

// #6: the same list uploaded twice, and the same person in another format
// or under another email: one contact, one dial.
TEST_F(DoubleDialTest, DuplicateImportsAddThePersonOnce) {
  rig_.Start();
  const std::string csv =
      "Name,Phone,Email\n"
      "Ann Lee,(212) 734-0001,ann@example.com\n"
      "Ann Lee,+1 212 734 0001,\n"
      "Bo Ray,212.734.0002,bo@example.com\n";
  for (int upload = 0; upload < 2; ++upload) {
    std::istringstream in(csv);
    auto report = rig_.engine().ImportContacts("c1", in, ImportOptions{});
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_EQ(report->accepted, upload == 0 ? 2 : 0);
  }
  ImportRecord same_email = {{"Phone", "646-734-0009"},
                             {"Email", "ANN@example.com"}};
  auto api = rig_.engine().ImportRecords("c1", {same_email}, ImportOptions{});
  ASSERT_TRUE(api.ok()) << api.status();
  EXPECT_EQ(api->accepted, 0);
  rig_.LoginReady("alice");
  rig_.LoginReady("bob");
  rig_.LoginReady("carol");
  rig_.clock().Advance(absl::Minutes(1));
  std::map<std::string, int> per = DialsPerNumber();
  EXPECT_EQ(per.size(), 2u);
  EXPECT_EQ(per["+12127340001"], 1);
  EXPECT_EQ(per["+12127340002"], 1);
}

// #6: Vacademy's campaign call at 10:00 and workflow retry at 10:02. A host
// that hands the person in again through the import path two minutes after
// a no-answer gets a duplicate, not a second call.
TEST_F(DoubleDialTest, SecondPathAddingThePersonAgainDoesNotRedialThem) {
  rig_.Start();
  ImportRecord ann = {{"Name", "Ann Lee"}, {"Phone", "212-734-0001"}};
  ASSERT_TRUE(rig_.engine().ImportRecords("c1", {ann}, ImportOptions{}).ok());
  rig_.LoginReady("alice");
  ASSERT_EQ(rig_.Dials().size(), 1u);
  rig_.RingOut(rig_.provider().LastPlaced());
  rig_.clock().Advance(absl::Minutes(2));
  auto again = rig_.engine().ImportRecords("c1", {ann}, ImportOptions{});
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->duplicates_existing, 1);
  rig_.clock().Advance(absl::Hours(1));
  EXPECT_EQ(rig_.Dials().size(), 1u);
}

// #6: AddContacts trusts its input (documented), so a host can hand the
// engine one number on two contacts. Even then the person must not ring on
// two lines at once.
//
// Was DISABLED while the in-flight guard was per contact id. Now a number
// with a call in flight (any campaign) is not dialled again, nor within
// retry.min_delay of another contact's call to it.
TEST_F(DoubleDialTest, OneNumberOnTwoContactsIsNeverOnTwoLines) {
  rig_.Start();
  rig_.Add({Person("+12127340001", "America/New_York")});
  rig_.Add({Person("+12127340001", "America/New_York")});  // from a CRM sync
  rig_.LoginReady("alice");
  rig_.LoginReady("bob");
  rig_.clock().Advance(absl::Seconds(10));
  EXPECT_EQ(DialsPerNumber()["+12127340001"], 1);
}

// #6 and #7: the per-24 h caps count calls to the number, whichever of its
// contacts dialled it, and another contact waits retry.min_delay after a
// call to the number. A campaign cap of 2 a day: the two contacts of one
// number get two calls between them, at least an hour apart, not four.
TEST_F(DoubleDialTest, OneNumberOnTwoContactsSharesTheDailyCap) {
  CampaignConfig c;
  c.retry.max_attempts_per_day = 2;
  c.retry.min_delay = absl::Hours(1);
  c.retry.by_disposition["no_answer"] = absl::Hours(1);
  rig_.Start(c);
  rig_.provider().on_place = [this](const DialRequest& r) {
    rig_.provider().Send(E::kCompleted, r.call_id, CallEndStatus::kNoAnswer);
  };
  rig_.Add({Person("+12127340001", "America/New_York")});
  rig_.Add({Person("+12127340001", "America/New_York")});  // a CRM sync
  rig_.LoginReady("alice");
  rig_.LoginReady("bob");
  rig_.clock().Advance(absl::Hours(8));
  EXPECT_EQ(DialsPerNumber()["+12127340001"], 2);
  std::vector<absl::Time> at = rig_.DialTimes();
  ASSERT_EQ(at.size(), 2u);
  EXPECT_GE(at[1] - at[0], absl::Hours(1));
}

// #17: several reps on one list. A contact reserved for bob is never dialled
// for alice, even when alice has nothing else to do; bob gets it.
TEST_F(DoubleDialTest, ReservedProspectIsOnlyDialledForItsRep) {
  rig_.Start();
  Contact reserved = Person("+12127340001", "America/New_York");
  reserved.assigned_agent = "bob";
  rig_.Add({reserved});
  rig_.LoginReady("alice");
  rig_.clock().Advance(absl::Minutes(10));
  EXPECT_TRUE(rig_.Dials().empty());
  rig_.LoginReady("bob");
  ASSERT_EQ(rig_.Dials().size(), 1u);
  EXPECT_EQ(rig_.Dials()[0].conference, "agent:bob");
}

// #17: mod_callcenter's ring-all rang one user twice; here each ready agent
// has one call and each call one agent, however many agents share a list.
TEST_F(DoubleDialTest, EveryAgentHasOneCallAndEveryCallOneAgent) {
  rig_.Start();
  rig_.Add(NewYorkers(30));
  for (int i = 0; i < 5; ++i) rig_.LoginReady(absl::StrCat("agent", i));
  // Every call ends at once, busy; the agents move on.
  rig_.provider().on_place = [this](const DialRequest& r) {
    rig_.provider().Send(E::kCompleted, r.call_id, CallEndStatus::kBusy);
  };
  for (const DialRequest& r : rig_.Dials()) {
    rig_.provider().Send(E::kCompleted, r.call_id, CallEndStatus::kBusy);
  }
  rig_.clock().Advance(absl::Minutes(5));
  std::set<std::string> conferences;
  std::map<std::string, int> per = DialsPerNumber();
  EXPECT_EQ(per.size(), 30u);
  for (const auto& [number, n] : per) EXPECT_EQ(n, 1) << number;
  for (const DialRequest& r : rig_.Dials()) conferences.insert(r.conference);
  EXPECT_EQ(conferences.size(), 5u);
}

}  // namespace
}  // namespace dialer::field
