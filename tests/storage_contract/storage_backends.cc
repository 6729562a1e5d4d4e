// The backends the contract suite runs against. To add one (PostgreSQL),
// append a StorageBackend whose `open` returns a new, empty store.

#include <utility>

#include "storage/sqlite/sqlite_store.h"
#include "storage_contract/storage_contract_fixture.h"

namespace vigil::storage_contract {

std::vector<StorageBackend> StorageBackends() {
  std::vector<StorageBackend> backends;
  backends.push_back(
      {"Sqlite", [](const std::string& directory) -> core::Result<std::unique_ptr<storage::Store>> {
         VIGIL_ASSIGN_OR_RETURN(std::unique_ptr<storage::sqlite::SqliteStore> store,
                                storage::sqlite::SqliteStore::Open(directory + "/vigil.db"));
         return std::unique_ptr<storage::Store>(std::move(store));
       }});
  return backends;
}

}  // namespace vigil::storage_contract
