using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Tests.Scenario;

public class UnitParserTests
{
    [Theory]
    [InlineData("10ms", UnitKind.Time, 0.01)]
    [InlineData("10 ms", UnitKind.Time, 0.01)]
    [InlineData("250us", UnitKind.Time, 250e-6)]
    [InlineData("2min", UnitKind.Time, 120)]
    [InlineData("1.5h", UnitKind.Time, 5400)]
    [InlineData("20MHz", UnitKind.Frequency, 20e6)]
    [InlineData("180kHz", UnitKind.Frequency, 180e3)]
    [InlineData("15GFLOPS", UnitKind.ComputeRate, 15e9)]
    [InlineData("1.5GHz", UnitKind.ComputeRate, 1.5e9)]
    [InlineData("2TFLOP/s", UnitKind.ComputeRate, 2e12)]
    [InlineData("300MFLOP", UnitKind.Work, 300e6)]
    [InlineData("1000Mcycles", UnitKind.Work, 1e9)]
    [InlineData("150KB", UnitKind.Size, 1.2e6)]
    [InlineData("150kB", UnitKind.Size, 1.2e6)]
    [InlineData("1.2Mbit", UnitKind.Size, 1.2e6)]
    [InlineData("2GB", UnitKind.Size, 16e9)]
    [InlineData("1KiB", UnitKind.Size, 8192)]
    [InlineData("1GiB", UnitKind.Size, 8 * 1073741824.0)]
    [InlineData("1Gbps", UnitKind.DataRate, 1e9)]
    [InlineData("100Mbit/s", UnitKind.DataRate, 1e8)]
    [InlineData("1MB/s", UnitKind.DataRate, 8e6)]
    [InlineData("1km", UnitKind.Distance, 1000)]
    [InlineData("-250m", UnitKind.Distance, -250)]
    [InlineData("1W", UnitKind.Power, 1)]
    [InlineData("250mW", UnitKind.Power, 0.25)]
    [InlineData("30dBW", UnitKind.Power, 1000)]
    [InlineData("8dB", UnitKind.Decibel, 8)]
    [InlineData("128.1", UnitKind.Decibel, 128.1)]
    [InlineData("100/s", UnitKind.PerSecond, 100)]
    [InlineData("60/min", UnitKind.PerSecond, 1)]
    [InlineData("0.8", UnitKind.PerSecond, 0.8)]
    [InlineData("1e-26", UnitKind.None, 1e-26)]
    [InlineData("0", UnitKind.Time, 0)]
    [InlineData("0", UnitKind.Size, 0)]
    public void Given_a_value_with_its_unit_When_parsed_Then_it_reads_in_si_units(string text, UnitKind kind, double expected)
    {
        Assert.Null(UnitParser.TryParse(text, kind, out var value));

        Assert.Equal(expected, value, Math.Abs(expected) * 1e-12);
    }

    [Theory]
    [InlineData("20dBm", 0.1)]
    [InlineData("-100dBm", 1e-13)]
    [InlineData("0dBm", 1e-3)]
    [InlineData("23dBm", 0.19952623149688797)]
    public void Given_a_power_in_dbm_When_parsed_Then_it_is_ten_to_the_tenth_of_it_milliwatts(string text, double watts)
    {
        Assert.Null(UnitParser.TryParse(text, UnitKind.Power, out var value));

        Assert.Equal(watts, value, watts * 1e-12);
    }

    [Theory]
    [InlineData("20MHz", UnitKind.Time, "'MHz' is not a unit of a time (expected a time in s, ms, us, ns, min, h)")]
    [InlineData("20", UnitKind.Time, "'20' has no unit (expected a time in s, ms, us, ns, min, h)")]
    [InlineData("fast", UnitKind.Time, "'fast' is not a number with a unit (expected a time in s, ms")]
    [InlineData("10ms", UnitKind.Frequency, "'ms' is not a unit of a bandwidth (expected a bandwidth in Hz, kHz, MHz, GHz)")]
    [InlineData("15GFLOP", UnitKind.ComputeRate, "'GFLOP' is not a unit of a compute rate (expected a compute rate in FLOPS, KFLOPS, MFLOPS, GFLOPS, TFLOPS, Hz, kHz, MHz, GHz)")]
    [InlineData("15GFLOPS", UnitKind.Work, "'GFLOPS' is not a unit of an amount of work (expected an amount of work in FLOP, KFLOP")]
    [InlineData("150kb", UnitKind.Size, "'kb' is not a unit of a size (expected a size in bit, Kbit, Mbit, Gbit, Tbit, B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)")]
    [InlineData("20mbps", UnitKind.DataRate, "'mbps' is not a unit of a data rate")]
    [InlineData("20dB", UnitKind.Power, "'dB' is not a unit of a power (expected a power in W, mW, dBm, dBW)")]
    [InlineData("0", UnitKind.Power, "'0' has no unit (expected a power in W, mW, dBm, dBW)")]
    [InlineData("1mi", UnitKind.Distance, "'mi' is not a unit of a distance (expected a distance in m, km)")]
    [InlineData("3dBm", UnitKind.Decibel, "'dBm' is not a unit of a level (expected a level in dB or a bare number)")]
    [InlineData("5/us", UnitKind.PerSecond, "'/us' is not a unit of a rate per second")]
    [InlineData("3s", UnitKind.None, "'3s' is a plain number here, without a unit (expected a plain number)")]
    [InlineData("NaN", UnitKind.Size, "'NaN' is not a finite number")]
    [InlineData(".nan", UnitKind.None, "'.nan' is not a finite number")]
    [InlineData(".inf ms", UnitKind.Time, "'.inf ms' is not a finite number")]
    [InlineData("1e400s", UnitKind.Time, "'1e400s' is not a finite number")]
    [InlineData("1e308GB", UnitKind.Size, "'1e308GB' is too large to be a size")]
    [InlineData("1e308dBm", UnitKind.Power, "'1e308dBm' is too large to be a power")]
    [InlineData("", UnitKind.Distance, "'' is not a number with a unit")]
    public void Given_a_wrong_unit_or_number_When_parsed_Then_the_message_says_what_is_accepted(string text, UnitKind kind, string expected)
    {
        var error = UnitParser.TryParse(text, kind, out var value);

        Assert.NotNull(error);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.True(double.IsNaN(value));
    }

    [Fact]
    public void Given_every_kind_When_its_units_are_listed_Then_each_parses_and_matches_the_schema_pattern()
    {
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            var pattern = new System.Text.RegularExpressions.Regex(UnitParser.Pattern(kind));
            foreach (var unit in UnitTable.Of(kind))
            {
                var text = "12.5" + unit.Symbol;
                Assert.Null(UnitParser.TryParse(text, kind, out _));
                Assert.Matches(pattern, text);
            }

            Assert.DoesNotMatch(pattern, "12.5 parsecs");
            Assert.DoesNotMatch(pattern, string.Empty);
        }
    }

    [Theory]
    [InlineData(0.01, UnitKind.Time, "10ms")]
    [InlineData(3600, UnitKind.Time, "1h")]
    [InlineData(90, UnitKind.Time, "90s")]
    [InlineData(120, UnitKind.Time, "2min")]
    [InlineData(0, UnitKind.Time, "0s")]
    [InlineData(1.2e6, UnitKind.Size, "150KB")]
    [InlineData(8e9, UnitKind.Size, "1GB")]
    [InlineData(1, UnitKind.Size, "1bit")]
    [InlineData(20e6, UnitKind.Frequency, "20MHz")]
    [InlineData(15e9, UnitKind.ComputeRate, "15GFLOPS")]
    [InlineData(1e9, UnitKind.DataRate, "1Gbps")]
    [InlineData(0.1, UnitKind.Power, "20dBm")]
    [InlineData(1e-13, UnitKind.Power, "-100dBm")]
    [InlineData(0.25, UnitKind.Power, "250mW")]
    [InlineData(500, UnitKind.Distance, "500m")]
    [InlineData(1, UnitKind.PerSecond, "1/s")]
    public void Given_an_si_value_When_formatted_Then_it_has_a_readable_unit_and_parses_back(double value, UnitKind kind, string expected)
    {
        var text = UnitFormat.Format(value, kind);

        Assert.Equal(expected, text);
        Assert.Null(UnitParser.TryParse(text, kind, out var back));
        Assert.Equal(value, back, Math.Abs(value) * 1e-9);
    }
}
