#include "ingest/name_case.h"

#include "gtest/gtest.h"

namespace dialer::ingest {
namespace {

TEST(NameCaseTest, MixedCaseIsTrusted) {
  EXPECT_EQ(ProperCasePersonName("McDonald"), "McDonald");
  EXPECT_EQ(ProperCasePersonName("van der Berg"), "van der Berg");
  EXPECT_EQ(ProperCasePersonName("DeShawn"), "DeShawn");
  EXPECT_EQ(ProperCasePersonName("  O'Brien   Jr "), "O'Brien Jr");
  EXPECT_EQ(ProperCaseCompanyName("IBM Global Services"), "IBM Global Services");
  EXPECT_EQ(ProperCaseCompanyName("eBay Inc."), "eBay Inc.");
}

TEST(NameCaseTest, AllCapsAndLowerCasePersonNames) {
  EXPECT_EQ(ProperCasePersonName("MCDONALD"), "McDonald");
  EXPECT_EQ(ProperCasePersonName("o'brien"), "O'Brien");
  EXPECT_EQ(ProperCasePersonName("D'ANGELO"), "D'Angelo");
  EXPECT_EQ(ProperCasePersonName("SMITH-JONES"), "Smith-Jones");
  EXPECT_EQ(ProperCasePersonName("ANNA VAN DER BERG"), "Anna van der Berg");
  EXPECT_EQ(ProperCasePersonName("VAN DER BERG"), "Van der Berg");
  EXPECT_EQ(ProperCasePersonName("de la cruz"), "De la Cruz");
  EXPECT_EQ(ProperCasePersonName("JOHN SMITH III"), "John Smith III");
  EXPECT_EQ(ProperCasePersonName("mary jr."), "Mary Jr.");
  EXPECT_EQ(ProperCasePersonName("JOSÉ GARCÍA"), "José García");
  EXPECT_EQ(ProperCasePersonName("DEL"), "Del");
}

TEST(NameCaseTest, CompanyAcronymsSurvive) {
  EXPECT_EQ(ProperCaseCompanyName("IBM"), "IBM");
  EXPECT_EQ(ProperCaseCompanyName("ACME WIDGETS LLC"), "Acme Widgets LLC");
  EXPECT_EQ(ProperCaseCompanyName("GE HEALTHCARE"), "GE Healthcare");
  EXPECT_EQ(ProperCaseCompanyName("AT&T"), "AT&T");
  EXPECT_EQ(ProperCaseCompanyName("3M"), "3M");
  EXPECT_EQ(ProperCaseCompanyName("THE HOME DEPOT"), "The Home Depot");
  EXPECT_EQ(ProperCaseCompanyName("BANK OF AMERICA CORP"), "Bank of America Corp");
  EXPECT_EQ(ProperCaseCompanyName("acme corp"), "Acme Corp");
  EXPECT_EQ(ProperCaseCompanyName("globex, inc."), "Globex, Inc.");
  EXPECT_EQ(ProperCaseCompanyName("MCKINSEY & COMPANY"), "McKinsey & Company");
}

TEST(NameCaseTest, TidySpaces) {
  EXPECT_EQ(TidySpaces("  a \t b\n c  "), "a b c");
  EXPECT_EQ(TidySpaces(""), "");
}

}  // namespace
}  // namespace dialer::ingest
