// An output folder that appears only when complete: files are written into a temporary sibling
// folder that replaces the destination in one atomic exchange at commit(); if commit() is never
// reached, the temporary folder is removed and the destination is left as it was.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kommunesim::output {

// Why `destination` may not receive a run of the scenario in `scenario_folder`, or nullopt. A run
// replaces only an empty folder or one that kommunesim wrote (its manifest.json names the engine),
// and never the scenario or a folder that contains it. Checked before simulating.
std::optional<std::string> destination_problem(const std::filesystem::path& destination,
                                               const std::filesystem::path& scenario_folder);

// Whether `inner` is `outer` or lies inside it (both absolute and normal).
bool within(const std::filesystem::path& inner, const std::filesystem::path& outer);

class StagedFolder {
 public:
  // Takes the destination's lock (a second run on it is refused with an exception naming the
  // run that holds it), removes what interrupted runs left beside it, and creates the staging
  // folder: a destination that cannot be written fails here, before any simulation.
  explicit StagedFolder(std::filesystem::path destination);
  ~StagedFolder();
  StagedFolder(const StagedFolder&) = delete;
  StagedFolder& operator=(const StagedFolder&) = delete;

  const std::filesystem::path& path() const { return staging_; }
  // Puts the staged folder at the destination, exchanging it with an earlier run's folder there
  // in one step (a kill at any moment leaves the old or the new folder under the name).
  void commit();

 private:
  std::filesystem::path destination_;
  std::filesystem::path staging_;
  std::filesystem::path lock_file_;
  int lock_ = -1;
  bool committed_ = false;
};

}  // namespace kommunesim::output
