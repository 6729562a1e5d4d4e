#include "web/pages/asset_catalogue.h"

#include <openssl/evp.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/check.h"

namespace vigil::web::pages {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kGovukDist = "node_modules/govuk-frontend/dist/govuk";
constexpr std::string_view kMojDist = "node_modules/@ministryofjustice/frontend/moj";
constexpr std::string_view kOwnStatic = "src/web/pages/static";

// A file to serve: its logical name and where it is below the root.
struct Source {
  std::string logical_name;
  fs::path path;
};

core::Result<std::string> ReadWhole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Unavailable("cannot read web asset " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return core::Unavailable("cannot read web asset " + path.string());
  return content.str();
}

std::string FingerprintedUrl(std::string_view logical_name, const std::string& fingerprint) {
  std::string_view base = logical_name.substr(logical_name.rfind('/') + 1);
  std::size_t dot = base.rfind('.');
  std::string stem(base.substr(0, dot));
  std::string extension(dot == std::string_view::npos ? "" : base.substr(dot));
  return "/assets/" + stem + "-" + fingerprint + extension;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Replaces every url(/assets/<logical name>) in `css` with the asset's
// fingerprinted url. kNotFound when the stylesheet names a file the
// catalogue does not hold.
core::Status RewriteUrls(std::string& css, const std::string& css_name,
                         const std::map<std::string, Asset, std::less<>>& assets) {
  constexpr std::string_view kOpen = "url(/assets/";
  std::string out;
  out.reserve(css.size());
  std::size_t position = 0;
  while (true) {
    std::size_t found = css.find(kOpen, position);
    if (found == std::string::npos) break;
    std::size_t close = css.find(')', found);
    if (close == std::string::npos) break;
    std::string logical = css.substr(found + kOpen.size(), close - found - kOpen.size());
    auto asset = assets.find(logical);
    if (asset == assets.end()) {
      return core::NotFound("stylesheet " + css_name + " refers to /assets/" + logical +
                            ", which is not among the served assets");
    }
    out.append(css, position, found - position);
    out += "url(" + asset->second.url + ")";
    position = close + 1;
  }
  out.append(css, position, std::string::npos);
  css = std::move(out);
  return core::Status::Ok();
}

}  // namespace

std::string Fingerprint(std::string_view content) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(content.data(), content.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int index = 0; index < 6 && index < length; ++index) {
    hex += kHex[digest[index] >> 4];
    hex += kHex[digest[index] & 0xF];
  }
  return hex;
}

std::string ContentTypeFor(std::string_view path) {
  if (EndsWith(path, ".css")) return "text/css; charset=utf-8";
  if (EndsWith(path, ".js")) return "text/javascript; charset=utf-8";
  if (EndsWith(path, ".woff2")) return "font/woff2";
  if (EndsWith(path, ".woff")) return "font/woff";
  if (EndsWith(path, ".svg")) return "image/svg+xml";
  if (EndsWith(path, ".png")) return "image/png";
  if (EndsWith(path, ".ico")) return "image/x-icon";
  if (EndsWith(path, ".json")) return "application/json";
  return "application/octet-stream";
}

core::Result<AssetCatalogue> AssetCatalogue::Load(const std::string& root) {
  fs::path base(root);
  const fs::path govuk = base / kGovukDist;
  const fs::path moj = base / kMojDist;
  const fs::path own = base / kOwnStatic;
  std::vector<Source> sources = {
      {"govuk-frontend.min.css", govuk / "govuk-frontend.min.css"},
      {"govuk-frontend.min.js", govuk / "all.bundle.js"},
      {"moj-frontend.min.css", moj / "moj-frontend.min.css"},
      {"moj-frontend.min.js", moj / "all.bundle.js"},
  };
  // Fonts and images: GOV.UK's first; MOJ's add the ones GOV.UK lacks.
  for (const auto& [folder, prefix] :
       {std::pair{govuk / "assets" / "fonts", "fonts/"},
        std::pair{govuk / "assets" / "images", "images/"},
        std::pair{moj / "assets" / "images", "images/"}, std::pair{own, ""}}) {
    std::error_code error;
    if (!fs::is_directory(folder, error)) {
      return core::NotFound("web assets: " + folder.string() +
                            " is missing (run scripts/bootstrap, or point --assets at the vigil "
                            "folder holding node_modules/)");
    }
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      sources.push_back({std::string(prefix) + file.filename().string(), file});
    }
  }
  AssetCatalogue catalogue;
  std::vector<std::string> stylesheets;
  for (const Source& source : sources) {
    if (catalogue.by_name_.count(source.logical_name) > 0) continue;
    std::error_code error;
    if (!fs::is_regular_file(source.path, error)) {
      return core::NotFound("web assets: " + source.path.string() +
                            " is missing (run scripts/bootstrap, or point --assets at the vigil "
                            "folder holding node_modules/)");
    }
    VIGIL_ASSIGN_OR_RETURN(std::string content, ReadWhole(source.path));
    Asset asset;
    asset.logical_name = source.logical_name;
    asset.content_type = ContentTypeFor(source.logical_name);
    asset.disk_path = source.path.string();
    asset.size = content.size();
    asset.url = FingerprintedUrl(source.logical_name, Fingerprint(content));
    if (EndsWith(source.logical_name, ".css")) {
      asset.content = std::move(content);
      stylesheets.push_back(source.logical_name);
    }
    catalogue.by_name_.emplace(asset.logical_name, std::move(asset));
  }
  // Stylesheets last: their fingerprint covers the rewritten references, so
  // a changed font or image changes the stylesheet's name too.
  for (const std::string& name : stylesheets) {
    Asset& asset = catalogue.by_name_.at(name);
    VIGIL_RETURN_IF_ERROR(RewriteUrls(asset.content, name, catalogue.by_name_));
    asset.size = asset.content.size();
    asset.url = FingerprintedUrl(name, Fingerprint(asset.content));
  }
  for (const auto& [name, asset] : catalogue.by_name_) {
    catalogue.name_by_url_.emplace(asset.url, name);
  }
  return catalogue;
}

const std::string& AssetCatalogue::UrlFor(std::string_view logical_name) const {
  auto found = by_name_.find(logical_name);
  VIGIL_CHECK(found != by_name_.end()) << "no web asset named " << logical_name;
  return found->second.url;
}

const Asset* AssetCatalogue::Find(std::string_view url) const {
  auto found = name_by_url_.find(url);
  if (found == name_by_url_.end()) return nullptr;
  return &by_name_.find(found->second)->second;
}

}  // namespace vigil::web::pages
