#include "app/command_support.h"

#include <filesystem>
#include <ostream>
#include <system_error>

#include "domain/access.h"

namespace vigil::app {

int ExitCodeFor(const core::Status& status) {
  if (status.ok()) return kExitOk;
  bool bad_input = status.code() == core::StatusCode::kInvalidArgument ||
                   status.code() == core::StatusCode::kMalformed;
  return bad_input ? kExitBadInput : kExitFailure;
}

void PrintFailure(std::ostream& err, const core::Status& status) {
  if (status.field_errors().empty()) {
    err << "vigil: " << status.message() << "\n";
    return;
  }
  for (const core::FieldError& error : status.field_errors()) {
    err << (error.field.empty() ? std::string("vigil") : error.field) << ": " << error.message
        << "\n";
  }
}

core::Result<std::unique_ptr<storage::sqlite::SqliteStore>> OpenStore(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
      return core::Unavailable("cannot create the folder " + folder.string() + ": " +
                               error.message());
    }
  }
  return storage::sqlite::SqliteStore::Open(path);
}

domain::Actor OperatorActor() {
  domain::Actor actor;
  actor.user_id = "vigil-cli";
  actor.display_name = "vigil command-line tools";
  actor.roles = {std::string(domain::kSystemRole)};
  return actor;
}

services::Caller OperatorCaller(const std::string& command) {
  return services::Caller{OperatorActor(), "cli-" + command, "operator " + command};
}

domain::Actor DemoActor() {
  domain::Actor actor;
  actor.user_id = "demo.investigator";
  actor.display_name = "DC Sam Patel";
  actor.roles = {"investigator", "stalking_lead"};
  actor.force = "west_midlands";
  return actor;
}

}  // namespace vigil::app
