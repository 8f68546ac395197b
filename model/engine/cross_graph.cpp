// The cross-department graph on Boost.Graph.
#include "model/engine/cross_graph.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/strong_components.hpp>
#include <set>

namespace kommunesim::model {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

std::vector<int> modules_setting_flag(const Scenario& scenario, int flag) {
  std::vector<int> out;
  for (size_t m = 0; m < scenario.modules.size(); ++m)
    for (const State& s : scenario.modules[m].states)
      if (s.history_flag == flag) out.push_back(static_cast<int>(m));
  return out;
}

// With include_lagged false, only edges that read another module's current state: history flags
// and entry rules read a person's past, so they cannot close a loop within a month.
Graph build_graph(const Scenario& scenario, bool include_lagged) {
  Graph g(scenario.modules.size());
  for (const GraphEdge& e : dependency_edges(scenario))
    if (e.from_module != e.to_module &&
        (include_lagged || (!e.feedback && (e.kind == "self" || e.kind == "household"))))
      boost::add_edge(static_cast<size_t>(e.from_module), static_cast<size_t>(e.to_module), g);
  return g;
}

}  // namespace

std::vector<GraphEdge> dependency_edges(const Scenario& scenario) {
  std::vector<GraphEdge> edges;
  for (size_t m = 0; m < scenario.modules.size(); ++m) {
    const int to = static_cast<int>(m);
    for (const Transition& tr : scenario.modules[m].transitions) {
      for (const Modifier& mod : tr.modifiers) {
        const Condition& c = mod.condition;
        switch (c.kind) {
          case Condition::Kind::kSelfIn:
            edges.push_back({c.module, to, "self", mod.feedback});
            break;
          case Condition::Kind::kHousehold: {
            const int from = scenario.household_conditions[c.index].module;
            if (from >= 0) edges.push_back({from, to, "household", mod.feedback});
            break;
          }
          case Condition::Kind::kHistory:
            for (int from : modules_setting_flag(scenario, c.index))
              edges.push_back({from, to, "history", mod.feedback});
            break;
          case Condition::Kind::kAge:  // reads no module
          case Condition::Kind::kFromMonth:
            break;
          case Condition::Kind::kClock:
            edges.push_back({c.module, to, "clock", mod.feedback});
            break;
        }
      }
    }
    for (const auto& rule : scenario.modules[m].entry.by_history)
      for (int from : modules_setting_flag(scenario, rule.flag))
        edges.push_back({from, to, "entry", false});
  }
  // One edge per (from, to, kind); an edge is a feedback edge only if all its modifiers say so.
  std::sort(edges.begin(), edges.end(), [](const GraphEdge& a, const GraphEdge& b) {
    return std::tie(a.from_module, a.to_module, a.kind, a.feedback) <
           std::tie(b.from_module, b.to_module, b.kind, b.feedback);
  });
  std::vector<GraphEdge> unique;
  for (const GraphEdge& e : edges) {
    if (!unique.empty() && unique.back().from_module == e.from_module &&
        unique.back().to_module == e.to_module && unique.back().kind == e.kind) {
      unique.back().feedback = unique.back().feedback && e.feedback;
      continue;
    }
    unique.push_back(e);
  }
  return unique;
}

std::vector<std::vector<int>> unacknowledged_cycles(const Scenario& scenario) {
  const Graph g = build_graph(scenario, false);
  std::vector<int> component(boost::num_vertices(g));
  const int count = boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  std::vector<std::vector<int>> groups(static_cast<size_t>(count));
  for (size_t v = 0; v < component.size(); ++v)
    groups[static_cast<size_t>(component[v])].push_back(static_cast<int>(v));
  std::vector<std::vector<int>> cycles;
  for (auto& group : groups)
    if (group.size() > 1) cycles.push_back(group);
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

std::vector<int> reachable_departments(const Scenario& scenario, const Proposal& proposal) {
  struct Recorder : boost::default_bfs_visitor {
    std::vector<char>* reached;
    void discover_vertex(size_t v, const Graph&) const { (*reached)[v] = 1; }
  };
  const Graph g = build_graph(scenario, true);
  std::vector<char> reached(boost::num_vertices(g), 0);
  std::vector<int> starts{proposal.target.module};
  for (const Effect& e : proposal.effects) starts.push_back(e.module);
  for (int start : starts) {
    if (reached[static_cast<size_t>(start)]) continue;
    std::vector<boost::default_color_type> colors(boost::num_vertices(g));
    Recorder recorder;
    recorder.reached = &reached;
    boost::breadth_first_search(
        g, static_cast<size_t>(start),
        boost::visitor(recorder).color_map(
            boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g))));
  }
  std::set<int> departments{proposal.department};
  for (size_t m = 0; m < reached.size(); ++m)
    if (reached[m]) departments.insert(scenario.modules[m].department);
  return {departments.begin(), departments.end()};
}

}  // namespace kommunesim::model
