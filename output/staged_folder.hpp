// An output folder that appears only when complete: files are written into a temporary sibling
// folder that is renamed into place by commit(); if commit() is never reached, the temporary
// folder is removed and the destination is left as it was.
#pragma once

#include <filesystem>

namespace kommunesim::output {

class StagedFolder {
 public:
  explicit StagedFolder(std::filesystem::path destination);
  ~StagedFolder();
  StagedFolder(const StagedFolder&) = delete;
  StagedFolder& operator=(const StagedFolder&) = delete;

  const std::filesystem::path& path() const { return staging_; }
  // Moves the staged folder to the destination, replacing an earlier run's folder there.
  void commit();

 private:
  std::filesystem::path destination_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

}  // namespace kommunesim::output
