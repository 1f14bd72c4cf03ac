using NetSim.Network.Recording;
using NetSim.Plots.Data;
using NetSim.Traces;

namespace NetSim.Plots.Reproduction;

/// <summary>One trace database of the reproduction's work directory: its complete runs, read once.</summary>
internal sealed class WorkDatabase : IDisposable
{
    private readonly TraceReader _reader;
    private readonly Lazy<IReadOnlyList<RunData>> _runs;

    private WorkDatabase(string name, TraceReader reader)
    {
        Name = name;
        _reader = reader;
        _runs = new Lazy<IReadOnlyList<RunData>>(() => RunSet.Load(_reader, new Dictionary<string, string>(), []));
    }

    /// <summary>The file's name in the work directory.</summary>
    public string Name { get; }

    /// <summary>Every complete run.</summary>
    public IReadOnlyList<RunData> Runs => _runs.Value;

    public static WorkDatabase Open(string workDir, string name)
    {
        var path = Path.Combine(workDir, name);
        if (!File.Exists(path))
        {
            throw new MissingDataException($"{name}: not in the work directory (tools/reproduce-papers.sh writes it)");
        }

        return new WorkDatabase(name, new TraceReader(path));
    }

    /// <summary>Complete runs of <paramref name="policy"/> matching <paramref name="where"/>.</summary>
    public IReadOnlyList<RunData> Of(string policy, Func<RunData, bool>? where = null) =>
        Runs.Where(r => r.Row.Policy == policy && (where is null || where(r))).ToList();

    /// <summary>The decided tasks of the complete runs of <paramref name="policy"/>.</summary>
    public IEnumerable<TaskRecord> DecidedTasks(string policy) =>
        Of(policy).SelectMany(r => _reader.Tasks(r.Row.RunId)).Where(t => t.Target is not null);

    /// <summary>Every training episode in the database.</summary>
    public IReadOnlyList<EpisodeRecord> Episodes() => _reader.Runs().SelectMany(r => _reader.Episodes(r.RunId)).ToList();

    public void Dispose() => _reader.Dispose();
}
