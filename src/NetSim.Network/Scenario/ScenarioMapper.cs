using NetSim.Network.Building;
using NetSim.Network.Compute;
using NetSim.Network.Geometry;
using NetSim.Network.Mobility;
using NetSim.Network.Radio;
using NetSim.Network.Scenario.Config;
using NetSim.Network.Scenario.Loading;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network.Scenario;

/// <summary>Turns a validated scenario into the <see cref="WorldSpec"/> a world is built from.</summary>
public static class ScenarioMapper
{
    /// <summary>The world spec of <paramref name="scenario"/> under root seed <paramref name="seed"/>.</summary>
    public static WorldSpec ToSpec(Scenario scenario, ulong seed)
    {
        var c = scenario.Config;
        var models = c.Models.Select((m, i) => new AigcModel(
            i,
            m.Name,
            m.Size,
            m.Work.Kind switch
            {
                WorkName.Fixed => WorkKind.Fixed,
                WorkName.PerBit => WorkKind.PerBit,
                _ => WorkKind.Diffusion,
            },
            m.Work.Server,
            m.Work.Device,
            m.Work.PerBit,
            m.Work.StepTimeDevice,
            m.Work.StepTimeServer)).ToList();
        var byName = models.ToDictionary(m => m.Name);
        var types = c.Ues.TaskTypes.Select((t, i) => new TaskTypeSpec(i, t.Name, byName[t.Model], t.Weight, t.Size.Sample, t.Deadline.Sample, t.Steps)).ToList();
        var preload = c.BaseStations.Server.Cache.Preload.Contains("all") ? models : models.Where(m => c.BaseStations.Server.Cache.Preload.Contains(m.Name)).ToList();
        var arrivals = c.Ues.Arrivals;
        return new WorldSpec
        {
            Seed = seed,
            Duration = c.Duration,
            Drain = c.Drain,
            MaxTime = c.MaxTime,
            Warmup = c.Warmup,
            BatchMeans = c.BatchMeans,
            Options = new WorldOptions(
                c.Scheduler.Epoch switch
                {
                    EpochName.Arrival => EpochKind.Arrival,
                    EpochName.Slot => EpochKind.Slot,
                    _ => EpochKind.Batch,
                },
                c.Scheduler.Slot,
                c.Offloading.Partial,
                c.Offloading.DropAtDeadline,
                c.Channel.Share == ShareName.Policy,
                new Quality(c.Quality.EpsFwd, c.Quality.C1, c.Quality.C2),
                c.Channel.Downlink.Enabled,
                c.Channel.Downlink.Rate,
                c.Channel.Downlink.ResultSize),
            UeCount = c.Ues.Count,
            UePlacement = Placement(c.Ues.Placement),
            UeRate = c.Ues.Compute.Sample,
            UeTxPowerW = c.Ues.TxPower,
            UeKappa = c.Ues.Energy.Kappa,
            Arrivals = arrivals.Kind switch
            {
                ArrivalName.Slot => ArrivalKind.Slot,
                ArrivalName.Poisson => ArrivalKind.Poisson,
                ArrivalName.Uniform => ArrivalKind.Uniform,
                _ => ArrivalKind.Trace,
            },
            ArrivalInterval = arrivals.Kind == ArrivalName.Poisson ? 1 / arrivals.Rate : arrivals.Interval,
            Trace = arrivals.Kind == ArrivalName.Trace ? ReadTrace(Path.Combine(scenario.Directory, arrivals.File), c.Ues.Count, types.Count) : [],
            Models = models,
            TaskTypes = types,
            EdgeCount = c.BaseStations.Count,
            EdgePlacement = Placement(c.BaseStations.Placement),
            BandwidthHz = c.BaseStations.Bandwidth,
            EdgeRate = c.BaseStations.Server.Compute,
            EdgeCores = c.BaseStations.Server.Cores,
            EdgeDiscipline = c.BaseStations.Server.Discipline == DisciplineName.Ps ? Discipline.ProcessorSharing : Discipline.Fifo,
            EdgeKappa = c.BaseStations.Server.Kappa,
            CacheBits = c.BaseStations.Server.Cache.Capacity,
            Preload = preload,
            SwitchTime = c.BaseStations.Server.SwitchTime,
            BackhaulRate = c.BaseStations.Backhaul.Rate,
            BackhaulDelay = c.BaseStations.Backhaul.Delay,
            DownloadPowerW = c.BaseStations.Backhaul.DownloadPower,
            Cloud = c.Cloud.Enabled,
            CloudRate = c.Cloud.Compute,
            CloudCores = c.Cloud.Cores,
            CloudKappa = c.Cloud.Kappa,
            MaxGrants = c.BaseStations.Uplink.MaxGrants,
            Mobility = Mobility(c.Ues.Mobility, scenario.Directory, c.Ues.Count),
            Admission = new Admission(
                c.BaseStations.Admission.QueueTasks,
                c.BaseStations.Admission.QueueWork,
                c.BaseStations.Admission.Deadline,
                c.BaseStations.Coverage,
                c.BaseStations.Admission.Fallback switch
                {
                    FallbackName.Cloud => FallbackKind.Cloud,
                    FallbackName.Drop => FallbackKind.Drop,
                    _ => FallbackKind.Local,
                },
                double.IsPositiveInfinity(c.BaseStations.CoverageSnr) ? double.NegativeInfinity : c.BaseStations.CoverageSnr),
            Radio = new RadioSettings(
                c.Channel.Kind == ChannelName.Ideal ? ChannelKind.Ideal : ChannelKind.Shannon,
                c.Channel.IdealRate,
                new PathLoss(c.Channel.PathLoss.Pl0, c.Channel.PathLoss.Gamma, c.Channel.PathLoss.Reference, c.Channel.PathLoss.MinDistance),
                c.BaseStations.Noise,
                c.Channel.Interference,
                c.Channel.Share == ShareName.Policy,
                c.Channel.Fading.Kind == FadingName.Rayleigh ? c.Channel.Fading.Block : 0,
                c.Channel.Shadowing,
                c.Channel.PowerDensity == PowerDensityName.Band,
                c.Channel.InterferenceTolerance),
        };
    }

    private static MobilitySettings Mobility(MobilityConfig m, string directory, int ues)
    {
        if (m.Kind == MobilityName.Static)
        {
            return MobilitySettings.Static;
        }

        var area = new Area(m.Center[0] - (m.Width / 2), m.Center[1] - (m.Height / 2), m.Center[0] + (m.Width / 2), m.Center[1] + (m.Height / 2));
        var traced = m.Kind == MobilityName.Trace ? ReadMobilityTrace(Path.Combine(directory, m.File), ues) : null;
        var moving = m.Moving;
        Trajectory? PathOf(int n, Point start, Random random)
        {
            if (n >= moving)
            {
                return null;
            }

            return m.Kind switch
            {
                MobilityName.Linear => new LinearTrajectory(start, m.Heading, m.Speed),
                MobilityName.RandomWaypoint => new RandomWaypointTrajectory(start, area, m.SpeedMin, m.SpeedMax, m.Pause, random),
                MobilityName.GaussMarkov => new GaussMarkovTrajectory(start, area, m.MeanSpeed, m.Alpha, m.Step, m.SpeedSd, m.HeadingSd, random),
                _ => traced!.TryGetValue(n, out var points) ? new TracedTrajectory(points) : null,
            };
        }

        var h = m.Handover;
        return new MobilitySettings
        {
            Trajectory = PathOf,
            Update = m.Update,
            Rule = h.Rule == AssociationName.Nearest ? AssociationRule.Nearest : AssociationRule.Strongest,
            HysteresisDb = h.Hysteresis,
            TimeToTrigger = h.TimeToTrigger,
            Interruption = h.Interruption,
            Restart = h.Mode == HandoverModeName.Restart,
        };
    }

    /// <summary>Reads a mobility trace CSV (<c>time,ue,x,y</c>) as <c>netsim validate</c> checks it; throws a <see cref="FormatException"/> with the first problem.</summary>
    public static IReadOnlyDictionary<int, List<(double Time, Point At)>> ReadMobilityTrace(string path, int ues)
    {
        var errors = new List<ScenarioError>();
        return MobilityTraceFile.Read(path, path, ues, ScenarioLimits.FromEnvironment(path, errors), new Yaml.SourceSpan(path, 1, 1), errors) is { } trace && errors.Count == 0
            ? trace
            : throw new FormatException(errors[0].ToString());
    }

    private static Placement Placement(PlacementConfig p) => new(
        p.Kind switch
        {
            PlacementName.Disk => PlacementKind.Disk,
            PlacementName.Rectangle => PlacementKind.Rectangle,
            PlacementName.Grid => PlacementKind.Grid,
            _ => PlacementKind.Points,
        },
        new Point(p.Center[0], p.Center[1]),
        p.Radius,
        p.Width,
        p.Height,
        p.Points.Select(x => new Point(x[0], x[1])).ToList());

    /// <summary>
    /// Reads a trace CSV (<c>time,ue[,type][,size_bits]</c>, an optional header line), as
    /// <c>netsim validate</c> checks it; throws a <see cref="FormatException"/> with the first problem.
    /// </summary>
    public static IReadOnlyList<TraceArrival> ReadTrace(string path, int ues, int types)
    {
        var errors = new List<ScenarioError>();
        return TraceFile.Read(path, path, ues, types, ScenarioLimits.FromEnvironment(path, errors), new Yaml.SourceSpan(path, 1, 1), errors) is { } trace && errors.Count == 0
            ? trace
            : throw new FormatException(errors[0].ToString());
    }
}
