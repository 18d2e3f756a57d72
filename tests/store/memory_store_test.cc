#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "dialer/store.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const absl::Time kT0 = absl::FromUnixSeconds(1773147600);

Contact Person(std::string phone, std::string external_id = "") {
  Contact c;
  c.phone = std::move(phone);
  c.external_id = std::move(external_id);
  return c;
}

AttemptStarted Started(CallId call, ContactId contact, absl::Time at) {
  AttemptStarted a;
  a.call_id = call;
  a.contact_id = contact;
  a.campaign_id = "c";
  a.phone = "+12125550100";
  a.at = at;
  return a;
}

AttemptEnded Ended(CallId call, ContactId contact) {
  AttemptEnded e;
  e.call_id = call;
  e.contact_id = contact;
  e.campaign_id = "c";
  e.status = CallEndStatus::kNoAnswer;
  e.at = kT0;
  return e;
}

DispositionRecord Disposed(CallId call, ContactId contact, std::string code) {
  DispositionRecord d;
  d.call_id = call;
  d.contact_id = contact;
  d.code = std::move(code);
  d.at = kT0;
  return d;
}

DncEntry Dnc(std::string phone, std::string source) {
  return DncEntry{std::move(phone), std::move(source), kT0};
}

std::vector<CallId> CallIds(const std::vector<AttemptStarted>& attempts) {
  std::vector<CallId> ids;
  for (const AttemptStarted& a : attempts) ids.push_back(a.call_id);
  return ids;
}

TEST(MemoryStoreTest, AssignsIdsFromOneUpward) {
  MemoryStore store;
  auto ids = store.AddContacts(
      {Person("+12125550100", "crm-1"), Person("+12125550101")});
  ASSERT_TRUE(ids.ok()) << ids.status();
  EXPECT_THAT(*ids, ElementsAre(1, 2));
  ids = store.AddContacts({Person("+12125550102")});
  ASSERT_TRUE(ids.ok());
  EXPECT_THAT(*ids, ElementsAre(3));
  auto c = store.GetContact(1);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->id, 1);
  EXPECT_EQ(c->external_id, "crm-1");
  EXPECT_EQ(store.GetContact(3)->phone, "+12125550102");
  EXPECT_TRUE(store.AddContacts({})->empty());
}

TEST(MemoryStoreTest, UnknownContactIsNotFound) {
  MemoryStore store;
  ASSERT_TRUE(store.AddContacts({Person("+12125550100")}).ok());
  for (ContactId id : {0, -1, 2, 99}) {
    const auto c = store.GetContact(id);
    EXPECT_EQ(c.status().code(), absl::StatusCode::kNotFound) << id;
    EXPECT_THAT(std::string(c.status().message()),
                HasSubstr(absl::StrCat("contact ", id)));
  }
  EXPECT_EQ(store.AttemptsSince(2, kT0).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(MemoryStoreTest, AddContactsIsAllOrNothing) {
  MemoryStore store;
  const auto bad = store.AddContacts(
      {Person("+12125550100"), Person("+12125550101"), Person("", "crm-7")});
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad.status().message()),
              HasSubstr("contact 2 ('crm-7'): phone is empty"));
  EXPECT_THAT(store.Snapshot().contacts, IsEmpty());
  // The failed call consumed no ids.
  EXPECT_THAT(*store.AddContacts({Person("+12125550100")}), ElementsAre(1));
}

TEST(MemoryStoreTest, CommitAppliesEveryOpInOrder) {
  MemoryStore store;
  ASSERT_TRUE(store.AddContacts({Person("+12125550100")}).ok());
  WriteBatch batch;
  batch.Add(Started(7, 1, kT0))
      .Add(Ended(7, 1))
      .Add(Disposed(7, 1, "no_answer"))
      .Add(NoteRecord{1, 7, "alice", "left message with reception", kT0})
      .Add(Dnc("+12125550100", "disposition"))
      .Add(AuditRecord{kT0, "c", 1, "+12125550100", "quiet_hours", "{}"});
  ASSERT_TRUE(store.Commit(batch).ok()) << store.Commit(batch);
  EXPECT_EQ(store.commits(), 1);
  const MemoryStoreContents s = store.Snapshot();
  ASSERT_EQ(s.attempts_started.size(), 1u);
  EXPECT_EQ(s.attempts_started[0].call_id, 7);
  ASSERT_EQ(s.attempts_ended.size(), 1u);
  EXPECT_EQ(s.attempts_ended[0].status, CallEndStatus::kNoAnswer);
  ASSERT_EQ(s.dispositions.size(), 1u);
  EXPECT_EQ(s.dispositions[0].code, "no_answer");
  ASSERT_EQ(s.notes.size(), 1u);
  EXPECT_EQ(s.notes[0].text, "left message with reception");
  ASSERT_EQ(s.dnc.size(), 1u);
  ASSERT_EQ(s.audit.size(), 1u);
  EXPECT_EQ(s.audit[0].decision, "quiet_hours");
}

TEST(MemoryStoreTest, EmptyBatchIsNotACommit) {
  MemoryStore store;
  EXPECT_TRUE(store.Commit(WriteBatch{}).ok());
  EXPECT_EQ(store.commits(), 0);
}

// Each bad op makes the whole batch fail with nothing applied; the message
// names the op's index and the offending id.
TEST(MemoryStoreTest, CommitIsAllOrNothing) {
  MemoryStore store;
  ASSERT_TRUE(
      store.AddContacts({Person("+12125550100"), Person("+12125550101")}).ok());
  ASSERT_TRUE(store.Commit(WriteBatch().Add(Started(1, 1, kT0))).ok());

  struct Case {
    WriteOp bad;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {Started(1, 2, kT0), absl::StatusCode::kAlreadyExists,
       "batch op 2 (attempt_started): call 1 was already started"},
      {Started(9, 42, kT0), absl::StatusCode::kNotFound,
       "batch op 2 (attempt_started): contact 42 not found"},
      {Started(0, 1, kT0), absl::StatusCode::kInvalidArgument,
       "batch op 2 (attempt_started): call id is 0"},
      {Ended(8, 1), absl::StatusCode::kNotFound,
       "batch op 2 (attempt_ended): call 8 has no attempt_started"},
      {Ended(1, 2), absl::StatusCode::kInvalidArgument,
       "batch op 2 (attempt_ended): call 1 belongs to contact 1, not 2"},
      {Ended(1, 42), absl::StatusCode::kNotFound, "contact 42 not found"},
      {Disposed(8, 1, "busy"), absl::StatusCode::kNotFound,
       "batch op 2 (disposition): call 8 has no attempt_started"},
      {Disposed(0, 42, "busy"), absl::StatusCode::kNotFound,
       "batch op 2 (disposition): contact 42 not found"},
      {Disposed(1, 1, ""), absl::StatusCode::kInvalidArgument,
       "batch op 2 (disposition): disposition of contact 1 has an empty code"},
      {NoteRecord{42, 0, "a", "x", kT0}, absl::StatusCode::kNotFound,
       "batch op 2 (note): contact 42 not found"},
      {NoteRecord{1, 8, "a", "x", kT0}, absl::StatusCode::kNotFound,
       "batch op 2 (note): call 8"},
      {Dnc("", "api"), absl::StatusCode::kInvalidArgument,
       "batch op 2 (dnc): do-not-call entry has an empty phone"},
  };
  for (const Case& c : cases) {
    WriteBatch batch;
    batch.Add(Started(2, 2, kT0 + absl::Seconds(1)))
        .Add(Dnc("+12125550199", "api"))
        .ops.push_back(c.bad);
    batch.Add(Disposed(2, 2, "busy"));
    const absl::Status s = store.Commit(batch);
    EXPECT_EQ(s.code(), c.code) << s;
    EXPECT_THAT(std::string(s.message()), HasSubstr(c.message));
  }
  EXPECT_EQ(store.commits(), 1);
  const MemoryStoreContents s = store.Snapshot();
  EXPECT_EQ(s.attempts_started.size(), 1u);
  EXPECT_THAT(s.dnc, IsEmpty());
  EXPECT_THAT(s.dispositions, IsEmpty());
  EXPECT_THAT(CallIds(*store.AttemptsSince(2, absl::InfinitePast())),
              IsEmpty());
}

// Thousands of calls (past the store's chunk size), their ids first in
// sequence and then out of it (another engine, a restart): every call is
// found for its end, ends once, and the snapshot keeps the order of commits.
TEST(MemoryStoreTest, ManyCallsInAndOutOfSequence) {
  MemoryStore store;
  ASSERT_TRUE(
      store.AddContacts({Person("+12125550100"), Person("+12125550101")}).ok());
  std::vector<CallId> ids;
  for (CallId id = 1; id <= 2500; ++id) ids.push_back(id);
  for (CallId id = 90000; id > 87000; id -= 3) ids.push_back(id);
  for (size_t i = 0; i < ids.size(); ++i) {
    const ContactId contact = 1 + static_cast<ContactId>(i % 2);
    ASSERT_TRUE(store
                    .Commit(WriteBatch().Add(Started(
                        ids[i], contact, kT0 + absl::Seconds(i))))
                    .ok());
  }
  for (size_t i = ids.size(); i-- > 0;) {
    const ContactId contact = 1 + static_cast<ContactId>(i % 2);
    ASSERT_TRUE(store
                    .Commit(WriteBatch()
                                .Add(Ended(ids[i], contact))
                                .Add(Disposed(ids[i], contact, "no_answer")))
                    .ok())
        << ids[i];
    const absl::Status again = store.Commit(WriteBatch().Add(Ended(ids[i], contact)));
    EXPECT_EQ(again.code(), absl::StatusCode::kAlreadyExists) << ids[i];
  }
  EXPECT_EQ(store.Commit(WriteBatch().Add(Ended(87001, 1))).code(),
            absl::StatusCode::kNotFound);
  const MemoryStoreContents s = store.Snapshot();
  ASSERT_EQ(s.attempts_started.size(), ids.size());
  ASSERT_EQ(s.attempts_ended.size(), ids.size());
  ASSERT_EQ(s.dispositions.size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(s.attempts_started[i].call_id, ids[i]);
    EXPECT_EQ(s.attempts_ended[i].call_id, ids[ids.size() - 1 - i]);
    EXPECT_EQ(s.dispositions[i].call_id, ids[ids.size() - 1 - i]);
  }
  EXPECT_EQ(store.AttemptsSince(2, absl::InfinitePast())->size(),
            ids.size() / 2);
}

TEST(MemoryStoreTest, OpsMayReferToEarlierOpsOfTheSameBatch) {
  MemoryStore store;
  ASSERT_TRUE(store.AddContacts({Person("+12125550100")}).ok());
  WriteBatch twice;
  twice.Add(Started(5, 1, kT0)).Add(Started(5, 1, kT0));
  EXPECT_EQ(store.Commit(twice).code(), absl::StatusCode::kAlreadyExists);
  WriteBatch ended_twice;
  ended_twice.Add(Started(5, 1, kT0)).Add(Ended(5, 1)).Add(Ended(5, 1));
  EXPECT_EQ(store.Commit(ended_twice).code(), absl::StatusCode::kAlreadyExists);
  WriteBatch ok;
  ok.Add(Started(5, 1, kT0)).Add(Ended(5, 1)).Add(Disposed(5, 1, "busy"));
  EXPECT_TRUE(store.Commit(ok).ok());
  // Ending it again in a later batch is a duplicate too.
  EXPECT_EQ(store.Commit(WriteBatch().Add(Ended(5, 1))).code(),
            absl::StatusCode::kAlreadyExists);
  // A disposition of the contact without a call is fine.
  EXPECT_TRUE(store.Commit(WriteBatch().Add(Disposed(0, 1, "dnc"))).ok());
  EXPECT_EQ(store.commits(), 2);
}

TEST(MemoryStoreTest, AttemptsSinceAcrossListsAndForContactsNeverDialed) {
  MemoryStore store;
  ASSERT_TRUE(store.AddContacts({Person("+12125550100")}).ok());
  ASSERT_TRUE(store.Commit(WriteBatch{}.Add(Started(1, 1, kT0))).ok());
  // A second list: its contacts get the next ids and their own attempts.
  ASSERT_TRUE(
      store.AddContacts({Person("+12125550101"), Person("+12125550102")}).ok());
  ASSERT_TRUE(store.Commit(WriteBatch{}.Add(Started(2, 3, kT0))).ok());
  EXPECT_THAT(CallIds(*store.AttemptsSince(1, absl::InfinitePast())),
              ElementsAre(1));
  EXPECT_THAT(CallIds(*store.AttemptsSince(2, absl::InfinitePast())),
              IsEmpty());
  EXPECT_THAT(CallIds(*store.AttemptsSince(3, absl::InfinitePast())),
              ElementsAre(2));
  EXPECT_EQ(store.AttemptsSince(4, kT0).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(MemoryStoreTest, AttemptsSinceIsPerContactOldestFirst) {
  MemoryStore store;
  ASSERT_TRUE(store
                  .AddContacts({Person("+12125550100"), Person("+12125550101"),
                                Person("+12125550102")})
                  .ok());
  WriteBatch batch;
  batch.Add(Started(1, 1, kT0))
      .Add(Started(2, 2, kT0 + absl::Hours(1)))
      .Add(Started(3, 1, kT0 + absl::Hours(2)))
      .Add(Started(4, 1, kT0 + absl::Hours(1)))  // out of time order
      .Add(Started(5, 1, kT0 + absl::Hours(2)));
  ASSERT_TRUE(store.Commit(batch).ok());
  EXPECT_THAT(CallIds(*store.AttemptsSince(1, absl::InfinitePast())),
              ElementsAre(1, 4, 3, 5));
  EXPECT_THAT(CallIds(*store.AttemptsSince(1, kT0 + absl::Hours(1))),
              ElementsAre(4, 3, 5));
  EXPECT_THAT(CallIds(*store.AttemptsSince(1, kT0 + absl::Minutes(61))),
              ElementsAre(3, 5));
  EXPECT_THAT(CallIds(*store.AttemptsSince(1, kT0 + absl::Hours(3))),
              IsEmpty());
  EXPECT_THAT(CallIds(*store.AttemptsSince(2, kT0)), ElementsAre(2));
  EXPECT_THAT(CallIds(*store.AttemptsSince(3, kT0)), IsEmpty());
}

TEST(MemoryStoreTest, InternalDncKeepsTheFirstEntryPerPhone) {
  MemoryStore store;
  ASSERT_TRUE(store
                  .Commit(WriteBatch()
                              .Add(Dnc("+12125550100", "disposition"))
                              .Add(Dnc("+12125550101", "api"))
                              .Add(Dnc("+12125550100", "api")))
                  .ok());
  ASSERT_TRUE(
      store.Commit(WriteBatch().Add(Dnc("+12125550101", "opt_out_keypress")))
          .ok());
  const auto dnc = store.InternalDnc();
  ASSERT_TRUE(dnc.ok());
  ASSERT_EQ(dnc->size(), 2u);
  EXPECT_EQ((*dnc)[0].phone, "+12125550100");
  EXPECT_EQ((*dnc)[0].source, "disposition");
  EXPECT_EQ((*dnc)[1].phone, "+12125550101");
  EXPECT_EQ((*dnc)[1].source, "api");
}

TEST(MemoryStoreTest, WorksThroughTheStoreInterfaceAndWrapper) {
  MemoryStore memory;
  StoreWrapper wrapper(&memory);
  Store& store = wrapper;
  EXPECT_EQ(wrapper.target(), &memory);
  ASSERT_THAT(*store.AddContacts({Person("+12125550100")}), ElementsAre(1));
  ASSERT_TRUE(store.Commit(WriteBatch().Add(Started(1, 1, kT0))).ok());
  EXPECT_EQ(store.GetContact(1)->phone, "+12125550100");
  EXPECT_THAT(CallIds(*store.AttemptsSince(1, kT0)), ElementsAre(1));
  EXPECT_TRUE(store.InternalDnc()->empty());
  EXPECT_EQ(memory.commits(), 1);
}

// Two threads commit (and a third reads) at once; run under ASan/UBSan.
TEST(MemoryStoreTest, ConcurrentCommitsAllLand) {
  MemoryStore store;
  constexpr int kPerThread = 500;
  ASSERT_TRUE(
      store.AddContacts({Person("+12125550100"), Person("+12125550101")}).ok());
  auto writer = [&](ContactId contact, CallId first_call) {
    for (int i = 0; i < kPerThread; ++i) {
      const CallId call = first_call + i;
      WriteBatch batch;
      batch.Add(Started(call, contact, kT0 + absl::Seconds(i)))
          .Add(Ended(call, contact))
          .Add(Dnc(absl::StrCat("+1212555", 1000 + i % 100), "api"));
      ASSERT_TRUE(store.Commit(batch).ok());
    }
  };
  std::thread a(writer, 1, 1);
  std::thread b(writer, 2, 100001);
  std::thread reader([&] {
    for (int i = 0; i < 200; ++i) {
      const auto attempts = store.AttemptsSince(1, absl::InfinitePast());
      ASSERT_TRUE(attempts.ok());
      // Each batch is atomic: a started attempt is always already ended.
      const MemoryStoreContents s = store.Snapshot();
      ASSERT_EQ(s.attempts_started.size(), s.attempts_ended.size());
    }
  });
  a.join();
  b.join();
  reader.join();
  EXPECT_EQ(store.commits(), 2 * kPerThread);
  EXPECT_EQ(store.AttemptsSince(1, absl::InfinitePast())->size(),
            static_cast<size_t>(kPerThread));
  EXPECT_EQ(store.AttemptsSince(2, absl::InfinitePast())->size(),
            static_cast<size_t>(kPerThread));
  EXPECT_EQ(store.InternalDnc()->size(), 100u);
}

}  // namespace
}  // namespace dialer
