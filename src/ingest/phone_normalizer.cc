#include "ingest/phone_normalizer.h"

#include <set>

#include "absl/strings/ascii.h"
#include "ingest/number_type.h"
#include "ingest/text_util.h"
#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"

namespace dialer::ingest {
namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

std::string_view TypeName(PhoneNumberUtil::PhoneNumberType type) {
  switch (type) {
    case PhoneNumberUtil::FIXED_LINE:
      return "fixed_line";
    case PhoneNumberUtil::MOBILE:
      return "mobile";
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
      return "fixed_line_or_mobile";
    case PhoneNumberUtil::TOLL_FREE:
      return "toll_free";
    case PhoneNumberUtil::PREMIUM_RATE:
      return "premium_rate";
    case PhoneNumberUtil::SHARED_COST:
      return "shared_cost";
    case PhoneNumberUtil::VOIP:
      return "voip";
    case PhoneNumberUtil::PERSONAL_NUMBER:
      return "personal_number";
    case PhoneNumberUtil::PAGER:
      return "pager";
    case PhoneNumberUtil::UAN:
      return "uan";
    case PhoneNumberUtil::VOICEMAIL:
      return "voicemail";
    case PhoneNumberUtil::UNKNOWN:
      return "unknown";
  }
  return "unknown";
}

// Built once: it parses libphonenumber's metadata.
const NumberTyper& Typer() {
  static const NumberTyper* const typer = new NumberTyper();
  return *typer;
}

bool HasDigitOrLetter(std::string_view raw) {
  for (char c : raw) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

}  // namespace

std::string_view ToString(PhoneProblem problem) {
  switch (problem) {
    case PhoneProblem::kNone:
      return "none";
    case PhoneProblem::kEmpty:
      return "empty";
    case PhoneProblem::kUnparseable:
      return "unparseable";
    case PhoneProblem::kInvalid:
      return "invalid";
    case PhoneProblem::kNotDialable:
      return "not_dialable";
  }
  return "unknown";
}

absl::StatusOr<PhoneNormalizer> PhoneNormalizer::Create(Options options) {
  std::string region = AsciiUpper(options.default_region);
  std::set<std::string> supported;
  PhoneNumberUtil::GetInstance()->GetSupportedRegions(&supported);
  if (!supported.contains(region)) {
    return absl::InvalidArgumentError(Cat(
        "default region '", options.default_region,
        "' is not a region libphonenumber knows (use ISO 3166 codes like US)"));
  }
  options.default_region = std::move(region);
  return PhoneNormalizer(std::move(options));
}

NormalizedPhone PhoneNormalizer::Normalize(std::string_view raw) const {
  NormalizedPhone result;
  if (!HasDigitOrLetter(raw)) {
    result.problem = PhoneProblem::kEmpty;
    return result;
  }
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  const PhoneNumberUtil::ErrorType error =
      util.Parse(std::string(raw), options_.default_region, &number);
  if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
    result.problem = PhoneProblem::kUnparseable;
    result.detail = "not a phone number";
    return result;
  }
  // GetNumberType() is UNKNOWN exactly when IsValidNumber() is false, and
  // costs the same pattern matching, so one call answers both questions.
  // NumberTyper gives GetNumberType()'s answer with one pattern pass where
  // libphonenumber makes two (see number_type.h).
  const PhoneNumberUtil::PhoneNumberType type = Typer().GetNumberType(number);
  switch (type) {
    case PhoneNumberUtil::UNKNOWN:
      result.problem = PhoneProblem::kInvalid;
      result.detail = "not a valid number for its region";
      return result;
    case PhoneNumberUtil::PREMIUM_RATE:
    case PhoneNumberUtil::SHARED_COST:
    case PhoneNumberUtil::PAGER:
    case PhoneNumberUtil::VOICEMAIL:
      result.problem = PhoneProblem::kNotDialable;
      result.detail = Cat(TypeName(type), " number");
      return result;
    case PhoneNumberUtil::TOLL_FREE:
      if (options_.reject_toll_free) {
        result.problem = PhoneProblem::kNotDialable;
        result.detail = "toll_free number";
        return result;
      }
      break;
    default:
      break;
  }
  // E.164 is '+', the calling code and the national significant number:
  // what Format(E164) writes for a valid number (only a number without
  // national digits is formatted otherwise, and that is not valid).
  std::string nsn;
  util.GetNationalSignificantNumber(number, &nsn);
  result.e164 = Cat("+", number.country_code(), nsn);
  result.extension = number.extension();
  return result;
}

}  // namespace dialer::ingest
