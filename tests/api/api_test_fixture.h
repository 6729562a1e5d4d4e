#pragma once
// ApiTest: a real vigil server on 127.0.0.1 (an ephemeral port) over a real
// SQLite store in a temporary directory, with a fixed clock, plus helpers
// to send requests with httplib::Client and read the JSON answers. Each
// test gets its own store and server.

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "core/clock.h"
#include "services/services.h"
#include "storage/sqlite/sqlite_store.h"
#include "testing/temp_dir.h"
#include "web/server.h"

namespace vigil::api_test {

// Request bodies larger than this get 413 in these tests.
inline constexpr std::size_t kTestMaxBodyBytes = 64 * 1024;

// The actor every request acts as: an investigator in West Midlands.
domain::Actor TestActor();

// A valid person, report and case to create through the API.
nlohmann::json PersonBody(const std::string& given = "Jo", const std::string& family = "Bloggs");
nlohmann::json ReportBody(const std::string& force_reference,
                          const std::string& principal = "harassment");
nlohmann::json CaseBody(const std::string& title = "Course of conduct against J. Bloggs");

// True when `body` has an error entry with this field and code.
bool HasError(const nlohmann::json& body, const std::string& field, const std::string& code);

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A client of the test server (its own connection).
  std::unique_ptr<httplib::Client> NewClient() const;

  // Requests on the shared client; fail the test if no response came.
  httplib::Result Get(const std::string& path, const httplib::Headers& headers = {});
  httplib::Result Post(const std::string& path, const nlohmann::json& body);
  httplib::Result PostRaw(const std::string& path, const std::string& body,
                          const std::string& content_type = "application/json");
  httplib::Result Put(const std::string& path, const nlohmann::json& body);

  // The response body as JSON (a failed expectation and null if it is not).
  static nlohmann::json BodyOf(const httplib::Result& result);

  // Create through the API and return the created record's JSON (201
  // expected).
  nlohmann::json CreatePerson(const nlohmann::json& body);
  nlohmann::json CreateReport(const nlohmann::json& body);
  nlohmann::json OpenCase(const nlohmann::json& body);

  storage::sqlite::SqliteStore& store() { return *store_; }
  const core::FakeClock& clock() const { return clock_; }

  // Set before SetUp (in a derived fixture's constructor) to serve the HTML
  // pages too, with the Site loaded from the source folder.
  bool serve_pages_ = false;
  int port() const { return server_->port(); }

 private:
  testing::TempDir folder_;
  core::FakeClock clock_{core::Timestamp{}};
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<services::Services> services_;
  std::unique_ptr<web::Server> server_;
  std::thread serving_;
  core::Status run_status_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace vigil::api_test
