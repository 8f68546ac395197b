// Atomic output folders.
#include "output/staged_folder.hpp"

#include <unistd.h>

#include <string>
#include <system_error>

namespace kommunesim::output {

StagedFolder::StagedFolder(std::filesystem::path destination)
    : destination_(std::move(destination)) {
  if (destination_.has_parent_path())
    std::filesystem::create_directories(destination_.parent_path());
  const std::string base = destination_.filename().string();
  staging_ = destination_.parent_path() / ("." + base + ".partial-" + std::to_string(::getpid()));
  std::filesystem::remove_all(staging_);
  std::filesystem::create_directory(staging_);
}

StagedFolder::~StagedFolder() {
  if (committed_) return;
  std::error_code ignored;
  std::filesystem::remove_all(staging_, ignored);
}

void StagedFolder::commit() {
  std::filesystem::path previous;
  if (std::filesystem::exists(destination_)) {
    previous = destination_.parent_path() /
               ("." + destination_.filename().string() + ".previous-" + std::to_string(::getpid()));
    std::filesystem::rename(destination_, previous);
  }
  std::filesystem::rename(staging_, destination_);
  committed_ = true;
  if (!previous.empty()) std::filesystem::remove_all(previous);
}

}  // namespace kommunesim::output
