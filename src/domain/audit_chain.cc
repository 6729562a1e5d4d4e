#include "domain/audit_chain.h"

#include <sodium.h>

#include <array>
#include <utility>

namespace vigil::domain {
namespace {

constexpr std::string_view kEventTag = "vigil.audit_event.v1";
constexpr std::string_view kLegacyTag = "vigil.audit_legacy.v1";

void AppendField(std::string& out, std::string_view value) {
  std::uint64_t size = value.size();
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((size >> shift) & 0xff));
  }
  out.append(value);
}

void AppendField(std::string& out, std::int64_t value) { AppendField(out, std::to_string(value)); }

std::string Hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(size * 2, '0');
  for (std::size_t i = 0; i < size; ++i) {
    hex[2 * i] = kDigits[bytes[i] >> 4];
    hex[2 * i + 1] = kDigits[bytes[i] & 0x0f];
  }
  return hex;
}

void EnsureSodium() {
  static const bool initialised = sodium_init() >= 0;
  (void)initialised;
}

void Update(crypto_hash_sha256_state& state, std::string_view bytes) {
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()),
                            bytes.size());
}

}  // namespace

std::string AuditEventEncoding(const AuditEvent& event) {
  std::string out;
  out.reserve(256 + event.user_id.size() + event.roles.size() + event.reason.size());
  AppendField(out, kEventTag);
  AppendField(out, event.id.value);
  AppendField(out, static_cast<std::int64_t>(event.at.time_since_epoch().count()));
  AppendField(out, event.user_id);
  AppendField(out, event.roles);
  AppendField(out, event.force);
  AppendField(out, event.agency);
  AppendField(out, event.action);
  AppendField(out, event.record_type);
  AppendField(out, event.record_id);
  AppendField(out, event.purpose);
  AppendField(out, event.outcome);
  AppendField(out, event.request_id);
  AppendField(out, event.reason);
  AppendField(out, event.prev_hash);
  return out;
}

std::string AuditEventHash(const AuditEvent& event) {
  EnsureSodium();
  std::string encoding = AuditEventEncoding(event);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(encoding.data()),
                     encoding.size());
  return Hex(digest.data(), digest.size());
}

bool IsAuditHash(std::string_view text) {
  if (text.size() != 2 * crypto_hash_sha256_BYTES) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

LegacyAuditDigest::LegacyAuditDigest() {
  EnsureSodium();
  crypto_hash_sha256_init(&state_);
  std::string tag;
  AppendField(tag, kLegacyTag);
  Update(state_, tag);
}

void LegacyAuditDigest::Add(const AuditEvent& event) {
  Update(state_, AuditEventEncoding(event));
  ++count_;
}

std::string LegacyAuditDigest::Hex() const {
  crypto_hash_sha256_state copy = state_;
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&copy, digest.data());
  return vigil::domain::Hex(digest.data(), digest.size());
}

AuditChainVerifier::AuditChainVerifier(std::vector<AuditCheckpoint> checkpoints)
    : checkpoints_(std::move(checkpoints)) {}

bool AuditChainVerifier::Fail(AuditEventId id, std::string what) {
  report_.problem = AuditChainProblem{id, std::move(what)};
  return false;
}

bool AuditChainVerifier::Add(const AuditEvent& event) {
  if (report_.problem) return false;
  const std::string id = event.id.ToString();
  if (event.id.value <= last_id_) {
    return Fail(event.id,
                "entry " + id + " is out of order (after entry " + std::to_string(last_id_) + ")");
  }
  if (event.hash.empty() && event.prev_hash.empty()) {
    if (report_.head_id.assigned()) {
      return Fail(event.id, "entry " + id +
                                " has no hash but comes after chained entries: it was added"
                                " outside vigil, or its hash was removed");
    }
    legacy_.Add(event);
    ++report_.entries;
    ++report_.legacy_entries;
    last_id_ = event.id.value;
    return true;
  }
  if (!CheckChained(event)) return false;
  ++report_.entries;
  last_id_ = event.id.value;
  report_.head_id = event.id;
  report_.head_hash = event.hash;
  return true;
}

bool AuditChainVerifier::CheckChained(const AuditEvent& event) {
  const std::string id = event.id.ToString();
  if (!IsAuditHash(event.hash) || !IsAuditHash(event.prev_hash)) {
    return Fail(event.id, "entry " + id + " has a malformed hash or prev_hash");
  }
  if (last_id_ != 0 && event.id.value != last_id_ + 1) {
    std::string missing = event.id.value == last_id_ + 2
                              ? "entry " + std::to_string(last_id_ + 1) + " is"
                              : "entries " + std::to_string(last_id_ + 1) + " to " +
                                    std::to_string(event.id.value - 1) + " are";
    return Fail(event.id, "entry " + id + " follows entry " + std::to_string(last_id_) + ": " +
                              missing + " missing (deleted)");
  }
  if (AuditEventHash(event) != event.hash) {
    return Fail(event.id, "entry " + id +
                              " does not match its hash: its contents or its position were"
                              " changed");
  }
  if (report_.head_id.assigned()) {
    if (event.prev_hash != report_.head_hash) {
      return Fail(event.id, "entry " + id + " does not link to entry " +
                                report_.head_id.ToString() +
                                " (its prev_hash is not that entry's hash): an entry was"
                                " inserted, replaced or moved");
    }
  } else if (legacy_.count() > 0) {
    if (event.prev_hash != legacy_.Hex()) {
      return Fail(event.id, "entry " + id + " starts the chain over the " +
                                std::to_string(legacy_.count()) +
                                " earlier entries, but they no longer match its prev_hash: one"
                                " of them was changed, removed, added or moved");
    }
  } else if (event.prev_hash != kAuditGenesisHash) {
    return Fail(event.id, "entry " + id +
                              " is the first entry but does not start the chain (its prev_hash"
                              " is not the genesis value): earlier entries were deleted");
  }
  for (const AuditCheckpoint& checkpoint : checkpoints_) {
    if (checkpoint.id == event.id && checkpoint.hash != event.hash) {
      return Fail(event.id, "entry " + id + " does not match the checkpoint (" + checkpoint.hash +
                                "): the log was rewritten from here on or"
                                " before");
    }
  }
  return true;
}

AuditChainReport AuditChainVerifier::Finish() {
  if (!report_.problem) {
    for (const AuditCheckpoint& checkpoint : checkpoints_) {
      if (checkpoint.id.value > last_id_) {
        Fail(checkpoint.id, "entry " + checkpoint.id.ToString() +
                                " of the checkpoint is missing: the end of the log was cut off"
                                " after entry " +
                                std::to_string(last_id_));
        break;
      }
    }
  }
  return report_;
}

}  // namespace vigil::domain
