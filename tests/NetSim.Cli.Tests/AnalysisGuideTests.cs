using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace NetSim.Cli.Tests;

/// <summary>
/// docs/analysis.md as a user follows it: its netsim commands, its first pandas block (Debian's
/// python3-pandas, which tools/deps.sh installs) and its SQL query give the same table. pandas and
/// SQLite compute the counts and means independently of each other and of NetSim's own statistics.
/// </summary>
public sealed partial class AnalysisGuideTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Netsim _netsim = new();

    public void Dispose() => _netsim.Dispose();

    [Fact]
    public void Given_the_analysis_guide_When_its_commands_pandas_and_sql_run_Then_pandas_and_sql_agree_value_by_value()
    {
        var guide = File.ReadAllText(Path.Combine(Netsim.Root, "docs", "analysis.md"));
        var commands = Blocks(guide, "sh").First().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(commands, c => Assert.StartsWith("netsim ", c, StringComparison.Ordinal));
        foreach (var command in commands)
        {
            var args = command["netsim ".Length..].Split(' ').Select(a => a.StartsWith("scenarios/", StringComparison.Ordinal) ? Path.Combine(Netsim.Root, a) : a).ToArray();
            var (exit, _, err) = _netsim.Run(args);
            Assert.True(exit == 0, $"{command}: {err}");
        }

        Assert.True(File.Exists(Python), $"{Python} is missing; tools/deps.sh installs Debian's python3 and python3-pandas");
        var script = _netsim.File("guide.py");
        File.WriteAllText(script, Blocks(guide, "python").First());
        var pandas = Lines(RunPython(script));

        var sql = Blocks(guide, "sql").Single();
        var database = _netsim.File("results/quickstart.db");
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = sql;
        using var reader = query.ExecuteReader();
        var expected = new List<(string Target, long Count, double Mean)>();
        while (reader.Read())
        {
            expected.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2)));
        }

        Assert.True(expected.Count >= 2, "the quickstart sends tasks to at least two targets; fewer would make the comparison trivial");
        Assert.Equal("target,count,mean", pandas[0]);
        Assert.Equal(expected.Count, pandas.Count - 1);
        for (var i = 0; i < expected.Count; i++)
        {
            var cells = pandas[i + 1].Split(',');
            Assert.Equal(expected[i].Target, cells[0]);
            Assert.Equal(expected[i].Count, long.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(expected[i].Mean, double.Parse(cells[2], CultureInfo.InvariantCulture), 1e-12);
        }
    }

    private static IEnumerable<string> Blocks(string markdown, string language) =>
        Fence().Matches(markdown).Where(m => m.Groups[1].Value == language).Select(m => m.Groups[2].Value.Trim());

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    private string RunPython(string script)
    {
        var info = new ProcessStartInfo(Python) { WorkingDirectory = _netsim.WorkDir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "python did not finish in 120 s");
        Assert.True(process.ExitCode == 0, $"python failed (tools/deps.sh installs python3-pandas): {stderr.Result}");
        return stdout.Result;
    }

    [GeneratedRegex(@"```(\w+)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
