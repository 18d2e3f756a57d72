// Proper case for person and company names from uploaded lists.
//
// A value that already mixes upper and lower case is trusted and only has its
// whitespace tidied: "McDonald", "van der Berg", "DeShawn", "eBay" and
// "IBM Global Services" come through unchanged. Only values written in one
// case (typed in caps lock, or exported lower-case) are re-cased:
//  - person names: each word capitalised, also after a hyphen or apostrophe
//    (Smith-Jones, O'Brien, D'Angelo); "Mc" names (MCDONALD -> McDonald);
//    particles (van, von, der, de, la, du, ...) lower-case except as the first
//    word (ANNA VAN DER BERG -> Anna van der Berg); suffixes II, III, IV, Jr,
//    Sr, PhD, MD.
//  - company names: words of up to three letters stay upper-case as
//    acronyms (IBM, GE) unless they are common words (The, And, Co, Inc);
//    words with digits, '&' or '.' are kept (3M, AT&T); legal forms take
//    their usual spelling (LLC, LLP, Inc, Ltd, Corp, GmbH). An all-caps
//    acronym of four or more letters cannot be told from a word and is
//    re-cased (NASA -> Nasa); send mixed case to keep it.
// Letters outside ASCII are re-cased in the Latin-1 range (JOSÉ -> José);
// others are left as they are.
//
// Pure functions: thread-safe.
#ifndef DIALER_SRC_INGEST_NAME_CASE_H_
#define DIALER_SRC_INGEST_NAME_CASE_H_

#include <string>
#include <string_view>

namespace dialer::ingest {

std::string ProperCasePersonName(std::string_view name);
std::string ProperCaseCompanyName(std::string_view name);

// Trims and collapses runs of whitespace to one space.
std::string TidySpaces(std::string_view text);

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_NAME_CASE_H_
