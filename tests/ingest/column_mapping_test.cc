#include "ingest/column_mapping.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::ingest {
namespace {

using ::testing::HasSubstr;

TEST(ColumnMappingTest, RecognisesCommonHeaderNames) {
  EXPECT_EQ(RecognizeHeader("First Name"), ContactField::kFirstName);
  EXPECT_EQ(RecognizeHeader("first_name"), ContactField::kFirstName);
  EXPECT_EQ(RecognizeHeader("SURNAME"), ContactField::kLastName);
  EXPECT_EQ(RecognizeHeader("Full Name"), ContactField::kFullName);
  EXPECT_EQ(RecognizeHeader("Phone Number"), ContactField::kPhone);
  EXPECT_EQ(RecognizeHeader("Cell"), ContactField::kMobilePhone);
  EXPECT_EQ(RecognizeHeader("Direct Dial"), ContactField::kDirectPhone);
  EXPECT_EQ(RecognizeHeader("Work Phone"), ContactField::kWorkPhone);
  EXPECT_EQ(RecognizeHeader("E-mail Address"), ContactField::kEmail);
  EXPECT_EQ(RecognizeHeader("Company Name"), ContactField::kCompany);
  EXPECT_EQ(RecognizeHeader("Job Title"), ContactField::kTitle);
  EXPECT_EQ(RecognizeHeader("State/Province"), ContactField::kState);
  EXPECT_EQ(RecognizeHeader("Postal Code"), ContactField::kZip);
  EXPECT_EQ(RecognizeHeader("Time Zone"), ContactField::kTimeZone);
  EXPECT_EQ(RecognizeHeader("Notes"), ContactField::kNotes);
  EXPECT_EQ(RecognizeHeader("Industry"), ContactField::kCustom);
}

TEST(ColumnMappingTest, UnknownColumnsBecomeCustomFieldsUnderTheirHeader) {
  absl::StatusOr<ColumnMapping> m =
      ColumnMapping::Create({" Phone ", "Deal Value"}, {});
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->headers()[0], "Phone");
  EXPECT_EQ(m->columns()[1].field, ContactField::kCustom);
  EXPECT_EQ(m->columns()[1].custom_name, "Deal Value");
  EXPECT_TRUE(m->HasPhone());
}

TEST(ColumnMappingTest, ExplicitMappingOverridesAndIgnoresCase) {
  absl::StatusOr<ExplicitMapping> explicit_mapping = ParseMappingJson(
      R"({"columns": {"tel #": "direct_phone", "Name": "ignore",
          "Acct": "custom:account_code"}})");
  ASSERT_TRUE(explicit_mapping.ok()) << explicit_mapping.status();
  absl::StatusOr<ColumnMapping> m =
      ColumnMapping::Create({"Name", "Tel #", "Acct"}, *explicit_mapping);
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->columns()[0].field, ContactField::kIgnore);
  EXPECT_EQ(m->columns()[1].field, ContactField::kDirectPhone);
  EXPECT_EQ(m->columns()[2].custom_name, "account_code");
}

TEST(ColumnMappingTest, ExplicitMappingOfAnAbsentColumnFails) {
  absl::StatusOr<ColumnMapping> m = ColumnMapping::Create(
      {"Phone"}, {{"Mobile", ColumnTarget{ContactField::kMobilePhone, ""}}});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.status().message(), HasSubstr("'Mobile'"));
}

TEST(ColumnMappingTest, MappingJsonErrorsNameTheMember) {
  EXPECT_THAT(ParseMappingJson(R"({"A": "phone_nr"})").status().message(),
              HasSubstr("'A' maps to unknown field 'phone_nr'"));
  EXPECT_THAT(ParseMappingJson(R"({"A": 3})").status().message(),
              HasSubstr("'A' is not a string"));
  EXPECT_FALSE(ParseMappingJson("[1,").ok());
  EXPECT_FALSE(ParseMappingJson("[]").ok());
  absl::StatusOr<ExplicitMapping> flat = ParseMappingJson(R"({"A": "email"})");
  ASSERT_TRUE(flat.ok());
  EXPECT_EQ((*flat)[0].second.field, ContactField::kEmail);
}

TEST(ColumnMappingTest, FieldNamesRoundTrip) {
  for (ContactField f : {ContactField::kFirstName, ContactField::kMobilePhone,
                         ContactField::kTimeZone, ContactField::kIgnore}) {
    EXPECT_EQ(ContactFieldFromName(ToString(f)), f);
  }
  EXPECT_EQ(ContactFieldFromName("nope"), std::nullopt);
}

}  // namespace
}  // namespace dialer::ingest
