using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>scheduler:</c> when the policy is asked.</summary>
public sealed class SchedulerConfig
{
    /// <summary>Decision epochs.</summary>
    [Param("decision epochs: arrival (each task alone), slot (tasks of a slot together), batch (one task per UE at t = 0)")]
    public EpochName Epoch { get; set; } = EpochName.Arrival;

    /// <summary>Slot length.</summary>
    [Param("slot length for epoch: slot", Unit = UnitKind.Time, Min = 0, MinExclusive = true)]
    public double Slot { get; set; } = 0.01;
}

/// <summary>Where a group of nodes stands.</summary>
public sealed class PlacementConfig
{
    /// <summary>Placement kind.</summary>
    [Param("disk, rectangle (uniform at random), grid (regular) or points (explicit)")]
    public PlacementName Kind { get; set; } = PlacementName.Disk;

    /// <summary>Centre.</summary>
    [Param("centre of the disk, rectangle or grid: [x, y]", Unit = UnitKind.Distance)]
    public List<double> Center { get; set; } = [0, 0];

    /// <summary>Disk radius.</summary>
    [Param("disk radius", Unit = UnitKind.Distance, Min = 0, MinExclusive = true)]
    public double Radius { get; set; } = 500;

    /// <summary>Rectangle width.</summary>
    [Param("rectangle or grid width", Unit = UnitKind.Distance, Min = 0)]
    public double Width { get; set; } = 1000;

    /// <summary>Rectangle height.</summary>
    [Param("rectangle or grid height", Unit = UnitKind.Distance, Min = 0)]
    public double Height { get; set; } = 1000;

    /// <summary>Explicit positions.</summary>
    [Param("explicit positions [[x, y], ...], one per node", Unit = UnitKind.Distance)]
    public List<List<double>> Points { get; set; } = [];
}

/// <summary><c>ues.energy:</c> device energy.</summary>
public sealed class EnergyConfig
{
    /// <summary>Energy coefficient.</summary>
    [Param("energy per operation is kappa * f^2 joules at processor rate f (equivalently k*T*f^3); 0 = not counted", Min = 0)]
    public double Kappa { get; set; } = 1e-28;
}

/// <summary><c>ues.arrivals:</c> how tasks arrive.</summary>
public sealed class ArrivalsConfig
{
    /// <summary>Arrival process.</summary>
    [Param("slot (one task per UE per interval), poisson (rate), uniform (gaps uniform in [0, 2*interval]) or trace (file)")]
    public ArrivalName Kind { get; set; } = ArrivalName.Poisson;

    /// <summary>Slot length or mean gap.</summary>
    [Param("slot length (slot) or mean gap (uniform)", Unit = UnitKind.Time, Min = 0, MinExclusive = true)]
    public double Interval { get; set; } = 0.01;

    /// <summary>Poisson rate per UE.</summary>
    [Param("tasks per second per UE (poisson)", Unit = UnitKind.PerSecond, Min = 0, MinExclusive = true)]
    public double Rate { get; set; } = 1;

    /// <summary>Trace file.</summary>
    [Param("trace CSV with columns time,ue[,type][,size_bits], relative to the scenario file (trace)")]
    public string File { get; set; } = string.Empty;
}

/// <summary>One entry of <c>ues.task_types</c>.</summary>
public sealed class TaskTypeConfig
{
    /// <summary>Type name.</summary>
    [Param("task type name")]
    public string Name { get; set; } = "default";

    /// <summary>Model name.</summary>
    [Param("name of the model (in models) the task needs")]
    public string Model { get; set; } = "default";

    /// <summary>Relative probability.</summary>
    [Param("relative probability of this type", Min = 0, MinExclusive = true)]
    public double Weight { get; set; } = 1;

    /// <summary>Input size.</summary>
    [Param("input size: a size, {uniform: [a, b]} or {exponential: mean}", Unit = UnitKind.Size, Min = 0, MinExclusive = true)]
    public Distribution Size { get; set; } = Distribution.Constant(1.2e6);

    /// <summary>Relative deadline.</summary>
    [Param("relative deadline: a time, a distribution, or none", Unit = UnitKind.Time, Min = 0, MinExclusive = true, AllowNone = true)]
    public Distribution Deadline { get; set; } = Distribution.None;

    /// <summary>Diffusion steps.</summary>
    [Param("reverse-diffusion steps (diffusion models); a policy may change them", Min = 1)]
    public int Steps { get; set; } = 20;
}

/// <summary><c>ues:</c> user equipment.</summary>
public sealed class UesConfig
{
    /// <summary>Number of UEs.</summary>
    [Param("number of UEs", Min = 1)]
    public int Count { get; set; } = 10;

    /// <summary>Placement.</summary>
    [Param("where the UEs stand")]
    public PlacementConfig Placement { get; set; } = new();

    /// <summary>Processor rate.</summary>
    [Param("device processor rate (a distribution is drawn once per UE)", Unit = UnitKind.ComputeRate, Min = 0, MinExclusive = true)]
    public Distribution Compute { get; set; } = Distribution.Constant(300e6);

    /// <summary>Transmit power.</summary>
    [Param("transmit power", Unit = UnitKind.Power, Min = 0, MinExclusive = true)]
    public double TxPower { get; set; } = 0.1;

    /// <summary>Energy model.</summary>
    [Param("device energy")]
    public EnergyConfig Energy { get; set; } = new();

    /// <summary>Arrivals.</summary>
    [Param("how tasks arrive")]
    public ArrivalsConfig Arrivals { get; set; } = new();

    /// <summary>The task mix.</summary>
    [Param("the task mix (at least one type)", Min = 1)]
    public List<TaskTypeConfig> TaskTypes { get; set; } = [new()];
}

/// <summary><c>base_stations.server.cache:</c> model cache.</summary>
public sealed class CacheConfig
{
    /// <summary>Capacity.</summary>
    [Param("cache capacity", Unit = UnitKind.Size, Min = 0)]
    public double Capacity { get; set; } = 8e10;

    /// <summary>Models present at t = 0.</summary>
    [Param("model names cached at t = 0, or [all]")]
    public List<string> Preload { get; set; } = ["all"];
}

/// <summary><c>base_stations.server:</c> the MEC server beside each base station.</summary>
public sealed class ServerConfig
{
    /// <summary>Core rate.</summary>
    [Param("rate of one core", Unit = UnitKind.ComputeRate, Min = 0, MinExclusive = true)]
    public double Compute { get; set; } = 15e9;

    /// <summary>Cores.</summary>
    [Param("cores", Min = 1)]
    public int Cores { get; set; } = 1;

    /// <summary>Discipline.</summary>
    [Param("fifo or ps (processor sharing)")]
    public DisciplineName Discipline { get; set; } = DisciplineName.Fifo;

    /// <summary>Energy coefficient.</summary>
    [Param("edge energy per operation is kappa * f^2 joules; 0 = not counted", Min = 0)]
    public double Kappa { get; set; }

    /// <summary>Cache.</summary>
    [Param("model cache")]
    public CacheConfig Cache { get; set; } = new();

    /// <summary>Switch time.</summary>
    [Param("time charged when a core changes the loaded model", Unit = UnitKind.Time, Min = 0)]
    public double SwitchTime { get; set; }
}

/// <summary><c>base_stations.backhaul:</c> edge-cloud link.</summary>
public sealed class BackhaulConfig
{
    /// <summary>Rate.</summary>
    [Param("edge-cloud link rate, shared FIFO by offloaded tasks and model downloads", Unit = UnitKind.DataRate, Min = 0, MinExclusive = true)]
    public double Rate { get; set; } = 1e9;

    /// <summary>Delay.</summary>
    [Param("propagation delay", Unit = UnitKind.Time, Min = 0)]
    public double Delay { get; set; } = 0.005;
}

/// <summary><c>base_stations:</c> base stations with MEC servers.</summary>
public sealed class BaseStationsConfig
{
    /// <summary>Count.</summary>
    [Param("number of base stations (each with an edge server)", Min = 0)]
    public int Count { get; set; } = 2;

    /// <summary>Placement.</summary>
    [Param("where the base stations stand")]
    public PlacementConfig Placement { get; set; } = new() { Kind = PlacementName.Grid };

    /// <summary>Bandwidth.</summary>
    [Param("uplink bandwidth B of each base station, shared by its active uploads", Unit = UnitKind.Frequency, Min = 0, MinExclusive = true)]
    public double Bandwidth { get; set; } = 20e6;

    /// <summary>Noise.</summary>
    [Param("noise power sigma^2", Unit = UnitKind.Power, Min = 0, MinExclusive = true)]
    public double Noise { get; set; } = 1e-13;

    /// <summary>Server.</summary>
    [Param("MEC server")]
    public ServerConfig Server { get; set; } = new();

    /// <summary>Backhaul.</summary>
    [Param("link to the cloud")]
    public BackhaulConfig Backhaul { get; set; } = new();
}

/// <summary><c>cloud:</c> the cloud.</summary>
public sealed class CloudConfig
{
    /// <summary>Whether a cloud exists.</summary>
    [Param("whether the scenario has a cloud")]
    public bool Enabled { get; set; } = true;

    /// <summary>Core rate.</summary>
    [Param("rate of one cloud core", Unit = UnitKind.ComputeRate, Min = 0, MinExclusive = true)]
    public double Compute { get; set; } = 40e9;

    /// <summary>Cores.</summary>
    [Param("cloud cores", Min = 1)]
    public int Cores { get; set; } = 8;

    /// <summary>Energy coefficient.</summary>
    [Param("cloud energy per operation is kappa * f^2 joules; 0 = not counted", Min = 0)]
    public double Kappa { get; set; }
}

/// <summary><c>channel.path_loss:</c> log-distance path loss.</summary>
public sealed class PathLossConfig
{
    /// <summary>Loss at the reference distance.</summary>
    [Param("loss at the reference distance, dB (128.1 with 37.6 is the 3GPP macro law for d in km)", Unit = UnitKind.Decibel)]
    public double Pl0 { get; set; } = 128.1;

    /// <summary>dB per decade.</summary>
    [Param("dB per decade of distance (10 times the path-loss exponent)", Unit = UnitKind.Decibel, Min = 0)]
    public double Gamma { get; set; } = 37.6;

    /// <summary>Reference distance.</summary>
    [Param("reference distance d0 in pl0 + gamma*log10(d/d0)", Unit = UnitKind.Distance, Min = 0, MinExclusive = true)]
    public double Reference { get; set; } = 1000;

    /// <summary>Smallest distance.</summary>
    [Param("distances are clamped to at least this", Unit = UnitKind.Distance, Min = 0, MinExclusive = true)]
    public double MinDistance { get; set; } = 10;
}

/// <summary><c>channel.fading:</c> small-scale fading.</summary>
public sealed class FadingConfig
{
    /// <summary>Fading kind.</summary>
    [Param("none or rayleigh (block fading, |h|^2 ~ Exp(1) per block)")]
    public FadingName Kind { get; set; } = FadingName.None;

    /// <summary>Block length.</summary>
    [Param("coherence time of a fading block", Unit = UnitKind.Time, Min = 0, MinExclusive = true)]
    public double Block { get; set; } = 0.01;
}

/// <summary><c>channel.downlink:</c> result return.</summary>
public sealed class DownlinkConfig
{
    /// <summary>Whether results return over a downlink.</summary>
    [Param("return results over a fixed-rate downlink")]
    public bool Enabled { get; set; }

    /// <summary>Rate.</summary>
    [Param("downlink rate", Unit = UnitKind.DataRate, Min = 0, MinExclusive = true)]
    public double Rate { get; set; } = 1e8;

    /// <summary>Result size.</summary>
    [Param("result size", Unit = UnitKind.Size, Min = 0)]
    public double ResultSize { get; set; }
}

/// <summary><c>channel:</c> the wireless uplink.</summary>
public sealed class ChannelConfig
{
    /// <summary>Kind.</summary>
    [Param("shannon (SINR-based rates) or ideal (fixed rate, no sharing, no interference)")]
    public ChannelName Kind { get; set; } = ChannelName.Shannon;

    /// <summary>Ideal rate.</summary>
    [Param("rate of every upload on an ideal channel", Unit = UnitKind.DataRate, Min = 0, MinExclusive = true)]
    public double IdealRate { get; set; } = 1e8;

    /// <summary>Path loss.</summary>
    [Param("path-loss law")]
    public PathLossConfig PathLoss { get; set; } = new();

    /// <summary>Interference.</summary>
    [Param("count uploads to other base stations as interference")]
    public bool Interference { get; set; } = true;

    /// <summary>Bandwidth sharing.</summary>
    [Param("equal shares, or shares set by the policy")]
    public ShareName Share { get; set; } = ShareName.Equal;

    /// <summary>Fading.</summary>
    [Param("small-scale fading")]
    public FadingConfig Fading { get; set; } = new();

    /// <summary>Shadowing.</summary>
    [Param("log-normal shadowing standard deviation, drawn once per UE-base station pair", Unit = UnitKind.Decibel, Min = 0)]
    public double Shadowing { get; set; }

    /// <summary>Downlink.</summary>
    [Param("result return")]
    public DownlinkConfig Downlink { get; set; } = new();
}

/// <summary><c>models[].work:</c> how much compute a task needs.</summary>
public sealed class WorkConfig
{
    /// <summary>Kind.</summary>
    [Param("fixed (per task), per_bit (per input bit) or diffusion (steps times per-step time)")]
    public WorkName Kind { get; set; } = WorkName.Fixed;

    /// <summary>Server work.</summary>
    [Param("fixed: work of a task on a server", Unit = UnitKind.Work, Min = 0)]
    public double Server { get; set; } = 200e6;

    /// <summary>Device work.</summary>
    [Param("fixed: work of a task on a device (lightweight model)", Unit = UnitKind.Work, Min = 0)]
    public double Device { get; set; } = 50e6;

    /// <summary>Operations per bit.</summary>
    [Param("per_bit: operations (cycles) per input bit", Min = 0)]
    public double PerBit { get; set; } = 1000;

    /// <summary>Device step time.</summary>
    [Param("diffusion: time per step on a device", Unit = UnitKind.Time, Min = 0)]
    public double StepTimeDevice { get; set; } = 0.002;

    /// <summary>Server step time.</summary>
    [Param("diffusion: time per step on a server core", Unit = UnitKind.Time, Min = 0)]
    public double StepTimeServer { get; set; } = 0.001;
}

/// <summary>One entry of <c>models</c>.</summary>
public sealed class ModelConfig
{
    /// <summary>Name.</summary>
    [Param("model name")]
    public string Name { get; set; } = "default";

    /// <summary>Size.</summary>
    [Param("model size (what a download moves)", Unit = UnitKind.Size, Min = 0)]
    public double Size { get; set; } = 8e9;

    /// <summary>Work.</summary>
    [Param("compute work of a task")]
    public WorkConfig Work { get; set; } = new();
}

/// <summary><c>quality:</c> diffusion quality (Wang, Liu and Zhao).</summary>
public sealed class QualityConfig
{
    /// <summary>Forward error.</summary>
    [Param("forward-diffusion error eps_fwd(S)", Min = 0)]
    public double EpsFwd { get; set; } = 1;

    /// <summary>Error attenuation.</summary>
    [Param("error attenuation C1 in eps_fwd * exp(-s*C1)", Min = 0, MinExclusive = true)]
    public double C1 { get; set; } = 0.1;

    /// <summary>Utility growth.</summary>
    [Param("utility growth C2 in 1 - exp(-s*C2)", Min = 0)]
    public double C2 { get; set; } = 0.1;
}

/// <summary><c>offloading:</c> switches.</summary>
public sealed class OffloadingConfig
{
    /// <summary>Partial offloading.</summary>
    [Param("allow offload ratios strictly between 0 and 1 (device and target each run their part)")]
    public bool Partial { get; set; }

    /// <summary>Drop at deadline.</summary>
    [Param("drop a task when its deadline passes")]
    public bool DropAtDeadline { get; set; }
}

/// <summary><c>sweep:</c> what <c>netsim sweep</c> varies.</summary>
public sealed class SweepConfig
{
    /// <summary>Grid of key paths and values.</summary>
    [Param("key path -> list of values; the sweep runs the full grid")]
    public Dictionary<string, Yaml.Node> Parameters { get; set; } = new();

    /// <summary>Policies.</summary>
    [Param("policies to run at every grid point (empty: the scenario's policy)")]
    public List<string> Policies { get; set; } = [];

    /// <summary>Replications.</summary>
    [Param("replications per grid point and policy", Min = 1)]
    public int Replications { get; set; } = 1;
}
