// `mpirun -n N kommunesim run` (a build with KOMMUNESIM_MPI): the processes share the simulations
// and write what the threaded run writes, byte for byte.
#include <gtest/gtest.h>

#include "command_support.hpp"

using namespace kommunesim::test_support;
namespace fs = std::filesystem;

namespace {

const std::string kScenario = KOMMUNESIM_TEST_SCENARIO;

// mpirun with N processes on this machine (more than its cores allowed; as root too, which
// Open MPI refuses unless told).
std::string mpirun(int processes) {
  return "env OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 " +
         std::string(KOMMUNESIM_MPIRUN) + " -n " + std::to_string(processes) +
         " --oversubscribe --bind-to none ";
}

// Every csv and results.sqlite of two output folders, byte for byte.
void expect_same_files(const fs::path& a, const fs::path& b) {
  size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(a)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".csv" && ext != ".sqlite") continue;
    const std::string file = entry.path().filename().string();
    EXPECT_EQ(read_file(b / file), read_file(entry.path())) << b / file;
    ++compared;
  }
  EXPECT_GE(compared, 7u);  // six csv files and results.sqlite at least
}

}  // namespace

TEST(Mpi, TwoAndThreeProcessesWriteTheThreadedRunsFilesByteForByte) {
  TempFolder tmp("mpi");
  const fs::path adaptive = with_replicate_rule(kScenario, tmp.path);
  struct Case {
    std::string name, scenario, options;
  };
  const std::vector<Case> cases = {{"adaptive", adaptive.string(), "--seed 5"},
                                   {"full", adaptive.string(), "--seed 5 --full-simulations"}};
  for (const Case& c : cases) {
    const std::string run = "run " + c.scenario + " " + c.options + " --out ";
    const fs::path threaded = tmp.path / (c.name + "-threads");
    const auto t = run_kommunesim(run + threaded.string() + " --threads 2");
    ASSERT_EQ(t.exit_code, 0) << t.output;
    for (int n : {2, 3}) {
      const fs::path spread = tmp.path / (c.name + "-" + std::to_string(n));
      const auto r =
          run_shell(mpirun(n) + KOMMUNESIM_BINARY + " " + run + spread.string() + " --threads 1");
      ASSERT_EQ(r.exit_code, 0) << c.name << " with " << n << " processes\n" << r.output;
      expect_same_files(threaded, spread);
      EXPECT_NE(read_file(spread / "manifest.json").find("\"processes\": " + std::to_string(n)),
                std::string::npos);
    }
  }
}

TEST(Mpi, ABatchSpreadOverProcessesWritesWhatTheThreadedBatchWrites) {
  TempFolder tmp("mpi-batch");
  const fs::path folder = tmp.path / "municipalities";
  fs::create_directories(folder);
  fs::copy(kScenario, folder / "a", fs::copy_options::recursive);
  fs::copy(kScenario, folder / "b", fs::copy_options::recursive);
  ASSERT_TRUE(replace_in_file(folder / "b" / "scenario.toml", "seed = 20250101", "seed = 7"));
  const std::string batch = "batch " + folder.string() + " --replicates 2 --out ";
  const auto t = run_kommunesim(batch + (tmp.path / "threads").string() + " --threads 2");
  ASSERT_EQ(t.exit_code, 0) << t.output;
  const auto r = run_shell(mpirun(2) + KOMMUNESIM_BINARY + " " + batch +
                           (tmp.path / "spread").string() + " --threads 1");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* name : {"a", "b"})
    expect_same_files(tmp.path / "threads" / name, tmp.path / "spread" / name);
  EXPECT_EQ(read_file(tmp.path / "spread" / "summary.csv"),
            read_file(tmp.path / "threads" / "summary.csv"));
}

TEST(Mpi, AProcessThatCannotStartStopsTheWholeRunWithNoOutput) {
  // The second process reads another (missing) scenario, as on a machine without the files.
  TempFolder tmp("mpi-fail");
  const fs::path script = tmp.path / "second-process-fails.sh";
  std::ofstream(script) << "#!/bin/sh\n"
                        << "if [ \"$OMPI_COMM_WORLD_RANK\" = 1 ]; then\n"
                        << "  exec " << KOMMUNESIM_BINARY << " run " << (tmp.path / "missing")
                        << " --out " << (tmp.path / "out") << "\n"
                        << "fi\n"
                        << "exec " << KOMMUNESIM_BINARY << " \"$@\"\n";
  fs::permissions(script, fs::perms::owner_all);
  const fs::path out = tmp.path / "out";
  const auto r = run_shell(mpirun(2) + script.string() + " run " + kScenario +
                           " --replicates 2 --out " + out.string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("another process of the run (an MPI rank) could not start it"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(out));
}
