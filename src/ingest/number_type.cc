#include "ingest/number_type.h"

#include <list>
#include <string>

#include "phonenumbers/phonemetadata.pb.h"
#include "phonenumbers/phonenumber.pb.h"

// libphonenumber's compiled-in metadata (its metadata.h, which is not
// installed, declares these; libphonenumber.so exports them).
namespace i18n::phonenumbers {
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace dialer::ingest {
namespace {

using ::i18n::phonenumbers::PhoneMetadata;
using ::i18n::phonenumbers::PhoneMetadataCollection;
using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

// GetNumberTypeHelper() is protected: a derived class may name it, and the
// pointer to member it yields may be used on the singleton. The class is
// never instantiated.
struct HelperAccess : PhoneNumberUtil {
  static constexpr auto kTypeHelper = &HelperAccess::GetNumberTypeHelper;
};

}  // namespace

NumberTyper::NumberTyper() {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  auto collection = std::make_unique<PhoneMetadataCollection>();
  if (!collection->ParseFromArray(::i18n::phonenumbers::metadata_get(),
                                  ::i18n::phonenumbers::metadata_size())) {
    return;
  }
  for (const PhoneMetadata& m : collection->metadata()) {
    const int code = m.country_code();
    if (code <= 0 || code > kMaxCallingCode) continue;
    std::list<std::string> regions;
    util.GetRegionCodesForCountryCallingCode(code, &regions);
    // Only the main region (the first one GetNumberType() tries), and, when
    // the code has other regions, only if it is chosen by full validation
    // rather than by leading digits.
    if (regions.empty() || regions.front() != m.id() ||
        (regions.size() > 1 && m.has_leading_digits())) {
      continue;
    }
    fast_[code] = Fast{&m, regions.size() == 1};
  }
  metadata_ = std::move(collection);
}

NumberTyper::~NumberTyper() = default;
NumberTyper::NumberTyper(NumberTyper&&) noexcept = default;
NumberTyper& NumberTyper::operator=(NumberTyper&&) noexcept = default;

NumberTyper::Type NumberTyper::GetNumberType(const PhoneNumber& number) const {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const int code = number.country_code();
  if (code > 0 && code <= kMaxCallingCode && fast_[code].metadata != nullptr) {
    std::string nsn;
    util.GetNationalSignificantNumber(number, &nsn);
    const Type type = (util.*HelperAccess::kTypeHelper)(nsn, *fast_[code].metadata);
    if (type != PhoneNumberUtil::UNKNOWN || fast_[code].single_region) {
      return type;
    }
  }
  return util.GetNumberType(number);
}

int NumberTyper::fast_calling_codes() const {
  int n = 0;
  for (const Fast& f : fast_) n += f.metadata != nullptr;
  return n;
}

}  // namespace dialer::ingest
