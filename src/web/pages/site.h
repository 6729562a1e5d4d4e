#pragma once
// Site: everything the HTML pages share, loaded once when `vigil serve`
// starts: the fingerprinted front-end assets, the checked Mustache
// templates, and the security headers every page carries (a
// Content-Security-Policy that allows no inline script but the layout's own,
// by hash; frame-ancestors 'none'; nosniff; a strict referrer policy). It
// renders a page template inside the GOV.UK layout (header, service
// navigation, phase banner, MOJ identity bar, footer). Immutable after Load;
// thread-safe.

#include <memory>
#include <mstch/mstch.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "services/services.h"
#include "web/pages/asset_catalogue.h"
#include "web/pages/template_set.h"
#include "web/router.h"

namespace vigil::web::pages {

inline constexpr std::string_view kHtmlContentType = "text/html; charset=utf-8";

// The sections of the service navigation; a page names the one it is in.
enum class Section { kNone, kHome, kReports, kCases, kPersons };

class Site {
 public:
  // Loads the assets under `root` (the vigil folder holding node_modules/
  // and src/web/pages/) and the templates in root/src/web/pages/templates.
  // Fails with the loaders' statuses (a missing package, a broken template).
  static core::Result<std::shared_ptr<const Site>> Load(const std::string& root);
  // As Load, with templates given as texts (tests).
  static core::Result<std::shared_ptr<const Site>> Build(AssetCatalogue assets,
                                                         TemplateSet templates);

  const AssetCatalogue& assets() const { return assets_; }
  const TemplateSet& templates() const { return templates_; }
  // Headers every HTML response carries.
  const std::vector<std::pair<std::string, std::string>>& security_headers() const {
    return security_headers_;
  }

  // An HTML response: template `name` rendered with `context` plus the
  // layout's values (title "<title> – vigil", asset urls, navigation with
  // `section` current, who is signed in as `caller`).
  Response Render(int status, std::string_view name, std::string_view title, Section section,
                  mstch::map context, const services::Caller& caller) const;

  // The page for a failed use case: 404 "Page not found", 403 "You do not
  // have permission", 409 "Someone else changed this", 503, and 500 quoting
  // the request id (internal messages never reach the page).
  Response ErrorPage(const core::Status& status, const services::Caller& caller) const;

 private:
  Site(AssetCatalogue assets, TemplateSet templates, std::vector<std::string> script_hashes);

  AssetCatalogue assets_;
  TemplateSet templates_;
  std::vector<std::pair<std::string, std::string>> security_headers_;
  mstch::map asset_urls_;
};

// The base64 SHA-256 of every inline <script> (one without src) in `html`,
// as CSP sources ("'sha256-...'").
std::vector<std::string> InlineScriptHashes(std::string_view html);

}  // namespace vigil::web::pages
