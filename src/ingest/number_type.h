// The type of a parsed phone number (fixed line, mobile, premium rate, ...,
// or UNKNOWN = not a valid number), exactly as libphonenumber's
// PhoneNumberUtil::GetNumberType() answers it, at half its cost for most
// numbers.
//
// Why: GetNumberType() first finds the number's region and then classifies
// the number against that region's patterns. For a calling code shared by
// several regions (+1: 25 NANP regions, +44, +7, ...) finding the region
// already classifies the number against the main region's patterns, so a
// valid US number is matched against the same patterns twice; the second
// pass is about a third of what ingest spends in libphonenumber.
//
// How, exactly: libphonenumber finds the region by trying the regions of the
// calling code in order (the main region first); a region without
// "leading digits" is chosen when GetNumberTypeHelper() says the number is
// not UNKNOWN there, and GetNumberType() then returns GetNumberTypeHelper()
// for that region again. So when the main region has no leading digits and
// its answer is not UNKNOWN, that answer is GetNumberType()'s; a calling
// code with a single region is classified against it directly, as
// GetNumberType() does. Every other case (an UNKNOWN answer, a main region
// with leading digits, non-geographic codes) asks GetNumberType() itself.
// It runs libphonenumber's own GetNumberTypeHelper() (a protected member,
// reached through a pointer to member) on libphonenumber's own compiled-in
// metadata (the same bytes PhoneNumberUtil loads), so the patterns and the
// matching engine are libphonenumber's. number_type_test compares it with
// GetNumberType() over every region's example numbers and generated files.
//
// Immutable after Create(): thread-safe.
#ifndef DIALER_SRC_INGEST_NUMBER_TYPE_H_
#define DIALER_SRC_INGEST_NUMBER_TYPE_H_

#include <array>
#include <memory>
#include <string>

#include "phonenumbers/phonenumberutil.h"

namespace i18n::phonenumbers {
class PhoneMetadataCollection;
class PhoneMetadata;
class PhoneNumber;
}  // namespace i18n::phonenumbers

namespace dialer::ingest {

class NumberTyper {
 public:
  using Type = ::i18n::phonenumbers::PhoneNumberUtil::PhoneNumberType;

  // Loads libphonenumber's compiled-in metadata; when it cannot be read,
  // every call falls back to GetNumberType() (still exact, not faster).
  NumberTyper();
  ~NumberTyper();
  NumberTyper(NumberTyper&&) noexcept;
  NumberTyper& operator=(NumberTyper&&) noexcept;

  // == PhoneNumberUtil::GetInstance()->GetNumberType(number).
  Type GetNumberType(const ::i18n::phonenumbers::PhoneNumber& number) const;

  // How many calling codes take the one-pass path (for tests).
  int fast_calling_codes() const;

 private:
  static constexpr int kMaxCallingCode = 999;
  std::unique_ptr<::i18n::phonenumbers::PhoneMetadataCollection> metadata_;
  struct Fast {
    const ::i18n::phonenumbers::PhoneMetadata* metadata = nullptr;
    bool single_region = false;  // the answer holds even when UNKNOWN
  };
  std::array<Fast, kMaxCallingCode + 1> fast_{};
};

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_NUMBER_TYPE_H_
