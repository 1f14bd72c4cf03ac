using System.Runtime.InteropServices;

namespace NetSim.Cli;

/// <summary>
/// SIGINT (Ctrl-C), SIGTERM (what Slurm sends at a job's time limit and Kubernetes at eviction) and
/// SIGHUP, handled alike while a command runs: the first one cancels <see cref="Token"/>, so runs
/// in flight stop at their next chunk and are marked interrupted with their rows so far, and the
/// command exits with <see cref="ExitCode"/> (130 for SIGINT, 143 for SIGTERM and SIGHUP). A
/// signal the process inherited as ignored (nohup's SIGHUP) stays ignored.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    public Interruption() =>
        _registrations = [Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM), Register(PosixSignal.SIGHUP)];

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Whether a signal came.</summary>
    public bool Requested => _cancel.IsCancellationRequested;

    /// <summary>The exit code for the signal that came: 130 for SIGINT, 143 for SIGTERM and SIGHUP.</summary>
    public int ExitCode => (PosixSignal)Volatile.Read(ref _signal) == PosixSignal.SIGINT ? ExitCodes.Interrupted : ExitCodes.Terminated;

    /// <summary>What interrupted the command, for the runs' message.</summary>
    public string Reason => (PosixSignal)Volatile.Read(ref _signal) switch
    {
        PosixSignal.SIGINT => "interrupted by SIGINT (Ctrl-C)",
        PosixSignal.SIGTERM => "interrupted by SIGTERM",
        PosixSignal.SIGHUP => "interrupted by SIGHUP",
        _ => "interrupted: the sweep stopped on another run's error",
    };

    /// <summary>Cancels <see cref="Token"/> without a signal (a worker failed).</summary>
    public void Stop() => _cancel.Cancel();

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal) => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true;
        Interlocked.CompareExchange(ref _signal, (int)signal, 0);
        _cancel.Cancel();
    });
}
