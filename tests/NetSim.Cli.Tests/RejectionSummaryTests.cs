using System.Globalization;
using System.Text.RegularExpressions;
using NetSim.Network.Recording;
using NetSim.Traces;

namespace NetSim.Cli.Tests;

/// <summary>Rejections by reason in the run summary and in <c>netsim report</c>.</summary>
public class RejectionSummaryTests
{
    /// <summary>The value cell of the summary row labelled <paramref name="label"/>, with its population.</summary>
    private static (string Over, string Value)? Row(string output, string label)
    {
        var match = Regex.Match(output, $@"│\s*{Regex.Escape(label)}\s*│\s*([^│]*?)\s*│\s*([^│]*?)\s*│");
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : null;
    }

    [Fact]
    public void Given_coverage_and_queue_capacity_When_run_Then_the_summary_and_report_show_rejections_by_reason_over_all_created_tasks()
    {
        using var netsim = new Netsim();

        var (exit, stdout, stderr) = netsim.Run(
            "run", netsim.Scenario("quickstart.yaml"), "--out", "q.db", "--trace", "tasks",
            "--set", "base_stations.coverage=250m", "--set", "base_stations.admission.queue_tasks=2");
        var report = netsim.Run("report", "q.db");

        Assert.True(exit == 0, stderr);
        Assert.Equal(0, report.Exit);
        using var reader = new TraceReader(netsim.File("q.db"));
        var tasks = reader.Tasks(1).ToList();
        foreach (var reason in RejectReasons.All)
        {
            var expected = $"{(100.0 * tasks.Count(t => t.Rejected == reason) / tasks.Count).ToString("G4", CultureInfo.InvariantCulture)} %";
            var label = $"Rejected: {RejectReasons.Name(reason)}";
            foreach (var output in new[] { stdout, report.Out })
            {
                var row = Row(output, label);
                Assert.True(row is not null, $"no row {label} in\n{output}");
                Assert.Equal("of all created tasks", row.Value.Over);
                Assert.Equal(expected, row.Value.Value);
            }
        }

        Assert.Contains(tasks, t => t.Rejected == RejectReason.Range);
        Assert.Contains(tasks, t => t.Rejected == RejectReason.Capacity);
        var total = $"{(100.0 * tasks.Count(t => t.Rejected != RejectReason.None) / tasks.Count).ToString("G4", CultureInfo.InvariantCulture)} %";
        Assert.Equal(total, Row(stdout, "Rejected")!.Value.Value);
    }

    [Fact]
    public void Given_no_admission_control_When_run_Then_the_summary_has_no_rejection_rows()
    {
        using var netsim = new Netsim();

        var (exit, stdout, stderr) = netsim.Run("run", netsim.Scenario("quickstart.yaml"), "--out", "q.db");

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("Rejected", stdout, StringComparison.Ordinal);
    }
}
