using System.Diagnostics;

namespace NetSim.Cli.Tests;

/// <summary>Runs the built <c>netsim</c> command as a user would, in a scratch directory.</summary>
internal sealed class Netsim : IDisposable
{
    public Netsim() => Directory.CreateDirectory(WorkDir);

    public static string Root { get; } = FindRoot();

    public string WorkDir { get; } = Path.Combine(Path.GetTempPath(), "netsim-cli-" + Guid.NewGuid().ToString("N"));

    public string Scenario(string relative) => Path.Combine(Root, "scenarios", relative);

    public string File(string name) => Path.Combine(WorkDir, name);

    public (int Exit, string Out, string Err) Run(params string[] args) => Run(null, args);

    /// <summary>Runs netsim; <paramref name="whileRunning"/> gets the process id once it has started.</summary>
    public (int Exit, string Out, string Err) Run(Action<int>? whileRunning, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "netsim.dll");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = WorkDir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        whileRunning?.Invoke(process.Id);
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"netsim {string.Join(' ', args)} did not finish in 120 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(WorkDir, recursive: true);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "NetSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NetSim.sln not found");
    }
}
