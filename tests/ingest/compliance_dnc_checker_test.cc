#include "ingest/compliance_dnc_checker.h"

#include "gtest/gtest.h"

namespace dialer::ingest {
namespace {

compliance::DncSet SetOf(std::initializer_list<uint64_t> numbers) {
  compliance::DncSetBuilder builder;
  for (uint64_t n : numbers) builder.Add(n);
  return std::move(builder).Build();
}

TEST(ComplianceDncCheckerTest, NamesTheListHoldingTheNumber) {
  compliance::DncLists lists;
  lists.SetNational(SetOf({2122345678}));
  ASSERT_TRUE(lists.SetState("TX", SetOf({5122345678})).ok());
  ASSERT_TRUE(lists.SetState("CA", SetOf({3122345678})).ok());
  ASSERT_TRUE(lists.AddInternal(4152345678).ok());
  const ComplianceDncChecker checker(lists, compliance::ZoneResolver::Default());

  EXPECT_EQ(checker.ListHolding("+12122345678", ""), "national");
  EXPECT_EQ(checker.ListHolding("+14152345678", "CA"), "internal");
  // 512 is a Texas area code: the Texas list applies without a state.
  EXPECT_EQ(checker.ListHolding("+15122345678", ""), "state:TX");
  // 312 is Illinois; the California list applies only to a CA contact.
  EXPECT_EQ(checker.ListHolding("+13122345678", ""), "");
  EXPECT_EQ(checker.ListHolding("+13122345678", "CA"), "state:CA");
  EXPECT_EQ(checker.ListHolding("+12122345679", "NY"), "");
  EXPECT_EQ(checker.ListHolding("+442079460958", ""), "");
}

}  // namespace
}  // namespace dialer::ingest
