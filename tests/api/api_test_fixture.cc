#include "api/api_test_fixture.h"

#include "testing/test_lookups.h"
#include "web/pages/site.h"

namespace vigil::api_test {

domain::Actor TestActor() {
  return {"dc.patel", "DC Sam Patel", {"investigator"}, "west_midlands", ""};
}

nlohmann::json PersonBody(const std::string& given, const std::string& family) {
  return {{"force", "west_midlands"},
          {"names", {{{"given_name", given}, {"family_name", family}, {"alias", false}}}},
          {"date_of_birth", "1990-04-01"},
          {"phones", {"07700 900123"}},
          {"emails", {"jo.bloggs@example.org"}},
          {"addresses",
           {{{"line1", "1 High Street"}, {"town", "Birmingham"}, {"postcode", "B1 1AA"}}}}};
}

nlohmann::json ReportBody(const std::string& force_reference, const std::string& principal) {
  return {{"force", "west_midlands"},
          {"force_reference", force_reference},
          {"received_at", "2026-06-01T09:30:00Z"},
          {"reporting_officer", "PC 1234 Hughes"},
          {"narrative", "Victim reports repeated unwanted messages."},
          {"principal_classification", principal},
          {"occasions",
           {{{"occurred_on", "2026-05-30"},
             {"occurred_at", "22:15"},
             {"channel", "text_message"},
             {"behaviours", {"contacting"}},
             {"summary", "Twenty messages overnight."}}}}};
}

nlohmann::json CaseBody(const std::string& title) { return {{"title", title}}; }

bool HasError(const nlohmann::json& body, const std::string& field, const std::string& code) {
  if (!body.is_object() || !body.contains("errors") || !body["errors"].is_array()) return false;
  for (const nlohmann::json& entry : body["errors"]) {
    std::string entry_field = entry.contains("field") ? entry["field"].get<std::string>() : "";
    if (entry_field == field && entry.value("code", "") == code) return true;
  }
  return false;
}

void ApiTest::SetUp() {
  clock_.Set(testing::TestNow());
  auto store = storage::sqlite::SqliteStore::Open(folder_.File("vigil.db"));
  ASSERT_TRUE(store.ok()) << store.status();
  store_ = std::move(store).value();
  services_ = std::make_unique<services::Services>(*store_, testing::TestLookups(), clock_);
  auto model = services::UntrainedPersonModel();
  ASSERT_TRUE(model.ok()) << model.status();
  auto person_index = services::PersonIndex::Load(*store_, *model);
  ASSERT_TRUE(person_index.ok()) << person_index.status();
  services_->SetPersonIndex(std::move(person_index).value());
  web::ServerOptions options;
  options.port = 0;
  options.threads = 16;
  options.max_body_bytes = kTestMaxBodyBytes;
  options.actor = TestActor();
  options.version = "9.8.7-test";
  storage::sqlite::SqliteStore* store_pointer = store_.get();
  options.store_seconds = [store_pointer] { return store_pointer->SecondsInStore(); };
  if (serve_pages_) {
    auto site = web::pages::Site::Load(".");
    ASSERT_TRUE(site.ok()) << site.status();
    options.site = std::move(site).value();
  }
  server_ = std::make_unique<web::Server>(*services_, options);
  core::Status bound = server_->Bind();
  ASSERT_TRUE(bound.ok()) << bound;
  ASSERT_GT(server_->port(), 0);
  serving_ = std::thread([this] { run_status_ = server_->Run(); });
  client_ = NewClient();
}

void ApiTest::TearDown() {
  client_.reset();
  if (server_) server_->Stop();
  if (serving_.joinable()) serving_.join();
  EXPECT_TRUE(run_status_.ok()) << run_status_;
  server_.reset();
  services_.reset();
  store_.reset();
}

std::unique_ptr<httplib::Client> ApiTest::NewClient() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  client->set_connection_timeout(10);
  client->set_read_timeout(30);
  client->set_keep_alive(true);
  return client;
}

httplib::Result ApiTest::Get(const std::string& path, const httplib::Headers& headers) {
  httplib::Result result = client_->Get(path, headers);
  EXPECT_TRUE(result) << "no response to GET " << path << ": " << result.error();
  return result;
}

httplib::Result ApiTest::Post(const std::string& path, const nlohmann::json& body) {
  return PostRaw(path, body.dump());
}

httplib::Result ApiTest::PostRaw(const std::string& path, const std::string& body,
                                 const std::string& content_type) {
  httplib::Result result = client_->Post(path, body, content_type);
  EXPECT_TRUE(result) << "no response to POST " << path << ": " << result.error();
  return result;
}

httplib::Result ApiTest::Put(const std::string& path, const nlohmann::json& body) {
  httplib::Result result = client_->Put(path, body.dump(), "application/json");
  EXPECT_TRUE(result) << "no response to PUT " << path << ": " << result.error();
  return result;
}

nlohmann::json ApiTest::BodyOf(const httplib::Result& result) {
  if (!result) return nullptr;
  nlohmann::json body = nlohmann::json::parse(result->body, nullptr, false);
  EXPECT_FALSE(body.is_discarded()) << "not JSON: " << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
  return body.is_discarded() ? nlohmann::json(nullptr) : body;
}

nlohmann::json ApiTest::CreatePerson(const nlohmann::json& body) {
  httplib::Result result = Post("/api/v1/persons", body);
  if (!result) return nullptr;
  EXPECT_EQ(result->status, 201) << result->body;
  return BodyOf(result);
}

nlohmann::json ApiTest::CreateReport(const nlohmann::json& body) {
  httplib::Result result = Post("/api/v1/reports", body);
  if (!result) return nullptr;
  EXPECT_EQ(result->status, 201) << result->body;
  return BodyOf(result);
}

nlohmann::json ApiTest::OpenCase(const nlohmann::json& body) {
  httplib::Result result = Post("/api/v1/cases", body);
  if (!result) return nullptr;
  EXPECT_EQ(result->status, 201) << result->body;
  return BodyOf(result);
}

}  // namespace vigil::api_test
