#include "sim/contact_book.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/absl_view.h"
#include "sim/random.h"

namespace dialer::sim {
namespace {

constexpr uint64_t kContactStream = 0xC047AC7;

constexpr std::string_view kFirstNames[] = {
    "Ava", "Ben", "Chloe", "Dan", "Emma", "Finn", "Grace", "Hugo",
    "Iris", "Jack", "Kara", "Liam", "Maya", "Noah", "Olga", "Paul"};
constexpr std::string_view kLastNames[] = {
    "Adams", "Brown", "Chen", "Diaz", "Evans", "Fox", "Garcia", "Hill",
    "Ito", "Jones", "Khan", "Lopez", "Miller", "Nguyen", "Owens", "Patel"};

// An exchange (NXX) that real numbers use: 2-9 first, not N11, not 555
// (whose 01xx lines are reserved for fiction).
int DrawExchange(Rng& rng) {
  while (true) {
    const int nxx = 200 + static_cast<int>(rng.Below(800));
    if (nxx % 100 != 11 && nxx != 555) return nxx;
  }
}

// "+1" NPA NXX XXXX as StrFormat("+1%03d%03d%04d", ...) writes it, without
// the format parsing: a large book makes 100,000 of them.
std::string NanpNumber(int npa, int nxx, int line) {
  if (npa < 0 || npa > 999 || nxx < 0 || nxx > 999 || line < 0 ||
      line > 9999) {
    return absl::StrFormat("+1%03d%03d%04d", npa, nxx, line);
  }
  std::string s = "+1XXXXXXXXXX";
  auto put = [&s](size_t at, int value, int width) {
    for (int k = width - 1; k >= 0; --k) {
      s[at + static_cast<size_t>(k)] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(2, npa, 3);
  put(5, nxx, 3);
  put(8, line, 4);
  return s;
}

}  // namespace

absl::StatusOr<ContactBook> ContactBook::Generate(
    const Scenario& scenario, uint64_t seed,
    const compliance::ZoneResolver& resolver) {
  ContactBook book;
  double total_weight = 0;
  for (const auto& [name, weight] : scenario.contacts.time_zones) {
    Zone zone;
    zone.name = name;
    if (!absl::LoadTimeZone(name, &zone.tz)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "$.contacts.time_zones[\"", name, "\"]: unknown time zone"));
    }
    zone.area_codes = resolver.AreaCodesInZone(name);
    if (zone.area_codes.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "$.contacts.time_zones[\"", name,
          "\"]: expected a zone with US area codes of its own, got none"));
    }
    book.zones_.push_back(std::move(zone));
    total_weight += weight;
  }

  Rng rng(StreamSeed({seed, kContactStream}));
  const int64_t count = scenario.contacts.count;
  book.contacts_.reserve(count);
  book.by_phone_.reserve(count);
  for (int64_t i = 0; i < count; ++i) {
    SimContact c;
    double u = rng.Uniform01() * total_weight;
    int zone = static_cast<int>(book.zones_.size()) - 1;
    for (size_t z = 0; z < scenario.contacts.time_zones.size(); ++z) {
      u -= scenario.contacts.time_zones[z].second;
      if (u < 0) {
        zone = static_cast<int>(z);
        break;
      }
    }
    c.zones = {zone};
    c.dnc = rng.Bernoulli(scenario.contacts.dnc_fraction);
    const std::vector<int>& npas = book.zones_[zone].area_codes;
    do {
      const int npa = npas[rng.Below(npas.size())];
      const int nxx = DrawExchange(rng);
      const int line = static_cast<int>(rng.Below(10000));
      c.phone = NanpNumber(npa, nxx, line);
    } while (book.by_phone_.contains(c.phone));
    book.by_phone_.emplace(c.phone, i);
    book.contacts_.push_back(std::move(c));
  }
  book.FillKeys();
  return book;
}

ContactBook ContactBook::FromContacts(
    const std::vector<Contact>& stored,
    const compliance::ZoneResolver& resolver) {
  ContactBook book;
  absl::flat_hash_map<std::string, int> zone_index;
  auto add_number = [&](const std::string& phone, const Contact& contact) {
    if (book.by_phone_.contains(phone)) return;
    SimContact c;
    c.phone = phone;
    auto names = resolver.CandidateZones(phone, contact.state, contact.zip,
                                         contact.time_zone);
    if (!names.ok()) {
      // The contact's own zone may be one the tz database lacks (the
      // import only warned); the number and state still place it.
      names = resolver.CandidateZones(phone, contact.state, contact.zip, "");
    }
    if (names.ok()) {
      for (const std::string& name : *names) {
        auto [it, inserted] = zone_index.try_emplace(
            name, static_cast<int>(book.zones_.size()));
        if (inserted) {
          Zone zone;
          zone.name = name;
          if (!absl::LoadTimeZone(name, &zone.tz)) {
            zone_index.erase(it);
            continue;
          }
          zone.area_codes = resolver.AreaCodesInZone(name);
          book.zones_.push_back(std::move(zone));
        }
        c.zones.push_back(it->second);
      }
    }
    book.by_phone_.emplace(phone, static_cast<int64_t>(book.contacts_.size()));
    book.contacts_.push_back(std::move(c));
  };
  for (const Contact& contact : stored) {
    add_number(contact.phone, contact);
    for (const std::string& p : contact.alternate_phones) add_number(p, contact);
  }
  book.FillKeys();
  return book;
}

void ContactBook::FillKeys() {
  keys_.resize(contacts_.size());
  for (size_t i = 0; i < contacts_.size(); ++i) {
    keys_[i] = NumberKey(contacts_[i].phone);
  }
}

int64_t NumberCursor::Find(std::string_view phone) {
  // Numbers are unique in the book and NumberKey is one to one: an index
  // whose key is the number's is the answer. A number without a key goes
  // to the hash lookup.
  const uint64_t key = ContactBook::NumberKey(phone);
  if (key != 0) {
    const int64_t size = static_cast<int64_t>(book_->contacts().size());
    for (int64_t& next : streams_) {
      if (next < 0) continue;
      const int64_t end = std::min(size, next + kWindow);
      for (int64_t i = next; i < end; ++i) {
        if (book_->KeyOf(i) == key) {
          next = i + 1;
          return i;
        }
      }
    }
  }
  const int64_t found = book_->Find(phone);
  if (found >= 0) {
    streams_[replace_next_] = found + 1;
    replace_next_ = (replace_next_ + 1) % streams_.size();
  }
  return found;
}

uint64_t ContactBook::NumberKey(std::string_view phone) {
  // E.164 has at most 15 digits (< 2^50): the digits' value, with the
  // count in the top bits so that leading zeros still tell numbers apart.
  if (phone.size() < 2 || phone.size() > 16 || phone[0] != '+') return 0;
  uint64_t value = 0;
  for (char ch : phone.substr(1)) {
    if (ch < '0' || ch > '9') return 0;
    value = value * 10 + static_cast<uint64_t>(ch - '0');
  }
  return (static_cast<uint64_t>(phone.size() - 1) << 56) | value;
}

int64_t ContactBook::Find(std::string_view phone) const {
  auto it = by_phone_.find(AbslView(phone));
  return it == by_phone_.end() ? -1 : it->second;
}

std::vector<Contact> ContactBook::EngineContacts() const {
  std::vector<Contact> out;
  out.reserve(contacts_.size());
  for (size_t i = 0; i < contacts_.size(); ++i) {
    Contact& c = out.emplace_back();  // in place: a Contact is large
    c.external_id = absl::StrCat("sim-", i + 1);
    c.first_name = std::string(kFirstNames[i % std::size(kFirstNames)]);
    c.last_name =
        std::string(kLastNames[(i / std::size(kFirstNames)) %
                               std::size(kLastNames)]);
    c.company = absl::StrCat("Company ", i % 997 + 1);
    c.phone = contacts_[i].phone;
  }
  return out;
}

}  // namespace dialer::sim
