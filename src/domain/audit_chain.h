#pragma once
// The audit log's hash chain (docs/reference/audit.md). Every entry's hash is
// SHA-256 over a canonical encoding of all its fields and the hash of the
// entry before it, so changing, removing, adding or moving any entry breaks
// the chain from that entry on. Entries stored before the chain existed are
// covered as a block: the first chained entry (action
// kAuditChainStartAction) takes as its prev_hash the digest of all of them.
// Pure computation (libsodium's crypto_hash_sha256), thread-safe.

#include <sodium/crypto_hash_sha256.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit_event.h"

namespace vigil::domain {

// The prev_hash of the first entry of a chain with no earlier entries.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
// The action of the entry that starts the chain over earlier, unchained
// entries.
inline constexpr std::string_view kAuditChainStartAction = "audit.chain_start";

// The canonical encoding of `event` that its hash covers: a tag and then
// every field, each as an 8-byte big-endian length followed by its bytes
// (integers and times as decimal text): "vigil.audit_event.v1", id, at (Unix
// seconds), user_id, roles, force, agency, action, record_type, record_id,
// purpose, outcome, request_id, reason, prev_hash. `event.hash` is not part
// of it.
std::string AuditEventEncoding(const AuditEvent& event);

// Lowercase hex SHA-256 of AuditEventEncoding(event).
std::string AuditEventHash(const AuditEvent& event);

// True when `text` is 64 lowercase hexadecimal digits.
bool IsAuditHash(std::string_view text);

// The digest of the entries stored before the chain existed (those with an
// empty hash), fed in id order: SHA-256 over the field "vigil.audit_legacy.v1"
// followed by each entry's AuditEventEncoding. Not thread-safe.
class LegacyAuditDigest {
 public:
  LegacyAuditDigest();
  void Add(const AuditEvent& event);
  std::int64_t count() const { return count_; }
  // Lowercase hex; the digest of the entries added so far.
  std::string Hex() const;

 private:
  crypto_hash_sha256_state state_;
  std::int64_t count_ = 0;
};

// A checkpoint: the hash entry `id` had when it was recorded outside the
// store (from an earlier verify, or an export). Guards against the end of
// the log being cut off, which the chain alone cannot show.
struct AuditCheckpoint {
  AuditEventId id;
  std::string hash;
};

// The first bad entry: its id and what is wrong, in plain English.
struct AuditChainProblem {
  AuditEventId id;
  std::string what;
};

struct AuditChainReport {
  std::int64_t entries = 0;         // Entries read, up to the first problem.
  std::int64_t legacy_entries = 0;  // Of which stored before the chain.
  AuditEventId head_id;             // The last good chained entry.
  std::string head_hash;
  std::optional<AuditChainProblem> problem;  // Empty when the chain is intact.
};

// Walks a log entry by entry, in id order, and finds the first bad entry.
// Not thread-safe.
class AuditChainVerifier {
 public:
  explicit AuditChainVerifier(std::vector<AuditCheckpoint> checkpoints = {});

  // Checks the next entry. Returns false once a problem has been found
  // (further entries are ignored).
  bool Add(const AuditEvent& event);
  // The outcome; also checks that every checkpoint was reached.
  AuditChainReport Finish();

 private:
  bool Fail(AuditEventId id, std::string what);
  bool CheckChained(const AuditEvent& event);

  std::vector<AuditCheckpoint> checkpoints_;
  LegacyAuditDigest legacy_;
  AuditChainReport report_;
  std::int64_t last_id_ = 0;  // Last entry seen, chained or not.
};

}  // namespace vigil::domain
