using NetSim.Traces;

namespace NetSim.Cli.Tests;

public class FadingRunTests
{
    [Theory]
    [InlineData("10ms")]
    [InlineData("7ms")]
    public void Given_the_quickstart_with_Rayleigh_fading_When_run_Then_it_completes(string block)
    {
        // The command of issue 12: with 10 ms blocks the boundary at 0.29 s made the run spin forever.
        using var netsim = new Netsim();

        var (exit, _, stderr) = netsim.Run(
            "run", netsim.Scenario("quickstart.yaml"), "--out", "f.db", "--set", "duration=2s",
            "--set", "channel.fading.kind=rayleigh", "--set", $"channel.fading.block={block}");

        Assert.True(exit == 0, stderr);
        using var reader = new TraceReader(netsim.File("f.db"));
        var run = Assert.Single(reader.Runs());
        Assert.Equal("complete", run.Status);
    }
}
