// The dispositions a campaign accepts: the standard set of the domain brief,
// the system codes the engine applies on its own, and the campaign's custom
// codes. Each says whether it ends the contact's life in the campaign and
// what automation it triggers; Validate() checks an agent's input against
// it.
//
// Immutable after construction: safe to share.
#ifndef DIALER_DISPOSITIONS_DISPOSITION_SET_H_
#define DIALER_DISPOSITIONS_DISPOSITION_SET_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "dialer/config.h"
#include "dialer/engine.h"

namespace dialer::dispositions {

// What happens to the contact after a disposition.
enum class Automation {
  kRetry,         // back in the queue by the retry rules
  kCallback,      // back in the queue at the promised time, callback class
  kTerminal,      // never called again in this campaign
  kDoNotCall,     // internal DNC in every campaign, then terminal
  kTryAlternate,  // this number is wrong or dead: next number, else terminal
};

struct Definition {
  std::string code;
  std::string description;
  Automation automation = Automation::kRetry;
  bool agent_selectable = true;  // false: only the engine applies it
  bool conversation = false;     // the agent spoke with someone
  std::vector<std::string> required_fields;
  absl::Duration retry_after = absl::ZeroDuration();  // custom: 0 = rules
};

class DispositionSet {
 public:
  // Standard + system codes + the campaign's custom dispositions.
  // REQUIRES: config.Validate() is OK (codes are unique).
  explicit DispositionSet(const CampaignConfig& config);

  // nullptr for an unknown code.
  const Definition* Find(std::string_view code) const;

  // Checks an agent's disposition: known and agent-selectable code, required
  // fields present, a callback time after `now`. The message names the
  // code and the missing field.
  absl::StatusOr<const Definition*> Validate(const DispositionInput& input,
                                             absl::Time now) const;

  const std::vector<Definition>& all() const { return definitions_; }

 private:
  std::vector<Definition> definitions_;
  absl::flat_hash_map<std::string, size_t> by_code_;
};

// The standard set of the domain brief plus the engine's system codes
// ("failed", "abandoned", "canceled", "skipped", "wrap_up_expired",
// "machine").
const std::vector<Definition>& StandardDefinitions();

}  // namespace dialer::dispositions

#endif  // DIALER_DISPOSITIONS_DISPOSITION_SET_H_
