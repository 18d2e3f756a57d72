#include "engine/contact_index.h"

#include "core/absl_view.h"
#include "ingest/email_address.h"

namespace dialer::engine {

void ContactIndex::Add(const Contact& contact) {
  if (!contact.phone.empty()) phones_.insert(contact.phone);
  for (const std::string& p : contact.alternate_phones) {
    if (!p.empty()) phones_.insert(p);
  }
  std::string email = ingest::NormalizeEmail(contact.email);
  if (!email.empty()) emails_.insert(std::move(email));
}

bool ContactIndex::HasPhone(std::string_view e164) const {
  return phones_.contains(AbslView(e164));
}

bool ContactIndex::HasEmail(std::string_view email) const {
  return emails_.contains(AbslView(email));
}

}  // namespace dialer::engine
