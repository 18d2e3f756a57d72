#include "ingest/dnc_checker.h"

#include "gtest/gtest.h"

namespace dialer::ingest {
namespace {

TEST(DncCheckerTest, InternalListHoldsExactNumbers) {
  InternalDncList list("internal");
  ASSERT_TRUE(list.Add("+12125552368").ok());
  EXPECT_EQ(list.ListHolding("+12125552368", "NY"), "internal");
  EXPECT_EQ(list.ListHolding("+12125552369", "NY"), "");
  EXPECT_EQ(list.ListHolding("2125552368", ""), "");
  EXPECT_EQ(list.size(), 1u);
}

TEST(DncCheckerTest, AddRefusesNonE164NamingIt) {
  InternalDncList list;
  absl::Status s = list.Add("212-555-2368");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("212-555-2368"), absl::string_view::npos);
}

TEST(DncCheckerTest, NoListsBlockNothing) {
  EXPECT_EQ(NoDncLists().ListHolding("+12125552368", ""), "");
}

}  // namespace
}  // namespace dialer::ingest
