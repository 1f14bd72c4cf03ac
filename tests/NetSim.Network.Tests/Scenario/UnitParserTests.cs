using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Tests.Scenario;

public class UnitParserTests
{
    [Theory]
    [InlineData("20MHz", UnitKind.Frequency, 20e6)]
    [InlineData("10ms", UnitKind.Time, 0.01)]
    [InlineData("10 ms", UnitKind.Time, 0.01)]
    [InlineData("150KB", UnitKind.Size, 1.2e6)]
    [InlineData("1.2Mbit", UnitKind.Size, 1.2e6)]
    [InlineData("2GB", UnitKind.Size, 16e9)]
    [InlineData("1KiB", UnitKind.Size, 8192)]
    [InlineData("15GFLOPS", UnitKind.ComputeRate, 15e9)]
    [InlineData("1.5GHz", UnitKind.ComputeRate, 1.5e9)]
    [InlineData("300MFLOP", UnitKind.Work, 300e6)]
    [InlineData("1Gbps", UnitKind.DataRate, 1e9)]
    [InlineData("1km", UnitKind.Distance, 1000)]
    [InlineData("20dBm", UnitKind.Power, 0.1)]
    [InlineData("-100dBm", UnitKind.Power, 1e-13)]
    [InlineData("30dBW", UnitKind.Power, 1000)]
    [InlineData("250mW", UnitKind.Power, 0.25)]
    [InlineData("100/s", UnitKind.PerSecond, 100)]
    [InlineData("128.1", UnitKind.Decibel, 128.1)]
    [InlineData("1e-26", UnitKind.None, 1e-26)]
    public void Given_a_value_with_its_unit_Then_it_reads_in_si_units(string text, UnitKind kind, double expected)
    {
        Assert.Null(UnitParser.TryParse(text, kind, out var value));
        Assert.Equal(expected, value, expected * 1e-12);
    }

    [Theory]
    [InlineData("20MHz", UnitKind.Time, "'MHz' is not a unit of a time (expected a time in s, ms")]
    [InlineData("20", UnitKind.Time, "'20' has no unit")]
    [InlineData("fast", UnitKind.Time, "'fast' is not a number with a unit")]
    [InlineData("NaN", UnitKind.Size, "is not a finite number")]
    [InlineData(".inf ms", UnitKind.Time, "is not a finite number")]
    [InlineData("20mbps", UnitKind.DataRate, "'mbps' is not a unit of a data rate")]
    public void Given_a_wrong_unit_or_number_Then_the_message_says_what_is_accepted(string text, UnitKind kind, string expected)
    {
        var error = UnitParser.TryParse(text, kind, out _);

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
