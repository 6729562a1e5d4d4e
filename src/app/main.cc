// The `vigil` command: see app/cli.h.

#include <iostream>

#include "app/cli.h"

int main(int argc, char** argv) {
  vigil::app::CommandIo io{std::cin, std::cout, std::cerr};
  return vigil::app::RunCli(argc, argv, io);
}
