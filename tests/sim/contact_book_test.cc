// ContactBook: generated numbers and their keys; NumberCursor answers
// exactly as ContactBook::Find.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "compliance/zone_resolver.h"
#include "dialer/simulator.h"
#include "gtest/gtest.h"
#include "sim/contact_book.h"

namespace dialer::sim {
namespace {

ContactBook SmallBook(int64_t count) {
  Scenario scenario;
  scenario.contacts.count = count;
  scenario.contacts.time_zones = {{"America/New_York", 0.5},
                                  {"America/Los_Angeles", 0.5}};
  auto book = ContactBook::Generate(scenario, 42,
                                    compliance::ZoneResolver::Default());
  EXPECT_TRUE(book.ok()) << book.status();
  return *std::move(book);
}

TEST(ContactBookTest, GeneratedNumbersAreNanpE164) {
  ContactBook book = SmallBook(200);
  ASSERT_EQ(book.contacts().size(), 200u);
  for (const SimContact& c : book.contacts()) {
    ASSERT_EQ(c.phone.size(), 12u) << c.phone;
    EXPECT_EQ(c.phone.substr(0, 2), "+1");
    for (size_t i = 2; i < c.phone.size(); ++i) {
      EXPECT_TRUE(c.phone[i] >= '0' && c.phone[i] <= '9') << c.phone;
    }
    EXPECT_GE(c.phone[2], '2');  // NPA
    EXPECT_GE(c.phone[5], '2');  // NXX
    ASSERT_EQ(c.zones.size(), 1u);
  }
}

TEST(NumberCursorTest, AgreesWithFindOnInterleavedStreamsAndStrangers) {
  ContactBook book = SmallBook(500);
  const int64_t n = static_cast<int64_t>(book.contacts().size());
  NumberCursor cursor(&book);
  // Two zones' streams interleaved, a second pass (retries), numbers that
  // are not in the book, and random jumps.
  std::vector<std::string> asked;
  for (int64_t i = 0; i < n; ++i) asked.push_back(book.contacts()[i].phone);
  for (int64_t i = 0; i < n; i += 3) asked.push_back(book.contacts()[i].phone);
  asked.push_back("+12125550199");
  asked.push_back("");
  for (int64_t i = n - 1; i >= 0; i -= 7) asked.push_back(book.contacts()[i].phone);
  for (int round = 0; round < 2; ++round) {
    for (const std::string& phone : asked) {
      EXPECT_EQ(cursor.Find(phone), book.Find(phone)) << phone;
    }
  }
}

TEST(ContactBookTest, NumberKeyIsOneToOneOnE164AndZeroElsewhere) {
  const std::vector<std::string> keyed = {
      "+12125550100", "+12125550101", "+2125550100", "+012125550100",
      "+0012125550100", "+1", "+0", "+00", "+999999999999999"};
  std::vector<uint64_t> keys;
  for (const std::string& p : keyed) {
    const uint64_t k = ContactBook::NumberKey(p);
    EXPECT_NE(k, 0u) << p;
    for (uint64_t other : keys) EXPECT_NE(k, other) << p;
    keys.push_back(k);
  }
  for (const std::string p :
       {"", "+", "12125550100", "+1212555010a", "+1 212 555 0100",
        "+1234567890123456", "(212) 555-0100"}) {
    EXPECT_EQ(ContactBook::NumberKey(p), 0u) << p;
  }
}

// An imported list may hold numbers without a key (not E.164): the cursor
// compares those as strings, and never matches one with a keyed number.
TEST(NumberCursorTest, AgreesWithFindOnNumbersWithoutAKey) {
  std::vector<Contact> stored;
  for (int i = 0; i < 40; ++i) {
    Contact c;
    c.phone = i % 3 == 0 ? absl::StrCat("555-01", 10 + i)
                         : absl::StrCat("+1212555", 1000 + i);
    if (i % 4 == 0) c.alternate_phones.push_back(absl::StrCat("x", i));
    stored.push_back(c);
  }
  ContactBook book =
      ContactBook::FromContacts(stored, compliance::ZoneResolver::Default());
  NumberCursor cursor(&book);
  std::vector<std::string> asked;
  for (const SimContact& c : book.contacts()) asked.push_back(c.phone);
  for (size_t i = 0; i < book.contacts().size(); i += 2) {
    asked.push_back(book.contacts()[i].phone);
  }
  asked.push_back("555-0199");
  asked.push_back("+12125559999");
  for (int round = 0; round < 2; ++round) {
    for (const std::string& phone : asked) {
      EXPECT_EQ(cursor.Find(phone), book.Find(phone)) << phone;
    }
  }
}

}  // namespace
}  // namespace dialer::sim
