// Typed, position-aware reading of TOML tables.
#include "scenarios/loader/toml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <sstream>

namespace kommunesim::scenarios {

Diagnostic at(const toml::node& node, const std::string& file, std::string key,
              std::string message) {
  const auto& src = node.source();
  return {file,
          static_cast<int>(src.begin.line),
          static_cast<int>(src.begin.column),
          std::move(key),
          std::move(message),
          {}};
}

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    default:
      return "a date or time";
  }
}

std::string number_text(double v) {
  // Ten significant digits without an exponent (1950000, 0.0085, 0.00005), trailing zeros cut.
  char text[64];
  std::snprintf(text, sizeof text, "%.10g", v);
  if (!std::strchr(text, 'e')) return text;
  std::snprintf(text, sizeof text, "%.12f", v);
  std::string out = text;
  if (out.find('.') != std::string::npos) {
    out.erase(out.find_last_not_of('0') + 1);
    if (out.back() == '.') out.pop_back();
  }
  return out;
}

namespace {

std::string range_text(double min, double max) {
  if (std::isinf(min)) return "at most " + number_text(max);
  if (std::isinf(max)) return "at least " + number_text(min);
  return "in [" + number_text(min) + ", " + number_text(max) + "]";
}

}  // namespace

TableReader::TableReader(const toml::table& table, std::string file, std::string path,
                         Diagnostics& diagnostics)
    : table_(table), file_(std::move(file)), path_(std::move(path)), diagnostics_(diagnostics) {}

TableReader::~TableReader() { finish(); }

std::string TableReader::path(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  if (key.empty()) return path_;
  return path_ + "." + std::string(key);
}

void TableReader::error(std::string_view key, std::string message, std::string suggestion) {
  const toml::node* node = table_.get(key);
  Diagnostic d = at(node ? *node : static_cast<const toml::node&>(table_), file_, path(key),
                    std::move(message));
  d.suggestion = std::move(suggestion);
  diagnostics_.add(std::move(d));
}

const toml::node* TableReader::get(std::string_view key, Need need, std::string_view expected) {
  known_.emplace_back(key);
  const toml::node* node = table_.get(key);
  if (!node && need == Need::kRequired)
    error(key, "missing required key; expected " + std::string(expected));
  return node;
}

std::optional<double> TableReader::number(std::string_view key, Need need, double min, double max) {
  const toml::node* node = get(key, need, "a number");
  if (!node) return std::nullopt;
  const auto value = node->value<double>();
  if (!value || node->is_boolean()) {
    error(key, "expected a number, found " + type_name(*node));
    return std::nullopt;
  }
  if (!std::isfinite(*value) || *value < min || *value > max) {
    error(key, number_text(*value) + " is outside the allowed range; expected a value " +
                   range_text(min, max));
    return std::nullopt;
  }
  return value;
}

std::optional<int64_t> TableReader::integer(std::string_view key, Need need, int64_t min,
                                            int64_t max) {
  const toml::node* node = get(key, need, "an integer");
  if (!node) return std::nullopt;
  if (!node->is_integer()) {
    error(key, "expected an integer, found " + type_name(*node));
    return std::nullopt;
  }
  const int64_t value = node->as_integer()->get();
  if (value < min || value > max) {
    error(key, std::to_string(value) + " is outside the allowed range; expected a value " +
                   range_text(static_cast<double>(min), static_cast<double>(max)));
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> TableReader::string(std::string_view key, Need need) {
  const toml::node* node = get(key, need, "a string");
  if (!node) return std::nullopt;
  if (!node->is_string()) {
    error(key, "expected a string, found " + type_name(*node));
    return std::nullopt;
  }
  return node->as_string()->get();
}

std::string id_problem(std::string_view id) {
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  bool valid = !id.empty() && id.size() <= kMaxIdLength && letter(id.front());
  for (char c : id)
    valid = valid && (letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-');
  if (valid) return "";
  std::string shown(id.substr(0, kMaxIdLength));
  for (char& c : shown)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return "expected an id: a letter, then letters, digits, '_', '.' or '-', at most " +
         std::to_string(kMaxIdLength) + " characters; found '" + shown +
         (id.size() > kMaxIdLength ? "...'" : "'");
}

std::optional<std::string> TableReader::identifier(std::string_view key, Need need) {
  auto id = string(key, need);
  if (!id) return std::nullopt;
  if (const std::string problem = id_problem(*id); !problem.empty()) {
    error(key, problem);
    return std::nullopt;
  }
  return id;
}

std::optional<bool> TableReader::boolean(std::string_view key, Need need) {
  const toml::node* node = get(key, need, "true or false");
  if (!node) return std::nullopt;
  if (!node->is_boolean()) {
    error(key, "expected true or false, found " + type_name(*node));
    return std::nullopt;
  }
  return node->as_boolean()->get();
}

const toml::table* TableReader::table(std::string_view key, Need need) {
  const toml::node* node = get(key, need, "a table");
  if (!node) return nullptr;
  if (!node->is_table()) {
    error(key, "expected a table, found " + type_name(*node));
    return nullptr;
  }
  return node->as_table();
}

const toml::array* TableReader::array(std::string_view key, Need need) {
  const toml::node* node = get(key, need, "an array");
  if (!node) return nullptr;
  if (!node->is_array()) {
    error(key, "expected an array, found " + type_name(*node));
    return nullptr;
  }
  return node->as_array();
}

std::vector<const toml::table*> TableReader::tables(std::string_view key, Need need) {
  std::vector<const toml::table*> out;
  const toml::array* a = array(key, need);
  if (!a) return out;
  for (const auto& element : *a) {
    if (!element.is_table()) {
      diagnostics_.add(
          at(element, file_, path(key), "expected a table, found " + type_name(element)));
      continue;
    }
    out.push_back(element.as_table());
  }
  return out;
}

std::optional<std::vector<double>> TableReader::numbers(std::string_view key, Need need, double min,
                                                        double max) {
  const toml::array* a = array(key, need);
  if (!a) return std::nullopt;
  std::vector<double> out;
  bool ok = true;
  for (size_t i = 0; i < a->size(); ++i) {
    const toml::node& element = *a->get(i);
    const auto v = element.value<double>();
    const std::string where = path(key) + "[" + std::to_string(i) + "]";
    if (!v || element.is_boolean()) {
      diagnostics_.add(at(element, file_, where, "expected a number, found " + type_name(element)));
      ok = false;
    } else if (!std::isfinite(*v) || *v < min || *v > max) {
      diagnostics_.add(at(element, file_, where,
                          number_text(*v) + " is outside the allowed range; expected a value " +
                              range_text(min, max)));
      ok = false;
    } else {
      out.push_back(*v);
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> TableReader::strings(std::string_view key, Need need) {
  const toml::array* a = array(key, need);
  if (!a) return std::nullopt;
  std::vector<std::string> out;
  for (size_t i = 0; i < a->size(); ++i) {
    const toml::node& element = *a->get(i);
    if (!element.is_string()) {
      diagnostics_.add(at(element, file_, path(key) + "[" + std::to_string(i) + "]",
                          "expected a string, found " + type_name(element)));
      return std::nullopt;
    }
    out.push_back(element.as_string()->get());
  }
  return out;
}

std::string TableReader::source(std::string_view key) {
  const auto s = string(key, Need::kRequired);
  if (s && s->find_first_not_of(" \t") == std::string::npos) {
    error(key,
          "is empty; every number from the world needs its source (a citation, or \"assumption: "
          "...\" with the reasoning)");
    return "";
  }
  return s.value_or("");
}

void TableReader::finish() {
  for (const auto& [key, node] : table_) {
    const std::string_view name = key.str();
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    Diagnostic d = at(node, file_, path(name), "unknown key");
    d.suggestion = closest_name(name, known_);
    diagnostics_.add(std::move(d));
  }
}

}  // namespace kommunesim::scenarios
