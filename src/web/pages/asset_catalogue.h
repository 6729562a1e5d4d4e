#pragma once
// AssetCatalogue: the front-end files vigil serves itself (GOV.UK Frontend
// and MOJ Frontend CSS, JavaScript, fonts and images from their npm
// packages, and vigil's own pages/static files), each under a fingerprinted
// name that changes whenever its content does:
//   /assets/<stem>-<first 12 hex digits of the SHA-256 of the content>.<ext>
// so responses can be cached for a year as immutable. Stylesheets are held
// in memory with their url(/assets/...) references rewritten to the
// fingerprinted names; every other file is streamed from disk in chunks.
// Loaded once at start; immutable afterwards, so safe to share between
// threads.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace vigil::web::pages {

// One servable file.
struct Asset {
  std::string logical_name;  // e.g. "govuk-frontend.min.css", "fonts/bold-b542beb274-v2.woff2".
  std::string url;           // Fingerprinted, e.g. "/assets/govuk-frontend.min-3f2a9c1d0b4e.css".
  std::string content_type;  // e.g. "text/css; charset=utf-8".
  std::string disk_path;     // Streamed from here when `content` is empty.
  std::string content;       // Held in memory (rewritten stylesheets).
  std::size_t size = 0;      // Bytes served.
};

class AssetCatalogue {
 public:
  // Loads the assets under `root`, the vigil folder holding node_modules/
  // (installed by scripts/bootstrap) and src/web/pages/static/. kNotFound
  // naming the missing file (and how to install it) when a package or file
  // is absent; kUnavailable when a file cannot be read.
  static core::Result<AssetCatalogue> Load(const std::string& root);

  // The fingerprinted url of `logical_name`; aborts when it is not in the
  // catalogue (a programmer error: templates name a fixed set of files).
  const std::string& UrlFor(std::string_view logical_name) const;
  // The asset served at `url` (a request path), or nullptr.
  const Asset* Find(std::string_view url) const;
  // Every asset, by logical name.
  const std::map<std::string, Asset, std::less<>>& assets() const { return by_name_; }

 private:
  std::map<std::string, Asset, std::less<>> by_name_;
  std::map<std::string, std::string, std::less<>> name_by_url_;
};

// The first 12 hex digits of the SHA-256 of `content`.
std::string Fingerprint(std::string_view content);

// The content type vigil serves a file of `path`'s extension with.
std::string ContentTypeFor(std::string_view path);

}  // namespace vigil::web::pages
