#include "app/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <functional>
#include <ostream>
#include <thread>

#include "app/config_loader.h"
#include "app/version.h"
#include "core/clock.h"
#include "services/person_index.h"
#include "services/services.h"
#include "web/pages/site.h"
#include "web/server.h"

namespace vigil::app {
namespace {

core::Status BadListen(const std::string& message) {
  return core::InvalidArgument("bad --listen value", {{"--listen", "invalid_value", message}});
}

// Routes SIGINT and SIGTERM to Server::Stop and SIGHUP to a reload of the
// screening rules. Construction blocks the three signals in the calling
// thread, so every thread started afterwards (the store's, the server's
// workers) inherits the block; Watch() then waits for them on a thread of
// its own with sigwait. A signal that arrives before Watch() stays pending
// and is taken at once. Finish() wakes the waiting thread if no stop signal
// came and joins it; the destructor also restores the mask.
class ServeSignals {
 public:
  ServeSignals() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_mask_);
  }

  ~ServeSignals() {
    Finish();
    pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
  }

  // Ends the watch: after this the server is never touched again, so it may
  // be destroyed. Idempotent.
  void Finish() {
    finished_.store(true);
    if (thread_.joinable()) {
      if (signalled_.load() == 0) pthread_kill(thread_.native_handle(), SIGTERM);
      thread_.join();
    }
  }

  ServeSignals(const ServeSignals&) = delete;
  ServeSignals& operator=(const ServeSignals&) = delete;

  // Stops `server` on the first SIGINT or SIGTERM; calls `reload` on each
  // SIGHUP until then. Call once.
  void Watch(web::Server& server, std::function<void()> reload) {
    thread_ = std::thread([this, &server, reload = std::move(reload)] {
      while (true) {
        int received = 0;
        sigwait(&signals_, &received);
        if (finished_.load()) return;
        if (received == SIGHUP) {
          reload();
          continue;
        }
        signalled_.store(received);
        server.Stop();
        return;
      }
    });
  }

  // The signal that stopped the server, or 0.
  int signalled() const { return signalled_.load(); }

 private:
  sigset_t signals_;
  sigset_t previous_mask_;
  std::atomic<bool> finished_{false};
  std::atomic<int> signalled_{0};
  std::thread thread_;
};

std::string RolesAndForce(const domain::Actor& actor, const domain::Lookups& lookups) {
  std::string text;
  for (const std::string& role : actor.roles) text += (text.empty() ? "" : ", ") + role;
  return text + ", " + lookups.ForceLabel(actor.force);
}

}  // namespace

core::Result<ListenAddress> ParseListenAddress(const std::string& text) {
  ListenAddress address;
  std::size_t colon = text.rfind(':');
  if (colon == std::string::npos) return BadListen("'" + text + "' must be HOST:PORT");
  address.host = text.substr(0, colon);
  if (address.host.size() >= 2 && address.host.front() == '[' && address.host.back() == ']') {
    address.host = address.host.substr(1, address.host.size() - 2);
  }
  if (address.host.empty()) return BadListen("'" + text + "' has no host");
  std::string port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
    return BadListen("'" + port + "' is not a port number (0 to 65535)");
  }
  address.port = std::stoi(port);
  return address;
}

CLI::App* AddServeCommand(CLI::App& app, ServeOptions& options) {
  CLI::App* command =
      app.add_subcommand("serve", "Serve the web pages and the JSON API until stopped (Ctrl+C)");
  command->add_option("--db", options.db, "SQLite database file (created if missing)")
      ->capture_default_str();
  command->add_option("--listen", options.listen, "Address to listen on, HOST:PORT")
      ->capture_default_str();
  command->add_option("--config", options.config, "Configuration folder")->capture_default_str();
  command
      ->add_option("--assets", options.assets,
                   "vigil folder with node_modules/ and src/web/pages/ (the web pages' "
                   "templates and assets)")
      ->capture_default_str();
  command->add_option("--threads", options.threads,
                      "Worker threads, one per open connection (default 256)");
  return command;
}

int RunServe(const ServeOptions& options, CommandIo& io) {
  core::Result<ListenAddress> address = ParseListenAddress(options.listen);
  if (!address.ok()) {
    PrintFailure(io.err, address.status());
    return kExitBadInput;
  }
  core::Result<AppConfig> config = LoadConfig(options.config);
  if (!config.ok()) {
    PrintFailure(io.err, config.status());
    return kExitBadInput;
  }
  core::Result<std::shared_ptr<const web::pages::Site>> site =
      web::pages::Site::Load(options.assets);
  if (!site.ok()) {
    PrintFailure(io.err, site.status());
    return kExitBadInput;
  }
  ServeSignals signals;  // Before any thread starts.
  auto store = OpenStore(options.db);
  if (!store.ok()) {
    PrintFailure(io.err, store.status());
    return ExitCodeFor(store.status());
  }
  core::SystemClock clock;
  const domain::Lookups& lookups = config->lookups;
  std::string config_dir = options.config;
  services::ScreeningRules rules(config->screening, [config_dir, &lookups] {
    return LoadScreeningEngine(config_dir, lookups);
  });
  services::Services services(**store, config->lookups, clock, rules);
  services.SetOrderConfig(config->orders);
  // The person index holds every stored person, scored with the default
  // person model until a trained one is available.
  core::Result<linkage::Model> person_model = services::UntrainedPersonModel();
  if (!person_model.ok()) {
    PrintFailure(io.err, person_model.status());
    return kExitFailure;
  }
  auto person_index = services::PersonIndex::Load(**store, std::move(person_model).value(), {}, 2);
  if (!person_index.ok()) {
    PrintFailure(io.err, person_index.status());
    return ExitCodeFor(person_index.status());
  }
  services.SetPersonIndex(std::move(person_index).value());
  web::ServerOptions server_options;
  server_options.host = address->host;
  server_options.port = address->port;
  if (options.threads > 0) server_options.threads = options.threads;
  server_options.actor = DemoActor();
  server_options.version = std::string(VersionString());
  storage::sqlite::SqliteStore& sqlite = **store;
  server_options.store_seconds = [&sqlite] { return sqlite.SecondsInStore(); };
  server_options.site = *site;

  web::Server server(services, server_options);
  core::Status bound = server.Bind();
  if (!bound.ok()) {
    PrintFailure(io.err, bound);
    return kExitFailure;
  }
  const domain::Actor& actor = server_options.actor;
  std::string host =
      address->host.find(':') != std::string::npos ? "[" + address->host + "]" : address->host;
  io.out << "vigil " << VersionString() << " is serving " << options.db << " at http://" << host
         << ":" << server.port() << "/\n"
         << "Signed in automatically as the demo user " << actor.display_name << " ("
         << RolesAndForce(actor, config->lookups) << ").\n"
         << "Screening rules " << config->screening->rules_version() << " from " << options.config
         << "/screening (send SIGHUP to reload them).\n"
         << "Press Ctrl+C to stop." << std::endl;

  signals.Watch(server, [&services, &io] {
    // The operator's own signal: reloaded as the system actor, audited.
    core::Result<std::string> version =
        services.ReloadScreeningRules(OperatorCaller("reload-rules"));
    if (version.ok()) {
      io.out << "Screening rules reloaded: " << *version << std::endl;
    } else {
      io.err << "Screening rules not reloaded; the previous rules stay in force.\n";
      PrintFailure(io.err, version.status());
      io.err.flush();
    }
  });
  core::Status ran = server.Run();
  signals.Finish();
  if (!ran.ok()) {
    PrintFailure(io.err, ran);
    return kExitFailure;
  }
  io.out << "Stopped" << (signals.signalled() == SIGINT ? " (interrupted)" : "") << "."
         << std::endl;
  return kExitOk;
}

}  // namespace vigil::app
