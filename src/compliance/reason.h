// Why the compliance gate refused a call.
//
// Every rule that can say "no" has one Reason. The snake_case code returned by
// ReasonCode() is stable: it is written to the audit log, printed by
// `dialer gate`, and documented in docs/compliance.md. Codes are never renamed
// or reused; new reasons are appended.
//
// Immutable values: safe to use from any thread.
#ifndef DIALER_COMPLIANCE_REASON_H_
#define DIALER_COMPLIANCE_REASON_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace dialer::compliance {

enum class Reason : uint8_t {
  // The phone is not a NANP number in E.164 form (+1NPANXXXXXX).
  kInvalidPhone = 0,
  // The contact's explicit time_zone is not an IANA zone ID.
  kInvalidTimeZone,
  // Outside 08:00-21:00 in some candidate zone (47 CFR 64.1200(c)(1);
  // 16 CFR 310.4(c)).
  kOutsideFederalWindow,
  // Outside an applicable state's window for that weekday.
  kOutsideStateWindow,
  // Outside the campaign's own (stricter) window.
  kOutsideCampaignWindow,
  // A holiday on which an applicable state bans solicitation.
  kStateHoliday,
  // A Sunday on which an applicable state bans solicitation.
  kSundayBan,
  // An applicable state's manual blackout switch is on (declared emergency,
  // La. R.S. 45:844.31).
  kStateBlackout,
  // On the National Do Not Call Registry (47 CFR 64.1200(c)(2)).
  kDncNational,
  // On an applicable state's do-not-call list.
  kDncState,
  // On the account's internal (company-specific) list (64.1200(d)).
  kDncInternal,
  // The campaign's own cap per contact per rolling 24 hours is used up.
  kAttemptCapCampaign,
  // A state's cap per person per subject per 24 hours (FL, OK, MD: 3).
  kAttemptCapState,
  // The campaign's general frequency rule (e.g. Regulation F 7-in-7).
  kAttemptCapGeneral,
  // Inside the general rule's cool-off after a conversation (12 CFR
  // 1006.14(b)(2)(i)(B)).
  kConversationCoolOff,
  // The campaign's abandon rate reached the stop level and it is dialing in a
  // mode that can abandon (parallel or predictive).
  kAbandonStop,
  // The caller ID chosen for this dial is not one of the campaign's allowed,
  // owned, call-back-capable numbers (or is empty: it may not be blocked).
  kCallerIdNotAllowed,
};

inline constexpr int kReasonCount = 17;

// The stable snake_case code, e.g. "outside_federal_window".
std::string_view ReasonCode(Reason reason);

// Inverse of ReasonCode(); nullopt for an unknown code.
std::optional<Reason> ReasonFromCode(std::string_view code);

// True iff the passage of time alone can lift the refusal (calling windows,
// holidays, Sunday bans, attempt caps, cool-off). DNC entries, blackouts,
// caller ID, abandon stop and invalid input need something else to change.
bool ClearsWithTime(Reason reason);

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_REASON_H_
