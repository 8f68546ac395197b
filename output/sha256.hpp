// SHA-256 of a file's bytes, as lowercase hex (for the manifest's provenance).
#pragma once

#include <filesystem>
#include <string>

namespace kommunesim::output {

std::string sha256_of_file(const std::filesystem::path& path);

}  // namespace kommunesim::output
