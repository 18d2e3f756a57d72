// The `dialer` program: dispatches to the subcommands registered in
// *_command.cc files (see command.h).

#include <cstdio>
#include <string_view>

#include "command.h"
#include "dialer/version.h"

namespace {

void PrintUsage(std::FILE* out) {
  std::fprintf(out,
               "usage: dialer <command> [arguments]\n"
               "       dialer --version\n\ncommands:\n");
  for (const dialer::tools::Command& command : dialer::tools::Commands()) {
    std::fprintf(out, "  %-12.*s %.*s\n", static_cast<int>(command.name.size()),
                 command.name.data(), static_cast<int>(command.help.size()),
                 command.help.data());
  }
  std::fprintf(out, "\n`dialer <command> --help` describes a command.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(stderr);
    return 2;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(stdout);
    return 0;
  }
  if (name == "--version") {
    std::printf("dialer %s\n", DIALER_VERSION_STRING);
    return 0;
  }
  const dialer::tools::Command* command = dialer::tools::FindCommand(name);
  if (command == nullptr) {
    std::fprintf(stderr, "dialer: unknown command '%s'\n\n", argv[1]);
    PrintUsage(stderr);
    return 2;
  }
  return command->run(argc - 1, argv + 1);
}
