// Atomic output folders, checked and locked before a run.
#include "output/staged_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <system_error>

namespace kommunesim::output {
namespace fs = std::filesystem;

namespace {

// The destination as the user means it: "out/" is "out".
fs::path without_trailing_separator(const fs::path& p) {
  std::string text = p.string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

// A folder written by a kommunesim run: its manifest.json names the engine.
bool written_by_kommunesim(const fs::path& folder) {
  std::ifstream in(folder / "manifest.json");
  if (!in) return false;
  const auto manifest = nlohmann::json::parse(in, nullptr, false);
  return !manifest.is_discarded() && manifest.is_object() && manifest.contains("engine") &&
         manifest["engine"].is_object() && manifest["engine"].value("name", "") == "kommunesim";
}

// Removes the staging and previous folders that interrupted runs on `destination` left beside
// it (".NAME.partial-PID", ".NAME.previous-PID" of a process that no longer runs).
void remove_leftovers(const fs::path& destination) {
  const fs::path parent = destination.parent_path().empty() ? "." : destination.parent_path();
  const std::string base = "." + destination.filename().string() + ".";
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(base, 0) != 0) continue;
    const std::string rest = name.substr(base.size());
    for (const std::string kind : {"partial-", "previous-"}) {
      if (rest.rfind(kind, 0) != 0) continue;
      const std::string digits = rest.substr(kind.size());
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
      const long pid = std::strtol(digits.c_str(), nullptr, 10);
      if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;
      std::error_code ignored;
      fs::remove_all(entry.path(), ignored);
    }
  }
}

}  // namespace

bool within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

std::optional<std::string> destination_problem(const fs::path& destination,
                                               const fs::path& scenario_folder) {
  const fs::path out = without_trailing_separator(destination);
  if (out.empty() || out.filename() == "." || out.filename() == ".." || out == "/")
    return "--out " + destination.string() + ": expected the name of an output folder";
  std::error_code error;
  const fs::path out_full = fs::weakly_canonical(fs::absolute(out), error);
  const fs::path scenario_full = fs::weakly_canonical(fs::absolute(scenario_folder), error);
  if (!error && within(scenario_full, out_full))
    return "--out " + destination.string() +
           (out_full == scenario_full
                ? " is the scenario folder"
                : " contains the scenario folder " + scenario_folder.string()) +
           ": a run replaces its output folder, so it may never be the scenario or hold it; "
           "choose another --out, e.g. out";
  const auto status = fs::symlink_status(out, error);
  if (error || status.type() == fs::file_type::not_found) return std::nullopt;
  if (status.type() != fs::file_type::directory)
    return "--out " + destination.string() +
           " exists and is not a folder: a run would replace it; choose another --out or move "
           "the file away";
  if (fs::is_empty(out, error) || written_by_kommunesim(out)) return std::nullopt;
  return "--out " + destination.string() +
         " is a folder that kommunesim did not write (it has no manifest.json from a run): a run "
         "replaces its output folder and would delete its files; choose another --out, or move "
         "the folder away";
}

StagedFolder::StagedFolder(fs::path destination)
    : destination_(without_trailing_separator(destination)) {
  if (destination_.has_parent_path()) fs::create_directories(destination_.parent_path());
  const fs::path parent = destination_.parent_path();
  const std::string base = destination_.filename().string();
  lock_file_ = parent / ("." + base + ".lock");
  lock_ = ::open(lock_file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_ < 0)
    throw std::runtime_error("cannot write to " + parent.string() + " (" + std::strerror(errno) +
                             ")");
  if (::flock(lock_, LOCK_EX | LOCK_NB) != 0) {
    ::close(lock_);
    lock_ = -1;
    throw std::runtime_error("another kommunesim run is writing to " + destination_.string() +
                             " (it holds " + lock_file_.string() +
                             "); wait for it to finish or choose another --out");
  }
  remove_leftovers(destination_);
  staging_ = parent / ("." + base + ".partial-" + std::to_string(::getpid()));
  fs::remove_all(staging_);
  fs::create_directory(staging_);
}

StagedFolder::~StagedFolder() {
  std::error_code ignored;
  if (!committed_) fs::remove_all(staging_, ignored);
  if (lock_ >= 0) {
    fs::remove(lock_file_, ignored);
    ::close(lock_);
  }
}

void StagedFolder::commit() {
  if (fs::exists(fs::symlink_status(destination_))) {
    // One atomic exchange: the name holds the old folder until it holds the new one. The staging
    // name then holds the old folder, which is removed.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, destination_.c_str(), RENAME_EXCHANGE) ==
        0) {
      committed_ = true;
      std::error_code ignored;
      fs::remove_all(staging_, ignored);
      return;
    }
    if (errno != EINVAL && errno != ENOSYS)
      throw std::system_error(errno, std::generic_category(),
                              "cannot replace " + destination_.string());
    // A file system without the exchange: the old folder aside first, then the new one in.
    const fs::path previous =
        destination_.parent_path() /
        ("." + destination_.filename().string() + ".previous-" + std::to_string(::getpid()));
    fs::rename(destination_, previous);
    fs::rename(staging_, destination_);
    committed_ = true;
    std::error_code ignored;
    fs::remove_all(previous, ignored);
    return;
  }
  fs::rename(staging_, destination_);
  committed_ = true;
}

}  // namespace kommunesim::output
