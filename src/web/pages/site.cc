#include "web/pages/site.h"

#include <openssl/evp.h>

#include "web/error_mapping.h"

namespace vigil::web::pages {
namespace {

constexpr std::string_view kTemplatesFolder = "src/web/pages/templates";

struct NavigationItem {
  Section section;
  std::string_view href;
  std::string_view text;
};

constexpr NavigationItem kNavigation[] = {
    {Section::kHome, "/", "Home"},
    {Section::kReports, "/reports", "Reports"},
    {Section::kCases, "/cases", "Cases"},
    {Section::kPersons, "/persons", "People"},
};

std::string Base64Sha256(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  unsigned char encoded[2 * EVP_MAX_MD_SIZE];
  int written = EVP_EncodeBlock(encoded, digest, static_cast<int>(length));
  return std::string(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(written));
}

std::string ContentSecurityPolicy(const std::vector<std::string>& script_hashes) {
  std::string scripts = "'self'";
  for (const std::string& hash : script_hashes) scripts += " " + hash;
  return "default-src 'self'; script-src " + scripts +
         "; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
         "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}

}  // namespace

std::vector<std::string> InlineScriptHashes(std::string_view html) {
  std::vector<std::string> hashes;
  std::size_t position = 0;
  while (true) {
    std::size_t open = html.find("<script", position);
    if (open == std::string_view::npos) break;
    std::size_t tag_end = html.find('>', open);
    if (tag_end == std::string_view::npos) break;
    std::size_t close = html.find("</script>", tag_end);
    if (close == std::string_view::npos) break;
    std::string_view tag = html.substr(open, tag_end - open);
    if (tag.find(" src=") == std::string_view::npos) {
      hashes.push_back("'sha256-" + Base64Sha256(html.substr(tag_end + 1, close - tag_end - 1)) +
                       "'");
    }
    position = close;
  }
  return hashes;
}

Site::Site(AssetCatalogue assets, TemplateSet templates, std::vector<std::string> script_hashes)
    : assets_(std::move(assets)), templates_(std::move(templates)) {
  security_headers_ = {
      {"Content-Security-Policy", ContentSecurityPolicy(script_hashes)},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cache-Control", "no-store"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
  };
  asset_urls_ = mstch::map{
      {"govuk_css", assets_.UrlFor("govuk-frontend.min.css")},
      {"moj_css", assets_.UrlFor("moj-frontend.min.css")},
      {"vigil_css", assets_.UrlFor("vigil.css")},
      {"govuk_js", assets_.UrlFor("govuk-frontend.min.js")},
      {"moj_js", assets_.UrlFor("moj-frontend.min.js")},
      {"vigil_js", assets_.UrlFor("vigil.js")},
      {"favicon_ico", assets_.UrlFor("images/favicon.ico")},
      {"favicon_svg", assets_.UrlFor("images/favicon.svg")},
      {"icon_180", assets_.UrlFor("images/govuk-icon-180.png")},
  };
}

core::Result<std::shared_ptr<const Site>> Site::Load(const std::string& root) {
  VIGIL_ASSIGN_OR_RETURN(AssetCatalogue assets, AssetCatalogue::Load(root));
  std::string folder =
      root.empty() ? std::string(kTemplatesFolder) : root + "/" + std::string(kTemplatesFolder);
  VIGIL_ASSIGN_OR_RETURN(TemplateSet templates, TemplateSet::Load(folder));
  return Build(std::move(assets), std::move(templates));
}

core::Result<std::shared_ptr<const Site>> Site::Build(AssetCatalogue assets,
                                                      TemplateSet templates) {
  for (std::string_view name :
       {"vigil.css", "vigil.js", "govuk-frontend.min.css", "moj-frontend.min.css",
        "govuk-frontend.min.js", "moj-frontend.min.js", "images/favicon.ico", "images/favicon.svg",
        "images/govuk-icon-180.png"}) {
    if (assets.assets().count(name) == 0) {
      return core::NotFound("web assets: " + std::string(name) + " is missing");
    }
  }
  for (std::string_view name : {"layout_start", "layout_end", "error"}) {
    if (!templates.Has(name)) {
      return core::NotFound("page templates: " + std::string(name) + ".mustache is missing");
    }
  }
  std::vector<std::string> hashes;
  for (std::string_view name : {"layout_start", "layout_end"}) {
    for (std::string& hash : InlineScriptHashes(templates.Text(name))) {
      hashes.push_back(std::move(hash));
    }
  }
  return std::shared_ptr<const Site>(
      new Site(std::move(assets), std::move(templates), std::move(hashes)));
}

Response Site::Render(int status, std::string_view name, std::string_view title, Section section,
                      mstch::map context, const services::Caller& caller) const {
  mstch::array navigation;
  for (const NavigationItem& item : kNavigation) {
    navigation.push_back(mstch::map{{"href", std::string(item.href)},
                                    {"text", std::string(item.text)},
                                    {"current", item.section == section}});
  }
  std::string roles;
  for (const std::string& role : caller.actor.roles) {
    std::string label = role;
    for (char& c : label) c = c == '_' ? ' ' : c;
    if (!label.empty())
      label[0] = static_cast<char>(label[0] - ('a' <= label[0] && label[0] <= 'z' ? 32 : 0));
    roles += (roles.empty() ? "" : ", ") + label;
  }
  context.emplace("layout", mstch::map{{"title", std::string(title)},
                                       {"assets", asset_urls_},
                                       {"navigation", std::move(navigation)},
                                       {"user_name", caller.actor.display_name},
                                       {"user_roles", roles},
                                       {"request_id", caller.request_id}});
  Response response;
  response.status = status;
  response.content_type = std::string(kHtmlContentType);
  response.body = templates_.Render(name, context);
  response.headers = security_headers_;
  return response;
}

Response Site::ErrorPage(const core::Status& status, const services::Caller& caller) const {
  int http_status = HttpStatusFor(status.code());
  std::string title = "Sorry, there is a problem with the service";
  std::string message = "Try again later. If the problem continues, quote reference " +
                        caller.request_id + " to the service desk.";
  switch (status.code()) {
    case core::StatusCode::kNotFound:
      title = "Page not found";
      message = status.message();
      break;
    case core::StatusCode::kPermissionDenied:
      title = "You do not have permission to see this";
      message = status.message();
      break;
    case core::StatusCode::kConflict:
      title = "Someone else changed this record";
      message = "Go back and reload the page to see their changes.";
      break;
    case core::StatusCode::kInvalidArgument:
    case core::StatusCode::kMalformed:
      title = "There is a problem with the address";
      message = status.message();
      break;
    case core::StatusCode::kUnavailable:
      title = "Sorry, the service is busy";
      message = "Try again in a few moments.";
      break;
    default:
      break;
  }
  if (http_status >= 500) MapStatus(status, caller.request_id);  // Logs the internal message.
  return Render(http_status, "error", title, Section::kNone,
                mstch::map{{"heading", title}, {"message", message}}, caller);
}

}  // namespace vigil::web::pages
