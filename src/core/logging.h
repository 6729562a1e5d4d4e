#pragma once
// Structured logging over spdlog. Every line is an event name plus key=value
// fields, so logs can be searched ("event=request status=500"). Never log
// personal data (names, addresses, narratives): log ids instead.
// Thread-safe.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace vigil::core {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

// One key=value pair. Values are quoted when they contain spaces.
using LogField = std::pair<std::string_view, std::string>;

// Sets the minimum level written (default kInfo) and where to: standard error.
void ConfigureLogging(LogLevel minimum_level);

// Writes `event` with `fields` at `level`.
void Log(LogLevel level, std::string_view event, std::initializer_list<LogField> fields = {});

}  // namespace vigil::core
