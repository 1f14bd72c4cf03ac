using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary>The root of a scenario file.</summary>
public sealed class ScenarioConfig
{
    /// <summary>Name.</summary>
    [Param("scenario name (default: the file name)")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Description.</summary>
    [Param("free text")]
    public string Description { get; set; } = string.Empty;

    /// <summary>Includes.</summary>
    [Param("files this one builds on (relative to it); this file's values override theirs")]
    public List<string> Include { get; set; } = [];

    /// <summary>Root seed.</summary>
    [Param("root seed; every entity draws from its own stream derived from it", Min = 0)]
    public ulong Seed { get; set; } = 1;

    /// <summary>Arrival window.</summary>
    [Param("tasks arrive in [0, duration)", Unit = UnitKind.Time, Min = 0, MinExclusive = true)]
    public double Duration { get; set; } = 10;

    /// <summary>Drain.</summary>
    [Param("after the duration, run on until every task has ended (up to max_time)")]
    public bool Drain { get; set; } = true;

    /// <summary>Hard stop.</summary>
    [Param("hard stop of simulated time; tasks still running then are unfinished", Unit = UnitKind.Time, Min = 0, MinExclusive = true)]
    public double MaxTime { get; set; } = 3600;

    /// <summary>Warm-up.</summary>
    [Param("warm-up cut: statistics exclude tasks created before it and per-node statistics start at it. auto: each replication's cut is chosen by MSER-5 on its completed tasks' latencies in creation order (the replication then runs twice, once to find the cut)", Unit = UnitKind.Time, Min = 0, NoLimit = "auto")]
    public double Warmup { get; set; }

    /// <summary>Batch means.</summary>
    [Param("batches of the batch-means confidence interval of mean latency, for a single long run (--replications 1)", Min = 2, Max = 10_000)]
    public int BatchMeans { get; set; } = 20;

    /// <summary>Policy.</summary>
    [Param("the policy: a name, or {name, checkpoint, options}")]
    public PolicyConfig Policy { get; set; } = new();

    /// <summary>Scheduler.</summary>
    [Param("when the policy is asked")]
    public SchedulerConfig Scheduler { get; set; } = new();

    /// <summary>UEs.</summary>
    [Param("user equipment")]
    public UesConfig Ues { get; set; } = new();

    /// <summary>Base stations.</summary>
    [Param("base stations with MEC servers")]
    public BaseStationsConfig BaseStations { get; set; } = new();

    /// <summary>Cloud.</summary>
    [Param("the cloud")]
    public CloudConfig Cloud { get; set; } = new();

    /// <summary>Channel.</summary>
    [Param("the wireless uplink")]
    public ChannelConfig Channel { get; set; } = new();

    /// <summary>Models.</summary>
    [Param("AIGC models (at least one)", Min = 1)]
    public List<ModelConfig> Models { get; set; } = [new()];

    /// <summary>Quality.</summary>
    [Param("diffusion quality law")]
    public QualityConfig Quality { get; set; } = new();

    /// <summary>Offloading switches.</summary>
    [Param("offloading switches")]
    public OffloadingConfig Offloading { get; set; } = new();

    /// <summary>Sweep.</summary>
    [Param("what netsim sweep varies")]
    public SweepConfig Sweep { get; set; } = new();
}
