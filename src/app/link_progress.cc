#include "app/link_progress.h"

namespace vigil::app {

void LinkProgress::Stage(std::string_view name) {
  Finish();
  stage_ = std::string(name);
  if (!enabled_) return;
  err_ << "vigil link: " << stage_ << "..." << std::flush;
  open_line_ = true;
  last_update_ = std::chrono::steady_clock::now();
}

void LinkProgress::Update(std::string_view detail) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_update_ < std::chrono::milliseconds(200)) return;
  last_update_ = now;
  err_ << "\r\x1b[2Kvigil link: " << stage_ << "... " << detail << std::flush;
  open_line_ = true;
}

void LinkProgress::Finish() {
  if (enabled_ && open_line_) err_ << "\n" << std::flush;
  open_line_ = false;
}

std::string WithThousands(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string text;
  for (std::size_t index = 0; index < digits.size(); ++index) {
    if (index > 0 && (digits.size() - index) % 3 == 0) text.push_back(',');
    text.push_back(digits[index]);
  }
  return text;
}

}  // namespace vigil::app
