// The language of the texts a person reads (terminal, and in time the report, workbook and
// assumptions), and numbers written the way that language writes them. Machine-read outputs
// (csv, sqlite, manifest) keep ids and plain numbers in every language.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kommunesim::output {

// Danish first: the users are Danish municipal staff.
enum class Language { kDanish, kEnglish };

// "da" or "en"; nullopt for any other code.
std::optional<Language> language_named(std::string_view code);

// `value` with `decimals` decimals and the language's separators: Danish 1.234,5 (thousands by
// '.', decimals by ','), English 1,234.5. A value that rounds to zero is written without a sign.
std::string decimal(double value, int decimals, Language language);

// A figure of the register without an exponent for any amount a municipality has: whole numbers
// from a million up (1950000, not 1.95e+06), eight significant digits below (0.0085), small
// rates in full (0.00005), no grouping.
std::string plain_number(double value);

}  // namespace kommunesim::output
