// Language codes and number formats.
#include "output/language.hpp"

#include <fmt/format.h>

#include <cmath>

namespace kommunesim::output {

std::optional<Language> language_named(std::string_view code) {
  if (code == "da") return Language::kDanish;
  if (code == "en") return Language::kEnglish;
  return std::nullopt;
}

std::string decimal(double value, int decimals, Language language) {
  std::string plain = fmt::format("{:.{}f}", value, decimals);  // e.g. "-1234.5"
  if (plain.find_first_not_of("-0.") == std::string::npos && plain.front() == '-')
    plain.erase(0, 1);  // "-0.0" -> "0.0"
  const bool danish = language == Language::kDanish;
  const char thousands = danish ? '.' : ',', point = danish ? ',' : '.';
  const size_t sign = plain.front() == '-' ? 1 : 0;
  const size_t dot = plain.find('.');
  const size_t integer_end = dot == std::string::npos ? plain.size() : dot;
  std::string out = plain.substr(0, sign);
  for (size_t i = sign; i < integer_end; ++i) {
    out += plain[i];
    const size_t left = integer_end - i - 1;
    if (left > 0 && left % 3 == 0) out += thousands;
  }
  if (dot != std::string::npos) out += point + plain.substr(dot + 1);
  return out;
}

std::string plain_number(double value) {
  // Whole kroner from a million up; eight significant digits below (12326.5, 0.0085).
  if (std::abs(value) >= 1e6) return fmt::format("{:.0f}", value);
  if (value == 0 || std::abs(value) >= 1e-4) return fmt::format("{:.8g}", value);
  std::string small = fmt::format("{:.12f}", value);  // 0.000050000000 -> 0.00005
  small.erase(small.find_last_not_of('0') + 1);
  return small;
}

}  // namespace kommunesim::output
