// Turns a phone number as people type it into E.164, with libphonenumber.
//
// "(212) 555-0100", "212.555.0100 x12", "+44 20 7946 0958" and "1-800-FLOWERS"
// are all parsed; numbers without a country code are read in the default
// region. The extension is returned apart, never folded into the number.
// A number is refused when libphonenumber cannot parse it, says it is not a
// valid number, or classifies it as a type a dialer must not or cannot call
// (premium rate, shared cost, pager, voicemail access: see
// PhoneNormalizer::Options).
//
// Immutable after construction: thread-safe (libphonenumber's PhoneNumberUtil
// is a thread-safe singleton).
#ifndef DIALER_SRC_INGEST_PHONE_NORMALIZER_H_
#define DIALER_SRC_INGEST_PHONE_NORMALIZER_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace dialer::ingest {

enum class PhoneProblem {
  kNone,
  kEmpty,        // nothing but spaces and punctuation
  kUnparseable,  // not a phone number at all
  kInvalid,      // parsed, but no such number exists in its region's plan
  kNotDialable,  // a valid number of a type that is not called
};

std::string_view ToString(PhoneProblem problem);

struct NormalizedPhone {
  PhoneProblem problem = PhoneProblem::kNone;
  std::string e164;       // "+12125550100" when problem == kNone
  std::string extension;  // digits only, may be empty
  // Human-readable reason when problem != kNone ("premium_rate number").
  std::string detail;
};

class PhoneNormalizer {
 public:
  struct Options {
    // ISO 3166 region for numbers written without a country code.
    std::string default_region = "US";
    // Also refuse toll-free numbers (800, 888, ...).
    bool reject_toll_free = false;
  };

  // Fails if libphonenumber does not know `options.default_region`.
  [[nodiscard]] static absl::StatusOr<PhoneNormalizer> Create(Options options);

  NormalizedPhone Normalize(std::string_view raw) const;

  const Options& options() const { return options_; }

 private:
  explicit PhoneNormalizer(Options options) : options_(std::move(options)) {}
  Options options_;
};

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_PHONE_NORMALIZER_H_
