using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NetSim.Traces;

namespace NetSim.Cli.Tests;

/// <summary>
/// SIGINT, SIGTERM (a cluster's time limit or eviction) and SIGHUP stop <c>run</c>, <c>sweep</c> and
/// <c>train</c> alike: the runs in flight are marked interrupted with their rows so far and the exit
/// code is 130 for SIGINT, 143 for the others, within seconds. The child starts with the signals'
/// default dispositions (see <see cref="Netsim.Start"/>), whatever the test runner inherited.
/// </summary>
public class SignalTests
{
    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var command in new[] { "run", "sweep", "train" })
        {
            data.Add(command, "INT", 130);
            data.Add(command, "TERM", 143);
            data.Add(command, "HUP", 143);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_a_long_command_When_sent_a_signal_Then_its_runs_in_flight_are_interrupted_with_their_rows_and_it_exits_with_the_signals_code(string command, string signal, int expected)
    {
        using var netsim = new Netsim();
        var db = netsim.File("long.db");
        var forever = new[] { "--set", "duration=1000000s", "--set", "max_time=1000000s" };
        string[] args = command switch
        {
            "run" => ["run", netsim.Scenario("quickstart.yaml"), "--out", db, .. forever],
            "sweep" => ["sweep", Sweep(netsim), "--jobs", "2", "--out", db, .. forever],
            _ => ["train", Path.Combine(Netsim.Root, "tests", "NetSim.Learning.Tests", "Scenarios", "zhou-small.yaml"), "--episodes", "1000000", "--out", netsim.File("a.ckpt"), "--db", db],
        };
        using var process = netsim.Start(args);
        try
        {
            Interrupt(netsim, process, command, signal, expected, db);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private static void Interrupt(Netsim netsim, Process process, string command, string signal, int expected, string db)
    {
        // Every run in flight (two for the sweep's two jobs) must have rows before the signal, or the
        // check that each kept its rows would depend on how fast this machine starts them.
        // Training commits its episodes at the end; its first checkpoint (after ten episodes) shows it has some.
        var inFlight = command == "sweep" ? 2 : 1;
        var condition = $"""
            SELECT (SELECT COUNT(*) FROM runs WHERE status = 'running') = {inFlight}
               AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.status = 'running' AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.run_id = r.run_id))
            """;
        var started = WaitFor(db, condition, process, command == "train" ? netsim.File("a.ckpt") : null);
        Assert.True(started, $"netsim {command} wrote nothing in 60 s (exit {(process.HasExited ? process.ExitCode : -1)})");

        var sent = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(30_000), $"netsim {command} still runs 30 s after SIG{signal}");
        Assert.Equal(expected, process.ExitCode);
        Assert.True(sent.Elapsed < TimeSpan.FromSeconds(10), $"netsim {command} took {sent.Elapsed.TotalSeconds:F1} s to stop after SIG{signal}");
        using var reader = new TraceReader(db);
        var runs = reader.Runs();
        Assert.Equal(command == "sweep" ? 2 : 1, runs.Count);
        Assert.All(runs, r => Assert.Equal("interrupted", r.Status));
        Assert.All(runs, r => Assert.Equal($"interrupted by SIG{signal}{(signal == "INT" ? " (Ctrl-C)" : string.Empty)}", r.Message));
        Assert.All(runs, r => Assert.True(command == "train" ? reader.Episodes(r.RunId).Any() : reader.Tasks(r.RunId).Any()));
    }

    private static string Sweep(Netsim netsim)
    {
        System.IO.File.WriteAllText(netsim.File("sweep.yaml"), $"include: {netsim.Scenario("quickstart.yaml")}\nsweep:\n  policies: [local, nearest]\n  replications: 2\n");
        return "sweep.yaml";
    }

    /// <summary>
    /// Polls <paramref name="db"/> until <paramref name="condition"/> holds, or with a
    /// <paramref name="checkpoint"/> until a run is running and that file exists (true), or 60 s pass
    /// or the process ends (false).
    /// </summary>
    private static bool WaitFor(string db, string condition, Process process, string? checkpoint)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        if (checkpoint is not null)
        {
            condition = "SELECT COUNT(*) > 0 FROM runs WHERE status = 'running'";
        }

        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (System.IO.File.Exists(db) && (checkpoint is null || System.IO.File.Exists(checkpoint)))
            {
                try
                {
                    using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = condition;
                    if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 1)
                    {
                        return true;
                    }
                }
                catch (SqliteException)
                {
                    // The tables are not created yet.
                }
            }

            Thread.Sleep(100);
        }

        return false;
    }
}
