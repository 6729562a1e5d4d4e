-- 0005_audit_chain: the audit log becomes a hash chain, and every entry
-- records why its decision went as it did.
--
-- Each entry carries prev_hash (the hash of the entry before it; 64 zeros
-- for the first) and hash (SHA-256 over the entry's canonical encoding,
-- docs/reference/audit.md), both lowercase hex. The store assigns ids in
-- order (previous id + 1) and computes both under the write lock.
--
-- Entries stored before this migration keep empty hashes. In the same
-- transaction as this script, vigil appends one entry with action
-- "audit.chain_start" whose prev_hash is the digest of all of them (the
-- migration step StartAuditChain in storage/sqlite/audit_repository.cc), so
-- they are covered by the chain too. ALTER TABLE does not fire the
-- append-only triggers.

ALTER TABLE audit_events ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_events ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_events ADD COLUMN hash TEXT NOT NULL DEFAULT '';
