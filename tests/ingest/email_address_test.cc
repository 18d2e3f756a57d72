#include "ingest/email_address.h"

#include "gtest/gtest.h"

namespace dialer::ingest {
namespace {

TEST(EmailAddressTest, NormalizeTrimsLowercasesAndDropsMailto) {
  EXPECT_EQ(NormalizeEmail("  Jane.Doe@Example.COM "), "jane.doe@example.com");
  EXPECT_EQ(NormalizeEmail("mailto:Bob@x.io"), "bob@x.io");
}

TEST(EmailAddressTest, ValidShapes) {
  for (const char* e : {"a@b.co", "first.last+tag@sub.example.org",
                        "o'brien@example.ie", "x_y-z@my-host.example.com"}) {
    EXPECT_TRUE(IsValidEmail(e)) << e;
  }
}

TEST(EmailAddressTest, MalformedShapes) {
  for (const char* e : {"", "plain", "@example.com", "a@", "a@@example.com",
                        "a@b", "a@b.c", "a@b.c0m", ".a@b.com", "a.@b.com",
                        "a..b@c.com", "a b@c.com", "a@-b.com", "a@b-.com",
                        "a@b..com", "j\xC3\xA9@b.com"}) {
    EXPECT_FALSE(IsValidEmail(e)) << e;
  }
  EXPECT_FALSE(IsValidEmail(std::string(65, 'a') + "@b.com"));
}

}  // namespace
}  // namespace dialer::ingest
