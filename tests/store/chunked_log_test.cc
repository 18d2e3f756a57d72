#include "store/chunked_log.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace dialer {
namespace {

TEST(ChunkedLogTest, EmptyLog) {
  ChunkedLog<int> log;
  EXPECT_TRUE(log.empty());
  EXPECT_EQ(log.size(), 0u);
  EXPECT_TRUE(log.ToVector().empty());
}

// Across several chunks: the same elements, in order, as a vector, and an
// element never moves once written.
TEST(ChunkedLogTest, MatchesAVectorAndNeverMovesAnElement) {
  ChunkedLog<std::string> log;
  std::vector<std::string> want;
  log.push_back("first");
  want.push_back("first");
  const std::string* first = &log[0];
  for (int i = 1; i < 5000; ++i) {
    want.push_back("record number " + std::to_string(i));
    log.push_back(want.back());
    ASSERT_EQ(log.size(), want.size());
  }
  EXPECT_EQ(first, &log[0]);
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(log[i], want[i]) << i;
  EXPECT_EQ(log.ToVector(), want);
}

}  // namespace
}  // namespace dialer
