using NetSim.Policies.ScaKkt;

namespace NetSim.Policies.Tests.ScaKkt;

public sealed class OptionsTests
{
    [Fact]
    public void Given_every_option_as_scenario_text_When_parsed_Then_each_reaches_the_problem_and_settings()
    {
        var options = new Dictionary<string, object?>
        {
            ["edge_steps_budget"] = "500",
            ["local_steps_max"] = "15",
            ["edge_steps_max"] = "80",
            ["steps_min"] = "2",
            ["c1"] = "2",
            ["c2"] = "3",
            ["c3"] = "1e-4",
            ["w1"] = "0.3",
            ["w2"] = "0.7",
            ["tau"] = "1e4",
            ["outer_iterations"] = "7",
            ["inner_iterations"] = "9",
            ["tolerance"] = "1e-5",
            ["flip_rounds"] = "0",
        };

        var parsed = ScaKktOptions.Parse(options);

        Assert.Equal((500.0, 15.0, 80.0, 2.0), (parsed.EdgeStepBudget, parsed.LocalStepsMax, parsed.EdgeStepsMax, parsed.StepsMin));
        Assert.Equal(new ScaKktWeights(2, 3, 1e-4, 0.3, 0.7), parsed.Weights);
        Assert.Equal((1e4, 1e4, 7, 9, 1e-5, 0), (parsed.Settings.Tau, parsed.Settings.TauStart, parsed.Settings.MaxOuter, parsed.Settings.MaxInner, parsed.Settings.Tolerance, parsed.Settings.FlipRounds));
    }

    [Theory]
    [InlineData("tau", "-1", "option 'tau': '-1' is not a finite number > 0")]
    [InlineData("c3", "lots", "option 'c3': 'lots' is not a finite number >= 0")]
    [InlineData("edge_steps_max", "0.5", "option 'edge_steps_max': '0.5' is not a finite number >= 1")]
    [InlineData("inner_iterations", "2.5", "option 'inner_iterations': '2.5' is not a whole number >= 1")]
    [InlineData("budget", "3", "unknown option 'budget' (known: edge_steps_budget,")]
    public void Given_a_bad_option_When_parsed_Then_the_error_names_it_and_what_was_expected(string key, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => ScaKktOptions.Parse(new Dictionary<string, object?> { [key] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
