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

    /// <summary>Starts netsim and returns the process without waiting (its output is discarded).</summary>
    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("env") { WorkingDirectory = WorkDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["--default-signal=INT,TERM,HUP", "dotnet", Path.Combine(AppContext.BaseDirectory, "netsim.dll"), .. args])
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["NO_COLOR"] = "1";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs netsim; <paramref name="whileRunning"/> gets the process id once it has started.</summary>
    public (int Exit, string Out, string Err) Run(Action<int>? whileRunning, params string[] args) => RunUnder([], whileRunning, args);

    /// <summary>Runs netsim as the last arguments of <paramref name="prefix"/> (a command that runs its arguments, such as unshare).</summary>
    public (int Exit, string Out, string Err) RunUnder(string[] prefix, Action<int>? whileRunning, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "netsim.dll");
        // Through env, which resets the signals netsim handles to their default: a child inherits
        // ignored signals (SIGINT in the background of a non-interactive shell, SIGHUP under nohup),
        // and netsim leaves an inherited ignored signal ignored, so the tests that send signals
        // must not depend on how the test runner was started.
        string[] command = [.. prefix, "env", "--default-signal=INT,TERM,HUP", "dotnet", dll, .. args];
        var info = new ProcessStartInfo(command[0]) { WorkingDirectory = WorkDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in command.Skip(1))
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
