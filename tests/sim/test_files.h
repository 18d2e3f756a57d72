// Reads files of the source tree in tests (DIALER_SOURCE_DIR comes from the
// build). A missing file fails the current test and reads as "".
#ifndef DIALER_TESTS_SIM_TEST_FILES_H_
#define DIALER_TESTS_SIM_TEST_FILES_H_

#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace dialer {

inline std::string ReadSourceFile(const std::string& relative) {
  const std::string path = std::string(DIALER_SOURCE_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace dialer

#endif  // DIALER_TESTS_SIM_TEST_FILES_H_
