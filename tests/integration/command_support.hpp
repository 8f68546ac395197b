// Running the real kommunesim command from tests.
#pragma once

#include <sqlite3.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace kommunesim::test_support {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // standard output and standard error together
};

// Runs a shell command, its standard error into its standard output.
inline CommandResult run_shell(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>&1 </dev/null").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Runs the command with `arguments`; `environment` ("NAME=value ...") is set for it alone.
inline CommandResult run_kommunesim(const std::string& arguments,
                                    const std::string& environment = "") {
  return run_shell((environment.empty() ? "" : "env " + environment + " ") +
                   std::string(KOMMUNESIM_BINARY) + " " + arguments);
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Replaces the first `find` in file `p` with `replace`; false (the file unchanged) when it has no
// `find`.
inline bool replace_in_file(const std::filesystem::path& p, const std::string& find,
                            const std::string& replace) {
  std::string text = read_file(p);
  const size_t at = text.find(find);
  if (at == std::string::npos) return false;
  text.replace(at, find.size(), replace);
  std::ofstream(p, std::ios::binary) << text;
  return true;
}

// Every row of a table as text, rows sorted, so that row order in the file does not matter.
inline std::string dump_table(const std::filesystem::path& db_file, const std::string& table) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  const std::string sql = "SELECT * FROM " + table;
  std::vector<std::string> rows;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    rows.push_back("error: " + std::string(sqlite3_errmsg(db)));
  while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const unsigned char* text = sqlite3_column_text(stmt, c);
      row += text ? reinterpret_cast<const char*>(text) : "NULL";
      row += "|";
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  std::sort(rows.begin(), rows.end());
  std::string out;
  for (const auto& r : rows) out += r + "\n";
  return out;
}

// The rows and cells of a CSV text (RFC 4180 quoting).
inline std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        cell += text[++i];
      else if (c == '"')
        quoted = false;
      else
        cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(cell);
      cell.clear();
    } else if (c == '\n') {
      row.push_back(cell);
      rows.push_back(row);
      row.clear();
      cell.clear();
    } else {
      cell += c;
    }
  }
  return rows;
}

// A fresh temporary folder for one test, removed afterwards.
struct TempFolder {
  explicit TempFolder(const std::string& name)
      : path(std::filesystem::temp_directory_path() /
             ("kommunesim-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempFolder() { std::filesystem::remove_all(path); }
  std::filesystem::path path;
};

// A copy of the scenario `scenario` (Mini-kommune) in root/adaptive with the replicate stopping
// rule instead of its fixed 10 replicates: 2 first, 2 more at a time while a verdict or a top rank
// is unresolved, at most 8.
inline std::filesystem::path with_replicate_rule(const std::filesystem::path& scenario,
                                                 const std::filesystem::path& root) {
  const std::filesystem::path copy = root / "adaptive";
  std::filesystem::copy(scenario, copy, std::filesystem::copy_options::recursive);
  if (!replace_in_file(copy / "scenario.toml", "replicates = 10\n", "materiality_dkk = 50000\n"))
    throw std::runtime_error("the scenario has no 'replicates = 10' line");
  std::ofstream(copy / "scenario.toml", std::ios::app)
      << "\n[replicates]\nfirst = 2\nbatch = 2\nmax = 8\n";
  return copy;
}

}  // namespace kommunesim::test_support
