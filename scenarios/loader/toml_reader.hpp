// Typed, position-aware reading of one TOML table: every read key is marked as known, wrong
// types and out-of-range values become diagnostics, and finish() reports unknown keys with a
// suggestion. Nothing here throws for user errors.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader/diagnostics.hpp"

namespace kommunesim::scenarios {

enum class Need { kRequired, kOptional };

constexpr size_t kMaxIdLength = 128;

// Why `id` is not a valid id (see TableReader::identifier), or "" when it is.
std::string id_problem(std::string_view id);

class TableReader {
 public:
  TableReader(const toml::table& table, std::string file, std::string path,
              Diagnostics& diagnostics);
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;
  ~TableReader();

  std::optional<double> number(std::string_view key, Need need, double min = -INFINITY,
                               double max = INFINITY);
  std::optional<int64_t> integer(std::string_view key, Need need, int64_t min = INT64_MIN,
                                 int64_t max = INT64_MAX);
  std::optional<std::string> string(std::string_view key, Need need);
  // An id (of a module, state, proposal, set, parameter, ...): a letter, then letters, digits,
  // '_', '.' or '-', at most kMaxIdLength characters, so that every output can write it as it is
  // (no separator, quote, space or formula character). Nullopt, with a diagnostic, otherwise.
  std::optional<std::string> identifier(std::string_view key, Need need);
  std::optional<bool> boolean(std::string_view key, Need need);
  const toml::table* table(std::string_view key, Need need);
  const toml::array* array(std::string_view key, Need need);
  // An array whose elements are all tables (e.g. [[transition]]).
  std::vector<const toml::table*> tables(std::string_view key, Need need);
  std::optional<std::vector<double>> numbers(std::string_view key, Need need,
                                             double min = -INFINITY, double max = INFINITY);
  std::optional<std::vector<std::string>> strings(std::string_view key, Need need);
  // A source citation: required, non-empty. Returns it (empty when missing or blank).
  std::string source(std::string_view key = "source");
  // The raw node of a key (marked as known), for values that may take several forms.
  const toml::node* node(std::string_view key) {
    known_.emplace_back(key);
    return table_.get(key);
  }
  // Marks a key as known without reading it.
  void accept(std::string_view key) { known_.emplace_back(key); }
  bool has(std::string_view key) const { return table_.contains(key); }

  // Reports a problem at a key (or at the table when the key is absent).
  void error(std::string_view key, std::string message, std::string suggestion = {});
  std::string path(std::string_view key) const;
  const std::string& file() const { return file_; }
  Diagnostics& diagnostics() { return diagnostics_; }

 private:
  const toml::node* get(std::string_view key, Need need, std::string_view expected);
  void finish();

  const toml::table& table_;
  std::string file_;
  std::string path_;
  Diagnostics& diagnostics_;
  std::vector<std::string> known_;
};

// Position of a node as a diagnostic.
Diagnostic at(const toml::node& node, const std::string& file, std::string key,
              std::string message);

std::string type_name(const toml::node& node);

// A number as a message shows it: up to six significant digits, no trailing zeros (1.5e+06).
std::string number_text(double v);

}  // namespace kommunesim::scenarios
