// Subcommands of the `dialer` program.
//
// Each subcommand lives in tools/dialer/<name>_command.cc, defines
//   int Run<Name>Command(int argc, char** argv);
// and registers itself at namespace scope with
//   DIALER_REGISTER_COMMAND("<name>", "<one-line help>", Run<Name>Command);
// tools/dialer/CMakeLists.txt compiles every *_command.cc into the program, so
// adding a subcommand needs no other edit.
//
// `dialer <name> args...` calls the command with argv[0] == "<name>" and the
// remaining arguments after it; the command's return value is the exit status
// (0 success, 1 failure, 2 usage error, by convention).
//
// Thread-safety: registration happens during static initialisation, before
// main(); the registry is read-only afterwards.

#ifndef DIALER_TOOLS_DIALER_COMMAND_H_
#define DIALER_TOOLS_DIALER_COMMAND_H_

#include <span>
#include <string_view>

namespace dialer::tools {

using CommandFunction = int (*)(int argc, char** argv);

struct Command {
  std::string_view name;
  std::string_view help;
  CommandFunction run;
};

// Adds a command. REQUIRES: `name` is not registered yet; `name` and `help`
// outlive the program (string literals). Returns true, so that it can
// initialise a namespace-scope constant.
bool RegisterCommand(std::string_view name, std::string_view help,
                     CommandFunction run);

// The registered commands, sorted by name.
std::span<const Command> Commands();

// The command called `name`, or nullptr.
const Command* FindCommand(std::string_view name);

}  // namespace dialer::tools

#define DIALER_REGISTER_COMMAND(name, help, function)           \
  [[maybe_unused]] static const bool dialer_registered_##function = \
      ::dialer::tools::RegisterCommand(name, help, function)

#endif  // DIALER_TOOLS_DIALER_COMMAND_H_
