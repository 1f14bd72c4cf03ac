using NetSim.Network.Scenario.Units;

namespace NetSim.Network.Scenario.Config;

/// <summary><c>ues.mobility:</c> how UEs move, and their association and handover.</summary>
public sealed class MobilityConfig
{
    /// <summary>Kind.</summary>
    [Param("static (every UE stands still: no mobility events, the results of a scenario without this section), linear (constant heading and speed), random_waypoint (a uniform destination in the area at a uniform speed, then a pause), gauss_markov (speed and heading with memory alpha, drawn every step) or trace (a CSV of time,ue,x,y interpolated linearly); each UE draws from its own stream ue/N/mobility")]
    public MobilityName Kind { get; set; } = MobilityName.Static;

    /// <summary>Moving UEs.</summary>
    [Param("how many UEs move: the first ones by index (all: every UE; with trace, the UEs the file names)", Min = 0, Max = 1_000_000, NoLimit = "all")]
    public int Moving { get; set; } = int.MaxValue;

    /// <summary>Linear speed.</summary>
    [Param("linear: speed, metres per second", Min = 0)]
    public double Speed { get; set; } = 25;

    /// <summary>Linear heading.</summary>
    [Param("linear: heading, degrees counter-clockwise from east (+x)")]
    public double Heading { get; set; }

    /// <summary>Lowest random-waypoint speed.</summary>
    [Param("random_waypoint: lowest speed, metres per second", Min = 0, MinExclusive = true)]
    public double SpeedMin { get; set; } = 1;

    /// <summary>Highest random-waypoint speed.</summary>
    [Param("random_waypoint: highest speed, metres per second (at least speed_min)", Min = 0, MinExclusive = true)]
    public double SpeedMax { get; set; } = 2;

    /// <summary>Pause at each waypoint.</summary>
    [Param("random_waypoint: pause at each waypoint", Unit = UnitKind.Time, Min = 0)]
    public double Pause { get; set; }

    /// <summary>Gauss-Markov mean speed.</summary>
    [Param("gauss_markov: mean speed, metres per second", Min = 0)]
    public double MeanSpeed { get; set; } = 1.5;

    /// <summary>Gauss-Markov speed spread.</summary>
    [Param("gauss_markov: standard deviation of the speed, metres per second", Min = 0)]
    public double SpeedSd { get; set; } = 0.5;

    /// <summary>Gauss-Markov heading spread.</summary>
    [Param("gauss_markov: standard deviation of the heading, radians", Min = 0)]
    public double HeadingSd { get; set; } = 0.5;

    /// <summary>Gauss-Markov memory.</summary>
    [Param("gauss_markov: memory alpha, 0 (memoryless) to 1 (constant velocity)", Min = 0, Max = 1)]
    public double Alpha { get; set; } = 0.75;

    /// <summary>Gauss-Markov step.</summary>
    [Param("gauss_markov: time between draws of speed and heading", Unit = UnitKind.Time, Min = 0, MinExclusive = true)]
    public double Step { get; set; } = 1;

    /// <summary>Area centre.</summary>
    [Param("random_waypoint and gauss_markov: centre of the rectangle the UEs move in, [x, y]", Unit = UnitKind.Distance)]
    public List<double> Center { get; set; } = [0, 0];

    /// <summary>Area width.</summary>
    [Param("random_waypoint and gauss_markov: width of the area", Unit = UnitKind.Distance, Min = 0)]
    public double Width { get; set; } = 1000;

    /// <summary>Area height.</summary>
    [Param("random_waypoint and gauss_markov: height of the area", Unit = UnitKind.Distance, Min = 0)]
    public double Height { get; set; } = 1000;

    /// <summary>Trace file.</summary>
    [Param("trace: CSV with columns time,ue,x,y (seconds, index, metres), relative to the file that names it; a UE stands at its first point until its time and stays at its last", IsPath = true, RequiredWhen = "kind=trace")]
    public string File { get; set; } = string.Empty;

    /// <summary>Update interval.</summary>
    [Param("time between position updates of the moving UEs (at its whole multiples): their gains, the rates of their uploads, association and coverage are evaluated then, and a UE is also placed exactly when a task of it is decided and when an upload of it is granted; between updates an upload keeps the rate of the last one", Unit = UnitKind.Time, Min = 0, MinExclusive = true)]
    public double Update { get; set; } = 0.1;

    /// <summary>Handover.</summary>
    [Param("association and handover")]
    public HandoverConfig Handover { get; set; } = new();
}

/// <summary><c>ues.mobility.handover:</c> association and handover.</summary>
public sealed class HandoverConfig
{
    /// <summary>Rule.</summary>
    [Param("strongest (hand over when another station is received stronger by the hysteresis) or nearest (as soon as another station is nearer); the candidate is the nearest station covering the UE")]
    public AssociationName Rule { get; set; } = AssociationName.Strongest;

    /// <summary>Hysteresis.</summary>
    [Param("strongest: margin by which the candidate's path gain must exceed the serving station's", Unit = UnitKind.Decibel, Min = 0)]
    public double Hysteresis { get; set; } = 3;

    /// <summary>Time to trigger.</summary>
    [Param("how long the handover condition must hold, at every position update, before the handover", Unit = UnitKind.Time, Min = 0)]
    public double TimeToTrigger { get; set; } = 0.1;

    /// <summary>Interruption.</summary>
    [Param("time an upload in progress is interrupted by a handover before it resumes at the new station", Unit = UnitKind.Time, Min = 0)]
    public double Interruption { get; set; } = 0.05;

    /// <summary>Mode.</summary>
    [Param("continue (an interrupted upload sends the bits it had left to the new station) or restart (it sends them all again)")]
    public HandoverModeName Mode { get; set; } = HandoverModeName.Continue;
}

/// <summary>Mobility models.</summary>
public enum MobilityName
{
    /// <summary>Standing still.</summary>
    Static,

    /// <summary>Constant velocity.</summary>
    Linear,

    /// <summary>Random waypoint.</summary>
    RandomWaypoint,

    /// <summary>Gauss-Markov.</summary>
    GaussMarkov,

    /// <summary>From a trace file.</summary>
    Trace,
}

/// <summary>Association rules.</summary>
public enum AssociationName
{
    /// <summary>Strongest received power with hysteresis.</summary>
    Strongest,

    /// <summary>Nearest station.</summary>
    Nearest,
}

/// <summary>What a handover does to an upload.</summary>
public enum HandoverModeName
{
    /// <summary>Continue with the bits left.</summary>
    Continue,

    /// <summary>Start again.</summary>
    Restart,
}
