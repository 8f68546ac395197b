// A small wrapper of SQLite for the result store: a database file, statements, prepared inserts.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace kommunesim::output {

// A column value; std::monostate is SQL NULL.
using Value = std::variant<std::monostate, int64_t, double, std::string>;

class Database {
 public:
  explicit Database(const std::filesystem::path& file) {
    if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK) fail("cannot create " + file.string());
  }
  ~Database() { sqlite3_close(db_); }
  void exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string text = message ? message : "";
      sqlite3_free(message);
      fail(text);
    }
  }
  // A prepared insert, reused for every row of one table.
  class Insert {
   public:
    Insert(Database& db, const std::string& sql) : db_(db) {
      if (sqlite3_prepare_v2(db.db_, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) db.fail(sql);
    }
    ~Insert() { sqlite3_finalize(stmt_); }
    void row(const std::vector<Value>& values) {
      for (size_t i = 0; i < values.size(); ++i) {
        const int k = static_cast<int>(i) + 1;
        if (std::holds_alternative<std::monostate>(values[i]))
          sqlite3_bind_null(stmt_, k);
        else if (const auto* n = std::get_if<int64_t>(&values[i]))
          sqlite3_bind_int64(stmt_, k, *n);
        else if (const auto* d = std::get_if<double>(&values[i]))
          sqlite3_bind_double(stmt_, k, *d);
        else
          sqlite3_bind_text(stmt_, k, std::get<std::string>(values[i]).c_str(), -1,
                            SQLITE_TRANSIENT);
      }
      if (sqlite3_step(stmt_) != SQLITE_DONE) db_.fail("insert failed");
      sqlite3_reset(stmt_);
    }

   private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
  };

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("results.sqlite: " + what + ": " + sqlite3_errmsg(db_));
  }
  sqlite3* db_ = nullptr;
};

}  // namespace kommunesim::output
