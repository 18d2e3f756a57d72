#include "command.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace dialer::tools {
namespace {

// A function-local static, so registrations from other files' static
// initialisers never see it unconstructed.
std::vector<Command>& Registry() {
  static auto* registry = new std::vector<Command>();
  return *registry;
}

}  // namespace

bool RegisterCommand(std::string_view name, std::string_view help,
                     CommandFunction run) {
  std::vector<Command>& registry = Registry();
  if (FindCommand(name) != nullptr) {
    std::fprintf(stderr, "dialer: command '%.*s' registered twice\n",
                 static_cast<int>(name.size()), name.data());
    std::abort();
  }
  Command command{name, help, run};
  registry.insert(std::upper_bound(registry.begin(), registry.end(), command,
                                   [](const Command& a, const Command& b) {
                                     return a.name < b.name;
                                   }),
                  command);
  return true;
}

std::span<const Command> Commands() { return Registry(); }

const Command* FindCommand(std::string_view name) {
  for (const Command& command : Registry()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

}  // namespace dialer::tools
