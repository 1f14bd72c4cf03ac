using NetSim.Network.Scenario.Binding;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Units;
using NetSim.Plots.Building;
using NetSim.Plots.Figures;
using NetSim.Traces;

namespace NetSim.Plots.Tests;

public class LabelTests
{
    [Fact]
    public void Given_the_two_greedy_policies_Then_their_legend_names_differ_and_Zhou_et_als_says_whose_it_is()
    {
        Assert.Equal("Greedy (Zhou et al.)", PolicyNames.Display("greedy"));
        Assert.Equal("Greedy-compatible", PolicyNames.Display("greedy-compatible"));
    }

    [Theory]
    [InlineData("ues.count", "Number of UEs")]
    [InlineData("base_stations.count", "Number of base stations")]
    [InlineData("ues.task_types.0.deadline", "Relative deadline of task type 0 (s)")]
    [InlineData("base_stations.bandwidth", "Uplink bandwidth B of each base station (Hz)")]
    [InlineData("ues.arrivals.rate", "Tasks per second per UE (1/s)")]
    [InlineData("models.2.size", "Model size of model 2 (bit)")]
    [InlineData("ues.tx_power", "Transmit power (W)")]
    [InlineData("duration", "Arrival period (s)")]
    [InlineData("policy.options.edge_steps_budget", "Maximum edge diffusion steps S_e^max (steps)")]
    [InlineData("policy.options.c3", "Energy cost weight c3 (1/J)")]
    [InlineData("policy.options.hidden", "Policy option hidden")]
    [InlineData("count(models)", "Number of models")]
    [InlineData("count(ues.task_types)", "Number of task types")]
    [InlineData("distinct(ues.task_types.*.model)", "Number of distinct models of the task types")]
    public void Given_a_key_path_Then_its_axis_label_names_it_in_words_with_its_unit(string key, string label)
    {
        Assert.Equal(label, MetricLabels.ForParameter(key));
    }

    [Fact]
    public void Given_every_declared_scenario_key_Then_its_axis_label_is_not_its_key_path_and_ends_with_the_unit_its_values_are_read_in()
    {
        var keys = Declared.Walk(typeof(ScenarioConfig)).Where(k => !Declared.IsSection(k.Key.Type)).ToList();

        Assert.NotEmpty(keys);
        foreach (var (path, key) in keys)
        {
            var label = MetricLabels.ForParameter(path.Replace("[]", ".0", StringComparison.Ordinal));
            Assert.DoesNotContain(".", label.Replace("...", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(char.IsUpper(label[0]), $"{path}: '{label}'");
            var unit = UnitTable.SiUnit(key.Param.Unit);
            if (unit.Length > 0)
            {
                Assert.EndsWith($" ({(unit == "/s" ? "1/s" : unit)})", label, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Given_a_label_template_that_leaves_out_the_policy_When_two_policies_are_drawn_Then_the_groups_that_would_share_a_label_are_named_by_every_field()
    {
        using var db = new FixtureDatabase();
        foreach (var policy in new[] { "actor-critic", "greedy" })
        {
            foreach (var bound in new[] { "15ms", "20ms" })
            {
                db.Run(policy, new Dictionary<string, string> { ["ues.count"] = "10", ["ues.task_types.0.deadline"] = bound }, new Dictionary<string, double> { ["deadline_met_rate"] = 0.5 });
            }
        }

        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, FigureCatalog.Find("zhou2024-fig4")! with { Policies = ["actor-critic", "greedy"] });

        Assert.Equal(
            [
                "Proposed actor-critic (Zhou et al.), Relative deadline of task type 0 = 15ms",
                "Proposed actor-critic (Zhou et al.), Relative deadline of task type 0 = 20ms",
                "Greedy (Zhou et al.), Relative deadline of task type 0 = 15ms",
                "Greedy (Zhou et al.), Relative deadline of task type 0 = 20ms",
            ],
            Assert.Single(figure.Panels).Series.Select(s => s.Label));
    }

    [Fact]
    public void Given_groups_without_a_label_template_Then_each_names_its_policy_and_the_grid_value_in_words()
    {
        using var db = new FixtureDatabase();
        db.Run("nearest", new Dictionary<string, string> { ["ues.count"] = "10", ["base_stations.bandwidth"] = "20MHz" }, new Dictionary<string, double> { ["mean_latency"] = 0.01 });
        db.Run("nearest", new Dictionary<string, string> { ["ues.count"] = "10", ["base_stations.bandwidth"] = "40MHz" }, new Dictionary<string, double> { ["mean_latency"] = 0.01 });
        using var reader = new TraceReader(db.PathName);

        var figure = FigureBuilder.Build(reader, new FigureSpec { Name = "t", Kind = FigureKind.Sweep, X = "ues.count", Metrics = [MetricLabels.For("mean_latency")], By = ["policy", "base_stations.bandwidth"] });

        var panel = Assert.Single(figure.Panels);
        Assert.Equal(["Nearest, Uplink bandwidth B of each base station = 20MHz", "Nearest, Uplink bandwidth B of each base station = 40MHz"], panel.Series.Select(s => s.Label));
        Assert.Equal("Number of UEs", panel.XLabel);
        Assert.Equal("Mean latency, completed tasks (ms)", panel.YLabel);
    }
}
