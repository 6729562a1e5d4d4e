#include <fstream>
#include <utility>

#include "web/pages/page_support.h"
#include "web/pages/routes.h"

namespace vigil::web::pages {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

// The asset at the request path, streamed (or from memory for
// stylesheets) with a year's immutable caching.
core::Result<Response> ServeAsset(const Site& site, const RequestContext& context) {
  const Asset* asset = site.assets().Find(context.http.path);
  if (asset == nullptr) return core::NotFound("There is no asset at this address.");
  Response response;
  response.content_type = asset->content_type;
  response.headers = {{"Cache-Control", "public, max-age=31536000, immutable"},
                      {"X-Content-Type-Options", "nosniff"}};
  if (!asset->content.empty()) {
    response.body = asset->content;
    return response;
  }
  auto file = std::make_shared<std::ifstream>(asset->disk_path, std::ios::binary);
  if (!*file) return core::Unavailable("cannot open web asset " + asset->logical_name);
  response.stream_length = asset->size;
  response.stream = [file](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    char buffer[kChunkBytes];
    std::size_t wanted = length < kChunkBytes ? length : kChunkBytes;
    file->seekg(static_cast<std::streamoff>(offset));
    file->read(buffer, static_cast<std::streamsize>(wanted));
    std::streamsize got = file->gcount();
    if (got <= 0) return false;
    return sink.write(buffer, static_cast<std::size_t>(got));
  };
  return response;
}

}  // namespace

void AddPageRoutes(Router& router, services::Services& services, std::shared_ptr<const Site> site) {
  auto add = [&router, &services, site](std::string pattern, PageHandler handler) {
    router.Add("GET", std::move(pattern),
               [&services, site, handler](const RequestContext& context) -> core::Result<Response> {
                 PageRequest request{services, *site, context};
                 core::Result<Response> response = handler(request);
                 if (response.ok()) return response;
                 return site->ErrorPage(response.status(), context.caller);
               });
  };
  add("/", HomePage);
  add("/reports", ReportSearchPage);
  add("/reports/{id}", ReportPage);
  add("/cases", CaseListPage);
  add("/cases/{id}", CasePage);
  add("/persons", PersonSearchPage);
  add("/persons/{id}", PersonPage);
  router.Add("GET", "/assets/{file}",
             [site](const RequestContext& context) { return ServeAsset(*site, context); });
}

}  // namespace vigil::web::pages
