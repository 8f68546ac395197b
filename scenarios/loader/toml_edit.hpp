// Line edits of a scenario's TOML files that keep their comments and layout: a key's lines found
// with toml++'s source positions and replaced, the rest of the file written back as it was.
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace kommunesim::scenarios {

// `text` as a TOML basic string, quoted and escaped.
std::string toml_string(const std::string& text);

// The file parsed. Throws std::runtime_error naming the file and the fault.
toml::table parsed(const std::filesystem::path& file);

// Sets the key's line (the first of a value over several lines; the rest dropped).
void replace_key(const toml::node& node, const std::string& text, std::map<size_t, std::string>& at,
                 std::set<size_t>& dropped);

// Writes `lines` back to `file`, with line i replaced by at[i] where given, followed by after[i]
// where given, and the lines in `dropped` left out. Throws std::runtime_error naming the file.
void write_lines(const std::filesystem::path& file, const std::vector<std::string>& lines,
                 const std::map<size_t, std::string>& at, const std::set<size_t>& dropped,
                 const std::map<size_t, std::string>& after = {});

}  // namespace kommunesim::scenarios
