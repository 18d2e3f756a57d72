// Email addresses from uploaded lists: normalised and checked for shape.
//
// Normalising trims whitespace (and a "mailto:" prefix) and lower-cases the
// whole address; lower-casing the local part is what deduplication needs,
// and real mail systems treat it case-insensitively. Validation is a
// pragmatic shape check, not RFC 5322: one '@', a local part of 1-64
// characters from the dot-atom set without leading, trailing or doubled dots,
// and a domain of at least two dot-separated labels of letters, digits and
// inner hyphens, whose last label has at least two letters. Non-ASCII
// addresses are refused.
//
// Pure functions: thread-safe.
#ifndef DIALER_SRC_INGEST_EMAIL_ADDRESS_H_
#define DIALER_SRC_INGEST_EMAIL_ADDRESS_H_

#include <string>
#include <string_view>

namespace dialer::ingest {

std::string NormalizeEmail(std::string_view raw);

// True if the normalised address `email` has a mailbox's shape.
bool IsValidEmail(std::string_view email);

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_EMAIL_ADDRESS_H_
